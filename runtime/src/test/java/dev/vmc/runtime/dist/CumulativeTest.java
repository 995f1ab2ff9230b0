package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.CauchyDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.GumbelDistribution;
import org.apache.commons.math3.distribution.LaplaceDistribution;
import org.apache.commons.math3.distribution.LogisticDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PascalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The log CDFs and log CCDFs: values against Commons Math's distributions (or a closed form),
 * and partials against central differences of the values, at points inside the support.
 */
class CumulativeTest {
    /**
     * One family at one point, {x, parameters...}, with the CDF there from an independent
     * source; {@code integers} is how many leading arguments are integers (the variate of a
     * discrete family, binomial's n), which take no finite differences.
     */
    record Case(String family, double[] point, DoubleUnaryOperator cdf, int integers) {
        Cumulative cumulative() {
            return (Cumulative) Distributions.get(family);
        }

        double[] args() {
            double[] args = new double[4];
            System.arraycopy(point, 0, args, 0, point.length);
            return args;
        }

        @Override
        public String toString() {
            return family + java.util.Arrays.toString(point);
        }
    }

    static Case of(String family, DoubleUnaryOperator cdf, double... point) {
        return new Case(family, point, cdf, 0);
    }

    static Stream<Case> cases() {
        return Stream.of(
                of("normal", x -> new NormalDistribution(0.4, 1.3).cumulativeProbability(x), 0.1, 0.4, 1.3),
                of("normal", x -> new NormalDistribution(-1, 0.5).cumulativeProbability(x), -3.2, -1, 0.5),
                of("normal", x -> new NormalDistribution(0, 2).cumulativeProbability(x), 9, 0, 2),
                of("lognormal", x -> new LogNormalDistribution(0.2, 0.8).cumulativeProbability(x), 1.7, 0.2, 0.8),
                of("lognormal", x -> new LogNormalDistribution(-1, 0.5).cumulativeProbability(x), 0.1, -1, 0.5),
                of("student_t", x -> new TDistribution(3).cumulativeProbability((x - 0.5) / 1.5), -2, 3, 0.5, 1.5),
                of("student_t", x -> new TDistribution(0.8).cumulativeProbability((x + 1) / 2), 4, 0.8, -1, 2),
                of("student_t", x -> new TDistribution(25).cumulativeProbability(x), 0.3, 25, 0, 1),
                of("cauchy", x -> new CauchyDistribution(0.5, 1.2).cumulativeProbability(x), -3, 0.5, 1.2),
                of("cauchy", x -> new CauchyDistribution(-1, 0.3).cumulativeProbability(x), 2, -1, 0.3),
                of("exponential", x -> new ExponentialDistribution(1 / 1.3).cumulativeProbability(x), 0.7, 1.3),
                of("exponential", x -> new ExponentialDistribution(1 / 0.01).cumulativeProbability(x), 0.02, 0.01),
                of("gamma", x -> new GammaDistribution(2.5, 1 / 1.5).cumulativeProbability(x), 1.1, 2.5, 1.5),
                of("gamma", x -> new GammaDistribution(0.6, 1 / 3.0).cumulativeProbability(x), 0.05, 0.6, 3),
                of("gamma", x -> new GammaDistribution(12, 1 / 0.8).cumulativeProbability(x), 30, 12, 0.8),
                of("beta", x -> new BetaDistribution(1.5, 2.5).cumulativeProbability(x), 0.3, 1.5, 2.5),
                of("beta", x -> new BetaDistribution(0.5, 0.7).cumulativeProbability(x), 0.97, 0.5, 0.7),
                of("uniform", x -> new UniformRealDistribution(-1, 2).cumulativeProbability(x), 0.4, -1, 2),
                new Case("poisson", new double[] {3, 2.2}, k -> new PoissonDistribution(2.2).cumulativeProbability((int) k), 1),
                new Case("poisson", new double[] {0, 0.7}, k -> new PoissonDistribution(0.7).cumulativeProbability((int) k), 1),
                new Case("poisson", new double[] {25, 12.5}, k -> new PoissonDistribution(12.5).cumulativeProbability((int) k), 1),
                new Case("binomial", new double[] {2, 6, 0.4}, k -> new BinomialDistribution(6, 0.4).cumulativeProbability((int) k), 2),
                new Case("binomial", new double[] {0, 12, 0.1}, k -> new BinomialDistribution(12, 0.1).cumulativeProbability((int) k), 2),
                new Case("bernoulli", new double[] {0, 0.35}, k -> 0.65, 1),
                new Case("neg_binomial_2", new double[] {3, 2.5, 2},
                        k -> new PascalDistribution(2, 2 / 4.5).cumulativeProbability((int) k), 1),
                new Case("neg_binomial_2_log", new double[] {0, Math.log(0.4), 3},
                        k -> new PascalDistribution(3, 3 / 3.4).cumulativeProbability((int) k), 1),
                new Case("neg_binomial", new double[] {12, 4, 0.5},
                        k -> new PascalDistribution(4, 0.5 / 1.5).cumulativeProbability((int) k), 1),
                of("chi_square", x -> new ChiSquaredDistribution(3.5).cumulativeProbability(x), 2.2, 3.5),
                of("inv_chi_square", x -> 1 - new ChiSquaredDistribution(2.5).cumulativeProbability(1 / x), 0.6, 2.5),
                of("scaled_inv_chi_square", x -> 1 - new ChiSquaredDistribution(4).cumulativeProbability(4 * 0.7 * 0.7 / x),
                        0.5, 4, 0.7),
                of("beta_proportion", x -> new BetaDistribution(0.3 * 8, 0.7 * 8).cumulativeProbability(x), 0.4, 0.3, 8),
                of("frechet", x -> Math.exp(-Math.pow(x / 1.3, -1.5)), 0.9, 1.5, 1.3),
                of("frechet", x -> Math.exp(-Math.pow(x / 2, -0.6)), 5, 0.6, 2),
                of("half_normal", x -> 2 * new NormalDistribution(0, 1.4).cumulativeProbability(x) - 1, 0.9, 1.4),
                of("half_normal", x -> 2 * new NormalDistribution(0, 0.3).cumulativeProbability(x) - 1, 1.2, 0.3),
                of("half_cauchy", x -> 2 / Math.PI * Math.atan(x / 1.4), 0.9, 1.4),
                of("half_cauchy", x -> 2 / Math.PI * Math.atan(x / 0.3), 30, 0.3),
                of("std_normal", x -> new NormalDistribution(0, 1).cumulativeProbability(x), -1.7),
                of("logistic", x -> new LogisticDistribution(0.5, 1.2).cumulativeProbability(x), -2, 0.5, 1.2),
                of("logistic", x -> new LogisticDistribution(-1, 0.3).cumulativeProbability(x), 1, -1, 0.3),
                of("gumbel", x -> new GumbelDistribution(0.5, 1.2).cumulativeProbability(x), -1, 0.5, 1.2),
                of("gumbel", x -> new GumbelDistribution(-1, 0.3).cumulativeProbability(x), 0.2, -1, 0.3),
                of("double_exponential", x -> new LaplaceDistribution(0.5, 1.2).cumulativeProbability(x), -2, 0.5, 1.2),
                of("double_exponential", x -> new LaplaceDistribution(-1, 0.3).cumulativeProbability(x), 0.1, -1, 0.3),
                of("weibull", x -> new WeibullDistribution(1.5, 1.3).cumulativeProbability(x), 0.9, 1.5, 1.3),
                of("weibull", x -> new WeibullDistribution(0.6, 2).cumulativeProbability(x), 5, 0.6, 2),
                of("rayleigh", x -> 1 - Math.exp(-x * x / (2 * 1.4 * 1.4)), 1.1, 1.4),
                of("inv_gamma", x -> 1 - new GammaDistribution(2.5, 1 / 1.5).cumulativeProbability(1 / x), 0.8, 2.5, 1.5),
                of("inv_gamma", x -> 1 - new GammaDistribution(0.7, 1 / 0.4).cumulativeProbability(1 / x), 3, 0.7, 0.4),
                of("pareto", x -> 1 - Math.pow(1.5 / x, 3), 2.5, 1.5, 3),
                of("pareto", x -> 1 - Math.pow(0.2 / x, 0.7), 0.25, 0.2, 0.7),
                of("pareto_type_2", x -> 1 - Math.pow(1 + (x - 0.5) / 1.5, -3), 2.5, 0.5, 1.5, 3),
                of("pareto_type_2", x -> 1 - Math.pow(1 + (x + 1) / 0.3, -0.8), 4, -1, 0.3, 0.8),
                of("exp_mod_normal", x -> expModNormalCdf(x, 0, 1, 2), 0.3, 0, 1, 2),
                of("exp_mod_normal", x -> expModNormalCdf(x, 1, 0.5, 0.7), -0.2, 1, 0.5, 0.7),
                of("exp_mod_normal", x -> expModNormalCdf(x, -1, 3, 0.2), 6, -1, 3, 0.2),
                of("von_mises", x -> vonMisesCdf(x, 0.3, 2), 0.4, 0.3, 2),
                of("von_mises", x -> vonMisesCdf(x, 1, 0.5), -2.5, 1, 0.5),
                // mu near -pi, so the law wraps round the interval's ends; mu beyond pi
                of("von_mises", x -> vonMisesCdf(x, -2.8, 8), 2.9, -2.8, 8),
                of("von_mises", x -> vonMisesCdf(x, 4, 3), 1.5, 4, 3),
                of("von_mises", x -> vonMisesCdf(x, 0, 300), 0.1, 0, 300),
                of("von_mises", x -> vonMisesCdf(x, 0.2, 1e4), 0.205, 0.2, 1e4));
    }

    /** The von Mises law on [-pi, pi] by Simpson's rule on its density from -pi, not through its series. */
    static double vonMisesCdf(double x, double mu, double kappa) {
        ScalarDensity d = (ScalarDensity) Distributions.get("von_mises");
        return Quadrature.simpson(t -> Math.exp(d.logDensity(t, mu, kappa, 0)), -Math.PI, x, 200_000);
    }

    /**
     * The exp_mod_normal CDF from its definition, not its closed form: X = N + E, so
     * P(X <= x) = int_0^inf lambda e^(-lambda t) Phi((x - t - mu) / sigma) dt, by Simpson's rule out to
     * where e^(-lambda t) is below 1e-17.
     */
    static double expModNormalCdf(double x, double mu, double sigma, double lambda) {
        NormalDistribution normal = new NormalDistribution(mu, sigma);
        return Quadrature.simpson(t -> lambda * Math.exp(-lambda * t) * normal.cumulativeProbability(x - t),
                0, 40 / lambda, 200_000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valuesAgreeWithCommonsMath(Case c) {
        double[] a = c.args();
        double expected = c.cdf().applyAsDouble(a[0]);
        double lcdf = c.cumulative().logCdf(a[0], a[1], a[2], a[3]);
        double lccdf = c.cumulative().logCcdf(a[0], a[1], a[2], a[3]);
        assertEquals(Math.log(expected), lcdf, 1e-9 * Math.max(1, Math.abs(lcdf)), c + " lcdf");
        assertEquals(Math.log1p(-expected), lccdf, 1e-8 * Math.max(1, Math.abs(lccdf)), c + " lccdf");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void partialsMatchFiniteDifferences(Case c) {
        for (boolean upper : new boolean[] {false, true}) {
            ScalarTerm term = new CumulativeTerm(c.family(), c.cumulative(), upper);
            double[] args = c.args();
            double[] g = new double[4];
            term.gradient(args[0], args[1], args[2], args[3], g);
            for (int k = 0; k < c.point().length; k++) {
                if (k < c.integers()) {
                    assertEquals(0, g[k], c + ": no gradient with respect to an integer, argument " + k);
                    continue;
                }
                double numeric = ScalarGradientTest.centralDifference(term, args, k);
                // the shapes' own partials are central differences themselves, so a looser bound
                assertEquals(numeric, g[k], 2e-5 * Math.max(1, Math.abs(numeric)),
                        c + (upper ? " lccdf" : " lcdf") + ": d/d argument " + k);
            }
        }
    }

    /**
     * Each family's density against its CDF, which the test above holds to Commons Math: the
     * central difference of the CDF for a continuous family, the step at the point for a
     * discrete one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theDensityIsTheSlopeOrStepOfTheCdf(Case c) {
        double[] a = c.args();
        Cumulative f = c.cumulative();
        ScalarDensity d = (ScalarDensity) c.cumulative();
        double density = Math.exp(d.logDensity(a[0], a[1], a[2], a[3]));
        double slope;
        if (d.isDiscrete()) {
            slope = Math.exp(f.logCdf(a[0], a[1], a[2], a[3])) - Math.exp(f.logCdf(a[0] - 1, a[1], a[2], a[3]));
        } else {
            double h = 1e-5 * Math.max(1e-2, Math.abs(a[0]));
            slope = (Math.exp(f.logCdf(a[0] + h, a[1], a[2], a[3])) - Math.exp(f.logCdf(a[0] - h, a[1], a[2], a[3]))) / (2 * h);
        }
        assertEquals(slope, density, 1e-6 * Math.max(1, density), c.toString());
    }

    /** Far in the tails, where the CDF itself underflows or rounds to 1, the logs stay finite and right. */
    @Test
    void tailsKeepTheirDigits() {
        Cumulative normal = (Cumulative) Distributions.get("normal");
        // R: pnorm(-40, log.p = TRUE) and pnorm(-10, log.p = TRUE)
        assertEquals(-804.6084420137538, normal.logCdf(-40, 0, 1, 0), 1e-9);
        assertEquals(-53.23128515051247, normal.logCdf(-10, 0, 1, 0), 1e-11);
        assertEquals(-53.23128515051247, normal.logCcdf(10, 0, 1, 0), 1e-11);
        // 1 - Phi(-10) rounds to 1, but its log is -Phi(-10) to first order
        assertEquals(-7.619853024160527e-24, normal.logCdf(10, 0, 1, 0), 1e-35);
        Cumulative exponential = (Cumulative) Distributions.get("exponential");
        assertEquals(Math.log(1e-12), exponential.logCdf(1e-12, 1, 0, 0), 1e-9);
        Cumulative cauchy = (Cumulative) Distributions.get("cauchy");
        assertEquals(Math.log(1 / (Math.PI * 1e8)), cauchy.logCdf(-1e8, 0, 1, 0), 1e-9);
        double[] g = new double[4];
        normal.logCumulativeGradient(-40, 0, 1, 0, false, g);
        assertTrue(Math.abs(g[0] - 40.025) < 0.001, "the inverse Mills ratio at -40 is about 40.025, got " + g[0]);
    }

    /** Outside the support the lower tail is empty and the upper one whole, with no slope. */
    @Test
    void outsideTheSupportTheTailsAreEmptyOrWhole() {
        for (String family : new String[] {"lognormal", "exponential", "gamma", "beta"}) {
            Cumulative c = (Cumulative) Distributions.get(family);
            assertEquals(Double.NEGATIVE_INFINITY, c.logCdf(-1, 1, 1, 0), family);
            assertEquals(0, c.logCcdf(-1, 1, 1, 0), family);
            double[] g = {9, 9, 9, 9};
            c.logCumulativeGradient(-1, 1, 1, 0, false, g);
            assertEquals(0, g[0], family);
        }
        Cumulative poisson = (Cumulative) Distributions.get("poisson");
        assertEquals(Double.NEGATIVE_INFINITY, poisson.logCdf(-1, 2, 0, 0));
        assertEquals(0, poisson.logCcdf(-1, 2, 0, 0));
    }
}
