package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.runtime.graph.Special;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Densities integrate, and masses sum, to 1. Infinite ranges are mapped onto a finite window
 * by a substitution that turns polynomial tails into exponential ones (sinh on the line, exp on
 * the half line, the logistic on the unit interval), so Simpson's rule is accurate to ~1e-10.
 */
class NormalisationTest {
    private static final double TOLERANCE = 1e-6;
    private static final int INTERVALS = 200_000;
    private static final double WINDOW = 60;
    private static final int CIRCLE_INTERVALS = 20_000;

    private static double density(String name, double x, double... p) {
        double[] a = new double[3];
        System.arraycopy(p, 0, a, 0, p.length);
        return Math.exp(((ScalarDensity) Distributions.get(name)).logDensity(x, a[0], a[1], a[2]));
    }

    /** The integral over the real line through x = centre + width * sinh(s). */
    private static double overReals(double centre, double width, DoubleUnaryOperator f) {
        return Quadrature.simpson(s -> f.applyAsDouble(centre + width * Math.sinh(s)) * width * Math.cosh(s),
                -WINDOW, WINDOW, INTERVALS);
    }

    /** The integral over (0, inf) through x = exp(s). */
    private static double overPositives(DoubleUnaryOperator f) {
        return Quadrature.simpson(s -> {
            double x = Math.exp(s);
            return f.applyAsDouble(x) * x;
        }, -WINDOW, WINDOW, INTERVALS);
    }

    /**
     * The integral of f over (0, 1/2] through x = inv_logit(s), s <= 0. Only the lower half:
     * above 1/2, inv_logit(s) rounds to 1 long before the tail is negligible.
     */
    private static double overLowerHalfOfUnitInterval(DoubleUnaryOperator f) {
        return Quadrature.simpson(s -> {
            double x = Special.invLogit(s);
            return f.applyAsDouble(x) * x * Special.invLogit(-s);
        }, -WINDOW, 0, INTERVALS);
    }

    /** beta(a, b) over (0, 1): the upper half is the lower half of beta(b, a), by symmetry. */
    private static double betaIntegral(double a, double b) {
        return overLowerHalfOfUnitInterval(x -> density("beta", x, a, b))
                + overLowerHalfOfUnitInterval(x -> density("beta", x, b, a));
    }

    @Test
    void densitiesOnTheRealLineIntegrateToOne() {
        double[][] normal = {{0, 1}, {3, 0.2}, {-2, 7}};
        for (double[] p : normal) {
            assertEquals(1, overReals(p[0], p[1], x -> density("normal", x, p)), TOLERANCE, "normal " + p[0] + ", " + p[1]);
        }
        double[][] cauchy = {{0, 1}, {3, 0.2}, {-2, 7}};
        for (double[] p : cauchy) {
            assertEquals(1, overReals(p[0], p[1], x -> density("cauchy", x, p)), TOLERANCE, "cauchy " + p[0] + ", " + p[1]);
        }
        double[][] studentT = {{1, 0, 1}, {2.5, 3, 0.2}, {30, -2, 7}, {1.2, 0.5, 2}};
        for (double[] p : studentT) {
            assertEquals(1, overReals(p[1], p[2], x -> density("student_t", x, p)), TOLERANCE, "student_t nu " + p[0]);
        }
    }

    @Test
    void densitiesOnThePositiveHalfLineIntegrateToOne() {
        double[][] lognormal = {{0, 1}, {2, 0.1}, {-1, 2.5}};
        for (double[] p : lognormal) {
            assertEquals(1, overPositives(x -> density("lognormal", x, p)), TOLERANCE, "lognormal " + p[0] + ", " + p[1]);
        }
        for (double lambda : new double[] {0.01, 1, 40}) {
            assertEquals(1, overPositives(x -> density("exponential", x, lambda)), TOLERANCE, "exponential " + lambda);
        }
        double[][] gamma = {{0.5, 2}, {1, 1}, {3.5, 0.2}, {40, 7}};
        for (double[] p : gamma) {
            assertEquals(1, overPositives(x -> density("gamma", x, p)), TOLERANCE, "gamma " + p[0] + ", " + p[1]);
        }
        for (double sigma : new double[] {0.05, 1, 30}) {
            assertEquals(1, overPositives(x -> density("half_normal", x, sigma)), TOLERANCE, "half_normal " + sigma);
            assertEquals(1, overPositives(x -> density("half_cauchy", x, sigma)), TOLERANCE, "half_cauchy " + sigma);
        }
    }

    @Test
    void densitiesOnBoundedIntervalsIntegrateToOne() {
        double[][] beta = {{1, 1}, {0.5, 0.5}, {2, 5}, {30, 0.8}};
        for (double[] p : beta) {
            assertEquals(1, betaIntegral(p[0], p[1]), TOLERANCE, "beta " + p[0] + ", " + p[1]);
        }
        assertEquals(1, Quadrature.simpson(x -> density("uniform", x, -1.5, 2.5), -1.5, 2.5, 100), 1e-12);
        assertEquals(1, Quadrature.simpson(x -> density("uniform", x, 1e3, 1e3 + 1e-3), 1e3, 1e3 + 1e-3, 100), 1e-9);
    }

    private static double sumOverCounts(int upTo, java.util.function.IntToDoubleFunction mass) {
        double acc = 0;
        for (int x = 0; x <= upTo; x++) {
            acc += mass.applyAsDouble(x);
        }
        return acc;
    }

    @Test
    void massFunctionsSumToOne() {
        for (double p : new double[] {0, 0.3, 1}) {
            assertEquals(1, density("bernoulli", 0, p) + density("bernoulli", 1, p), 1e-12, "bernoulli " + p);
        }
        for (double alpha : new double[] {-40, 0.7, 40}) {
            assertEquals(1, density("bernoulli_logit", 0, alpha) + density("bernoulli_logit", 1, alpha), 1e-12);
        }
        for (int n : new int[] {0, 1, 12, 500}) {
            for (double p : new double[] {0, 0.02, 0.5, 0.97, 1}) {
                assertEquals(1, sumOverCounts(n, x -> density("binomial", x, n, p)), 1e-10, "binomial " + n + ", " + p);
                double alpha = Math.log(p / (1 - p));
                if (Double.isFinite(alpha)) {
                    assertEquals(1, sumOverCounts(n, x -> density("binomial_logit", x, n, alpha)), 1e-10,
                            "binomial_logit " + n + ", " + alpha);
                }
            }
        }
        for (double lambda : new double[] {1e-3, 0.5, 7.5, 150}) {
            assertEquals(1, sumOverCounts(1000, x -> density("poisson", x, lambda)), 1e-10, "poisson " + lambda);
            assertEquals(1, sumOverCounts(1000, x -> density("poisson_log", x, Math.log(lambda))), 1e-10,
                    "poisson_log " + Math.log(lambda));
        }
    }

    /** skew_normal integrates to 1, with mean xi + omega delta sqrt(2 / pi), delta = alpha / sqrt(1 + alpha^2). */
    @Test
    void skewNormalIntegratesToOneWithItsMean() {
        double[][] cases = {{0, 1, 2}, {1.5, 0.7, -1}, {-1, 3, 6}};
        for (double[] p : cases) {
            assertEquals(1, overReals(p[0], p[1], x -> density("skew_normal", x, p)), TOLERANCE, "skew_normal");
            double delta = p[2] / Math.sqrt(1 + p[2] * p[2]);
            double mean = overReals(p[0], p[1], x -> x * density("skew_normal", x, p));
            assertEquals(p[0] + p[1] * delta * Math.sqrt(2 / Math.PI), mean, TOLERANCE * (1 + Math.abs(mean)), "skew_normal mean");
        }
    }

    /** beta_binomial's masses over 0..n sum to 1, with mean n alpha / (alpha + beta). */
    @Test
    void betaBinomialMassesSumToOne() {
        double[][] cases = {{7, 1.5, 2.5}, {20, 0.4, 0.3}, {1, 3, 1}};
        for (double[] p : cases) {
            double total = 0;
            double mean = 0;
            for (int k = 0; k <= p[0]; k++) {
                double mass = density("beta_binomial", k, p);
                total += mass;
                mean += k * mass;
            }
            assertEquals(1, total, 1e-12, "beta_binomial " + java.util.Arrays.toString(p));
            assertEquals(p[0] * p[1] / (p[1] + p[2]), mean, 1e-11, "beta_binomial mean");
        }
    }

    /** The integral over (lower, inf) through x = lower + scale * exp(s), for a density that jumps at lower. */
    private static double above(double lower, double scale, DoubleUnaryOperator f) {
        return Quadrature.simpson(s -> {
            double t = scale * Math.exp(s);
            return f.applyAsDouble(lower + t) * t;
        }, -WINDOW, WINDOW, INTERVALS);
    }

    /** pareto from y_min up, pareto_type_2 from mu up: 1, with means alpha y_min / (alpha - 1) and mu + lambda / (alpha - 1). */
    @Test
    void paretoLawsIntegrateToOneWithTheirMeans() {
        double[][] pareto = {{1.5, 3}, {0.2, 0.7}, {4, 12}};
        for (double[] p : pareto) {
            String what = "pareto " + java.util.Arrays.toString(p);
            assertEquals(1, above(p[0], p[0], x -> density("pareto", x, p)), TOLERANCE, what);
            if (p[1] > 2) {
                double mean = above(p[0], p[0], x -> x * density("pareto", x, p));
                assertEquals(p[1] * p[0] / (p[1] - 1), mean, TOLERANCE * mean, what + " mean");
            }
        }
        double[][] type2 = {{0.5, 1.5, 3}, {-1, 0.3, 0.8}, {2, 4, 12}};
        for (double[] p : type2) {
            String what = "pareto_type_2 " + java.util.Arrays.toString(p);
            assertEquals(1, above(p[0], p[1], x -> density("pareto_type_2", x, p)), TOLERANCE, what);
            if (p[2] > 2) {
                double mean = above(p[0], p[1], x -> x * density("pareto_type_2", x, p));
                assertEquals(p[0] + p[1] / (p[2] - 1), mean, TOLERANCE * (1 + Math.abs(mean)), what + " mean");
            }
        }
    }

    /** exp_mod_normal integrates to 1, with mean mu + 1 / lambda and variance sigma^2 + 1 / lambda^2. */
    @Test
    void expModNormalIntegratesToOneWithItsMoments() {
        double[][] cases = {{0, 1, 2}, {-3, 2, 15}, {2, 0.1, 0.05}};
        for (double[] p : cases) {
            String what = "exp_mod_normal " + java.util.Arrays.toString(p);
            double width = p[1] + 1 / p[2];
            assertEquals(1, overReals(p[0], width, x -> density("exp_mod_normal", x, p)), TOLERANCE, what);
            double mean = p[0] + 1 / p[2];
            assertEquals(mean, overReals(p[0], width, x -> x * density("exp_mod_normal", x, p)), TOLERANCE * (1 + Math.abs(mean)),
                    what + " mean");
            double variance = p[1] * p[1] + 1 / (p[2] * p[2]);
            assertEquals(variance, overReals(p[0], width, x -> (x - mean) * (x - mean) * density("exp_mod_normal", x, p)),
                    TOLERANCE * variance, what + " variance");
        }
    }

    /**
     * von_mises integrates to 1 over any interval of length 2 pi, and E cos(y - mu) = I1(kappa) /
     * I0(kappa): the Bessel ratio its gradient uses, against quadrature, up to kappa = 1e4. The
     * integrand is smooth and periodic, so Simpson's rule needs far fewer intervals than on a line.
     */
    @Test
    void vonMisesIntegratesToOneOverACircle() {
        double[][] cases = {{0, 0}, {0.4, 0.5}, {-2, 3}, {1, 24.9}, {1, 25.1}, {3, 700}, {0.2, 1e4}};
        for (double[] p : cases) {
            String what = "von_mises " + java.util.Arrays.toString(p);
            double mu = p[0];
            assertEquals(1, Quadrature.simpson(x -> density("von_mises", x, p), mu - Math.PI, mu + Math.PI, CIRCLE_INTERVALS),
                    TOLERANCE, what);
            // shifted off the centre: still one whole period
            assertEquals(1, Quadrature.simpson(x -> density("von_mises", x, p), mu - 1, mu - 1 + 2 * Math.PI, CIRCLE_INTERVALS),
                    TOLERANCE, what + " shifted");
            double meanCos = Quadrature.simpson(x -> Math.cos(x - mu) * density("von_mises", x, p), mu - Math.PI, mu + Math.PI,
                    CIRCLE_INTERVALS);
            assertEquals(meanCos, dev.vmc.runtime.graph.Bessel.i1OverI0(p[1]), TOLERANCE, what + " mean cosine");
        }
    }
}
