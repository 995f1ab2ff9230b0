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

    private static double lcdf(String name, double x, double... p) {
        double[] a = new double[3];
        System.arraycopy(p, 0, a, 0, p.length);
        return ((Cumulative) Distributions.get(name)).logCdf(x, a[0], a[1], a[2]);
    }

    private static double lccdf(String name, double x, double... p) {
        double[] a = new double[3];
        System.arraycopy(p, 0, a, 0, p.length);
        return ((Cumulative) Distributions.get(name)).logCcdf(x, a[0], a[1], a[2]);
    }

    /**
     * Stan's own values, from rstan 2.21's expose_stan_functions on _lpdf, _lcdf and _lccdf
     * (printed to 17 digits), including a variate a million times y_min and one just above it.
     */
    @Test
    void paretoLawsAgreeWithStan() {
        near(-1.3501553145040175, lp("pareto", 2.5, 1.5, 3), "pareto_lpdf(2.5 | 1.5, 3)");
        near(-0.24334625863172918, lcdf("pareto", 2.5, 1.5, 3), "pareto_lcdf(2.5 | 1.5, 3)");
        near(-1.5324768712979722, lccdf("pareto", 2.5, 1.5, 3), "pareto_lccdf(2.5 | 1.5, 3)");
        near(-22.567705564003379, lp("pareto", 1e6, 0.1, 0.5), "pareto_lpdf(1e6 | 0.1, 0.5)");
        near(-8.5173431826667798, lcdf("pareto", 1.0001, 1, 2), "pareto_lcdf(1.0001 | 1, 2)");
        near(-8.0590478254791602, lccdf("pareto", 1e6, 0.1, 0.5), "pareto_lccdf(1e6 | 0.1, 0.5)");
        near(-2.6960442609888688, lp("pareto_type_2", 2.5, 0.5, 1.5, 3), "pareto_type_2_lpdf(2.5 | 0.5, 1.5, 3)");
        near(-0.081988233579027833, lcdf("pareto_type_2", 2.5, 0.5, 1.5, 3), "pareto_type_2_lcdf(2.5 | 0.5, 1.5, 3)");
        near(-2.5418935811616103, lccdf("pareto_type_2", 2.5, 0.5, 1.5, 3), "pareto_type_2_lccdf(2.5 | 0.5, 1.5, 3)");
        near(-21.909611031569273, lp("pareto_type_2", 1e5, -1, 0.3, 0.8), "pareto_type_2_lpdf(1e5 | -1, 0.3, 0.8)");
        near(-0.27245833956656829, lcdf("pareto_type_2", 0.5, -1, 0.3, 0.8), "pareto_type_2_lcdf(0.5 | -1, 0.3, 0.8)");
        near(-10.173529015369333, lccdf("pareto_type_2", 1e5, -1, 0.3, 0.8), "pareto_type_2_lccdf(1e5 | -1, 0.3, 0.8)");
        // below the lower end the density is 0, the lower tail empty and the upper whole
        assertEquals(Double.NEGATIVE_INFINITY, lp("pareto", 1.4, 1.5, 3));
        assertEquals(Double.NEGATIVE_INFINITY, lcdf("pareto", 1.4, 1.5, 3));
        assertEquals(0, lccdf("pareto", 1.4, 1.5, 3));
        assertEquals(Double.NEGATIVE_INFINITY, lp("pareto_type_2", 0.4, 0.5, 1.5, 3));
        assertEquals(0, lccdf("pareto_type_2", 0.4, 0.5, 1.5, 3));
    }

    /**
     * Stan's values as above, but for three lower tails (NaN here): Stan 2.21 gives -inf at
     * y = -30 and y = -8, where its CDF underflows, and at y = -2 a value 4e-6 off in relative
     * terms, from the cancellation in Phi(u) - exp(v) Phi(w); vmc takes that difference in logs,
     * and the test below holds all three to the convolution instead.
     */
    @Test
    void expModNormalAgreesWithStan() {
        double[][] rows = {
            {0.3, 0, 1, 2, -1.0176489169925356, -0.82738840428218308, -0.57481240218706742},
            {-2, 1, 0.5, 0.7, -21.147491504032033, Double.NaN, -5.1907589339276693e-11},
            {-30, 0, 1, 2, -453.69250144516536, Double.NaN, 0},
            {50, 0, 1, 2, -97.306852819440053, 0, -98},
            {-8, 3, 0.4, 10, -380.19234626990283, Double.NaN, 0},
            {1000, 2, 3, 0.01, -14.584720185988093, -4.6338990186707906e-05, -9.9795499999999997}};
        for (double[] r : rows) {
            String at = java.util.Arrays.toString(java.util.Arrays.copyOf(r, 4));
            near(r[4], lp("exp_mod_normal", r[0], r[1], r[2], r[3]), "exp_mod_normal_lpdf " + at);
            if (!Double.isNaN(r[5])) {
                near(r[5], lcdf("exp_mod_normal", r[0], r[1], r[2], r[3]), "exp_mod_normal_lcdf " + at);
            }
            near(r[6], lccdf("exp_mod_normal", r[0], r[1], r[2], r[3]), "exp_mod_normal_lccdf " + at);
        }
    }

    /**
     * The density and lower tail from the definition, X = normal + exponential, far into both
     * tails: log of int_0^inf lambda e^(-lambda t) N(y - t | mu, sigma) dt (or of Phi for the CDF),
     * by Simpson's rule on the integrand divided by its largest value, so that nothing underflows.
     */
    @Test
    void expModNormalAgreesWithItsConvolutionInTheTails() {
        double[][] points = {{-2, 1, 0.5, 0.7}, {-30, 0, 1, 2}, {-8, 3, 0.4, 10}, {50, 0, 1, 2}, {-200, 0, 5, 0.5}, {1e3, 2, 3, 0.01}, {0.5, 0, 1e-3, 1e3}};
        for (double[] p : points) {
            String at = java.util.Arrays.toString(p);
            near(convolution(p, false), lp("exp_mod_normal", p[0], p[1], p[2], p[3]), "exp_mod_normal_lpdf " + at);
            assertEquals(convolution(p, true), lcdf("exp_mod_normal", p[0], p[1], p[2], p[3]),
                    1e-8 * Math.max(1, Math.abs(convolution(p, true))), "exp_mod_normal_lcdf " + at);
        }
    }

    /** The log of the convolution integral of {@link #expModNormalAgreesWithItsConvolutionInTheTails}. */
    private static double convolution(double[] p, boolean cdf) {
        double y = p[0];
        double mu = p[1];
        double sigma = p[2];
        double lambda = p[3];
        NormalDistribution normal = new NormalDistribution(mu, sigma);
        java.util.function.DoubleUnaryOperator logIntegrand = t -> Math.log(lambda) - lambda * t
                + (cdf ? Special.logPhi((y - t - mu) / sigma) : normal.logDensity(y - t));
        // the integrand's peak: where the normal's slope meets lambda's, or t = 0
        double peak = Math.max(0, y - mu - lambda * sigma * sigma);
        double top = logIntegrand.applyAsDouble(peak);
        double end = peak + 40 * sigma + 60 / lambda;
        double integral = Quadrature.simpson(t -> Math.exp(logIntegrand.applyAsDouble(t) - top), 0, end, 400_000);
        return top + Math.log(integral);
    }

    /**
     * von_mises_lpdf(0.7 | -0.2, kappa) from rstan 2.21 up to kappa = 100 (beyond, Stan's
     * Boost I0 overflows: at 800 it fails), and log I0 and I1 / I0 from R's exponentially scaled
     * besselI up to 1e4, either side of the switch from series to asymptotic expansion at 25.
     */
    @Test
    void vonMisesAgreesWithStanAndTheBesselFunctions() {
        double[][] rows = {
            {0.001, -1.8372557064410588, 2.4999998440595333e-07, 0.00049999993750001045},
            {0.5, -1.5886218014594944, 0.061549719185481189, 0.24249961258080197},
            {3, -1.5583547834107727, 1.5853076218134208, 0.80998529395650454},
            {24.9, -8.7385418124164875, 22.378752955946688, 0.97970941673556056},
            {25.1, -8.810178087429593, 22.574711224613928, 0.97987282931521302},
            {100, -36.456612929285477, 96.779732689942591, 0.99498737300516871},
            {800, 800 * Math.cos(0.9) - Special.LOG_2PI - 795.73891195074498, 795.73891195074498, 0.99937480444288107},
            {1e4, 1e4 * Math.cos(0.9) - Special.LOG_2PI - 9994.4759037814329, 9994.4759037814329, 0.99994999874987489}};
        for (double[] r : rows) {
            near(r[1], lp("von_mises", 0.7, -0.2, r[0]), "von_mises_lpdf(0.7 | -0.2, " + r[0] + ")");
            near(r[2], dev.vmc.runtime.graph.Bessel.logI0(r[0]), "log I0(" + r[0] + ")");
            near(r[3], dev.vmc.runtime.graph.Bessel.i1OverI0(r[0]), "I1 / I0 at " + r[0]);
        }
        // kappa = 0 is the uniform law on the circle, which Stan allows in later versions
        near(-Special.LOG_2PI, lp("von_mises", 2.1, 0.3, 0), "von_mises_lpdf(2.1 | 0.3, 0)");
    }

    /**
     * von_mises_cdf at the points of Stan math's own test of it (test/prob/von_mises/von_mises_cdf_test.hpp:
     * a mu of 2 pi, taken modulo 2 pi, and a nearly flat kappa); rstan 2.21 predates the function.
     */
    @Test
    void vonMisesCdfAgreesWithStanMathsTest() {
        near(Math.log(0.1097601896880533), lcdf("von_mises", -1.5707463267948965, 6.283185307179586, 1), "kappa 1, mu 2 pi");
        near(Math.log(0.2484164302237636), lcdf("von_mises", -1.5707463267948965, 0, 0.01), "kappa 0.01");
        near(Math.log(0.5), lcdf("von_mises", 0, 6.283185307179586, 0.1), "the median");
        near(Math.log1p(-0.1097601896880533), lccdf("von_mises", -1.5707463267948965, 6.283185307179586, 1), "upper tail");
        // outside [-pi, pi] the tails are empty or whole
        assertEquals(Double.NEGATIVE_INFINITY, lcdf("von_mises", -3.2, 0, 1));
        assertEquals(0, lcdf("von_mises", 3.2, 0, 1));
    }
}
