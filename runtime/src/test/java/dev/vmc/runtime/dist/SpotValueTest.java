package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.runtime.graph.Special;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.CauchyDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** Log densities against closed forms and Commons Math's independent implementations. */
class SpotValueTest {
    private static final double TOLERANCE = 1e-9;

    private static double lp(String name, double x, double... p) {
        double[] a = new double[3];
        System.arraycopy(p, 0, a, 0, p.length);
        return ((ScalarDensity) Distributions.get(name)).logDensity(x, a[0], a[1], a[2]);
    }

    private static void near(double expected, double actual, String what) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void closedForms() {
        near(-0.5 * Special.LOG_2PI, lp("normal", 0, 0, 1), "normal(0 | 0, 1)");
        near(-0.5 * Special.LOG_2PI, lp("lognormal", 1, 0, 1), "lognormal(1 | 0, 1)");
        near(-Special.LOG_PI, lp("cauchy", 0, 0, 1), "cauchy(0 | 0, 1)");
        near(Math.log(2), lp("exponential", 0, 2), "exponential(0 | 2)");
        near(-Math.log(3), lp("uniform", 0.5, -1, 2), "uniform(0.5 | -1, 2)");
        near(0.5 * Math.log(2 / Math.PI), lp("half_normal", 0, 1), "half_normal(0 | 1)");
        near(Math.log(2 / Math.PI) - Math.log(2), lp("half_cauchy", 1, 1), "half_cauchy(1 | 1)");
        near(Math.log(0.3), lp("bernoulli", 1, 0.3), "bernoulli(1 | 0.3)");
        near(Math.log(0.7), lp("bernoulli", 0, 0.3), "bernoulli(0 | 0.3)");
        near(-Math.log(2), lp("bernoulli_logit", 1, 0), "bernoulli_logit(1 | 0)");
        near(Math.log(10) + 3 * Math.log(0.5) + 2 * Math.log(0.5), lp("binomial", 3, 5, 0.5), "binomial(3 | 5, 0.5)");
        near(-2, lp("poisson", 0, 2), "poisson(0 | 2)");
        near(3 * Math.log(2) - 2 - Math.log(6), lp("poisson_log", 3, Math.log(2)), "poisson_log(3 | log 2)");
        // student_t with nu = 1 is the Cauchy
        near(lp("cauchy", 2.5, 0.5, 1.5), lp("student_t", 2.5, 1, 0.5, 1.5), "student_t(nu = 1)");
        // the boundary cases the multiply-log helpers exist for
        near(Math.log(1.5), lp("gamma", 0, 1, 1.5), "gamma(0 | 1, 1.5)");
        near(0, lp("beta", 0, 1, 1), "beta(0 | 1, 1)");
        near(0, lp("binomial", 0, 4, 0), "binomial(0 | 4, 0)");
        near(0, lp("binomial", 4, 4, 1), "binomial(4 | 4, 1)");
        near(0, lp("poisson", 0, 0), "poisson(0 | 0)");
        near(0, lp("bernoulli", 1, 1), "bernoulli(1 | 1)");
    }

    @Test
    void continuousFamiliesAgreeWithCommonsMath() {
        double[] xs = {0.05, 0.4, 1, 2.7, 9};
        for (double x : xs) {
            near(new NormalDistribution(0.3, 1.7).logDensity(x), lp("normal", x, 0.3, 1.7), "normal at " + x);
            near(new LogNormalDistribution(0.3, 0.6).logDensity(x), lp("lognormal", x, 0.3, 0.6), "lognormal at " + x);
            near(new CauchyDistribution(0.3, 1.7).logDensity(x), lp("cauchy", x, 0.3, 1.7), "cauchy at " + x);
            near(new ExponentialDistribution(1 / 2.5).logDensity(x), lp("exponential", x, 2.5), "exponential at " + x);
            // commons-math's gamma takes a scale, the inverse of the rate
            near(new GammaDistribution(2.3, 1 / 1.4).logDensity(x), lp("gamma", x, 2.3, 1.4), "gamma at " + x);
            near(new GammaDistribution(0.6, 1 / 0.2).logDensity(x), lp("gamma", x, 0.6, 0.2), "gamma at " + x);
            double t = (x - 0.3) / 1.7;
            near(new TDistribution(4.5).logDensity(t) - Math.log(1.7), lp("student_t", x, 4.5, 0.3, 1.7), "student_t at " + x);
            near(Math.log(2) + new NormalDistribution(0, 1.7).logDensity(x), lp("half_normal", x, 1.7), "half_normal at " + x);
            near(Math.log(2) + new CauchyDistribution(0, 1.7).logDensity(x), lp("half_cauchy", x, 1.7), "half_cauchy at " + x);
        }
        for (double x : new double[] {1e-4, 0.1, 0.5, 0.83, 0.999}) {
            near(new BetaDistribution(2.5, 0.7).logDensity(x), lp("beta", x, 2.5, 0.7), "beta at " + x);
            near(new BetaDistribution(0.4, 12).logDensity(x), lp("beta", x, 0.4, 12), "beta at " + x);
        }
    }

    @Test
    void discreteFamiliesAgreeWithCommonsMath() {
        for (int x = 0; x <= 30; x++) {
            near(new BinomialDistribution(30, 0.35).logProbability(x), lp("binomial", x, 30, 0.35), "binomial at " + x);
            double alpha = Math.log(0.35 / 0.65);
            near(new BinomialDistribution(30, 0.35).logProbability(x), lp("binomial_logit", x, 30, alpha),
                    "binomial_logit at " + x);
            near(new PoissonDistribution(6.2).logProbability(x), lp("poisson", x, 6.2), "poisson at " + x);
            near(new PoissonDistribution(6.2).logProbability(x), lp("poisson_log", x, Math.log(6.2)), "poisson_log at " + x);
        }
    }

    @Test
    void logitFamiliesStayFiniteAndAccurateForExtremeLogits() {
        near(-800, lp("bernoulli_logit", 0, 800), "bernoulli_logit(0 | 800)");
        assertEquals(-Math.exp(-800), lp("bernoulli_logit", 1, 800), 1e-300, "bernoulli_logit(1 | 800)");
        near(-3 * 900, lp("binomial_logit", 2, 5, 900) - Special.logChoose(5, 2), "binomial_logit(2 | 5, 900)");
        near(-Math.exp(50), lp("poisson_log", 0, 50), "poisson_log(0 | 50)");
    }
}
