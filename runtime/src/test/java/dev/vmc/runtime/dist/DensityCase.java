package dev.vmc.runtime.dist;

import java.util.List;

/**
 * Test points for one scalar density: rows of {x, a, b, c} inside the support, a vector of
 * variates for graph-level checks with scalar parameters {@code graphParameters}, and which
 * parameters are integers (binomial's n), so take no finite differences.
 */
record DensityCase(String name, double[][] points, double[] graphVariates, double[] graphParameters, boolean integerFirstParameter) {

    ScalarDensity density() {
        return (ScalarDensity) Distributions.get(name);
    }

    int arity() {
        return graphParameters.length;
    }

    boolean isParameterInteger(int index) {
        return integerFirstParameter && index == 0;
    }

    @Override
    public String toString() {
        return name;
    }

    private static DensityCase of(String name, double[][] points, double[] xs, double... parameters) {
        return new DensityCase(name, points, xs, parameters, false);
    }

    private static double[] v(double... values) {
        return values;
    }

    /** Every scalar density in the library. */
    static List<DensityCase> all() {
        return List.of(
                of("normal", new double[][] {{0.3, 0, 1}, {-2, 1.5, 0.7}, {4, -1, 3}}, v(-0.5, 0.2, 1.7), 0.4, 1.3),
                of("lognormal", new double[][] {{0.5, 0, 1}, {2.3, 0.4, 0.6}, {10, 1, 2}, {0.02, -2, 0.5}},
                        v(0.5, 1.2, 3), 0.2, 0.8),
                of("student_t", new double[][] {{0.3, 3, 0, 1}, {-2, 1.5, 1, 0.7}, {5, 30, -1, 2}, {0.1, 0.7, 0.2, 1.1}},
                        v(-1, 0.5, 2.5), 4, 0.3, 1.5),
                of("cauchy", new double[][] {{0.3, 0, 1}, {-4, 1, 2}, {10, -1, 0.5}}, v(-3, 0.1, 2), 0.5, 1.2),
                of("exponential", new double[][] {{0.5, 2}, {3, 0.3}, {0.01, 10}}, v(0.1, 0.8, 2.5), 1.3),
                of("gamma", new double[][] {{0.5, 2, 3}, {3, 0.7, 0.4}, {10, 15, 1.2}, {0.2, 1, 1}},
                        v(0.3, 1.1, 4), 2.5, 1.5),
                of("beta", new double[][] {{0.3, 2, 3}, {0.01, 0.5, 0.7}, {0.95, 4, 1.5}, {0.5, 1, 1}},
                        v(0.1, 0.45, 0.8), 1.5, 2.5),
                of("uniform", new double[][] {{0.3, -1, 2}, {5, 4.5, 7}}, v(-0.5, 0.2, 1.4), -1, 2),
                of("half_normal", new double[][] {{0.5, 1}, {3, 2.5}, {0.01, 0.1}}, v(0.2, 1, 2.5), 1.4),
                of("half_cauchy", new double[][] {{0.5, 1}, {3, 2.5}, {20, 0.5}}, v(0.2, 1, 6), 1.4),
                of("bernoulli", new double[][] {{0, 0.3}, {1, 0.3}, {1, 0.9}, {0, 0.01}}, v(0, 1, 1), 0.35),
                of("bernoulli_logit", new double[][] {{0, 0.3}, {1, -2}, {1, 5}, {0, -30}}, v(0, 1, 1), -0.4),
                new DensityCase("binomial", new double[][] {{3, 10, 0.3}, {0, 5, 0.2}, {7, 7, 0.6}, {12, 40, 0.25}},
                        v(2, 0, 6), new double[] {6, 0.4}, true),
                new DensityCase("binomial_logit", new double[][] {{3, 10, -0.8}, {0, 5, 2}, {7, 7, 0.6}, {12, 40, -1}},
                        v(2, 0, 6), new double[] {6, 0.3}, true),
                of("poisson", new double[][] {{0, 2.5}, {3, 0.5}, {20, 17.3}}, v(0, 3, 8), 2.2),
                of("poisson_log", new double[][] {{0, 0.9}, {3, -1}, {20, 2.8}}, v(0, 3, 8), 0.7),
                of("std_normal", new double[][] {{0.3}, {-2.5}, {4}}, v(-0.5, 0.2, 1.7)),
                of("logistic", new double[][] {{0.3, 0, 1}, {-4, 1, 2}, {10, -1, 0.5}}, v(-3, 0.1, 2), 0.5, 1.2),
                of("gumbel", new double[][] {{0.3, 0, 1}, {-1, 1, 2}, {6, -1, 0.5}}, v(-1, 0.1, 2), 0.5, 1.2),
                of("double_exponential", new double[][] {{0.3, 0, 1}, {-4, 1, 2}, {10, -1, 0.5}}, v(-3, 0.1, 2), 0.5, 1.2),
                of("weibull", new double[][] {{0.5, 2, 1}, {3, 0.7, 2}, {1.2, 5, 1.5}}, v(0.3, 1.1, 2.5), 1.5, 1.3),
                of("rayleigh", new double[][] {{0.5, 1}, {3, 2.5}, {0.05, 0.3}}, v(0.2, 1, 2.5), 1.4),
                of("neg_binomial_2", new double[][] {{0, 2.5, 1.5}, {3, 0.5, 4}, {20, 17.3, 0.7}}, v(0, 3, 8), 2.2, 1.3),
                of("neg_binomial_2_log", new double[][] {{0, 0.9, 1.5}, {3, -1, 4}, {20, 2.8, 0.7}}, v(0, 3, 8), 0.7, 1.3),
                of("neg_binomial", new double[][] {{0, 2.5, 1.5}, {3, 0.5, 0.2}, {20, 17.3, 0.7}}, v(0, 3, 8), 2.2, 1.3),
                of("chi_square", new double[][] {{0.5, 2}, {3, 0.7}, {10, 15}}, v(0.3, 1.1, 4), 2.5),
                of("inv_chi_square", new double[][] {{0.5, 2}, {3, 0.7}, {0.1, 15}}, v(0.3, 1.1, 4), 2.5),
                of("scaled_inv_chi_square", new double[][] {{0.5, 2, 1}, {3, 0.7, 0.4}, {0.1, 15, 0.3}}, v(0.3, 1.1, 4), 2.5, 0.8),
                of("beta_proportion", new double[][] {{0.3, 0.4, 5}, {0.01, 0.2, 2}, {0.95, 0.7, 12}}, v(0.1, 0.45, 0.8), 0.4, 6),
                new DensityCase("beta_binomial", new double[][] {{3, 10, 2, 3}, {0, 5, 0.5, 0.7}, {7, 7, 1.5, 4}},
                        v(2, 0, 6), new double[] {6, 1.5, 2.5}, true),
                of("frechet", new double[][] {{0.5, 2, 1}, {3, 0.7, 2}, {1.2, 5, 1.5}}, v(0.8, 1.1, 2.5), 1.5, 1.3),
                of("skew_normal", new double[][] {{0.3, 0, 1, 2}, {-2, 1.5, 0.7, -1}, {4, -1, 3, 0.5}, {-3, 0, 1, 6}},
                        v(-0.5, 0.2, 1.7), 0.4, 1.3, 1.5),
                of("inv_gamma", new double[][] {{0.5, 2, 3}, {3, 0.7, 0.4}, {0.2, 4, 1.2}}, v(0.3, 1.1, 4), 2.5, 1.5),
                of("pareto", new double[][] {{2.5, 1.5, 3}, {10, 0.5, 0.8}, {1.2, 1, 5}, {1e6, 0.1, 0.5}}, v(1.8, 2.5, 4), 1.3, 2),
                of("pareto_type_2", new double[][] {{2.5, 0.5, 1.5, 3}, {-0.5, -1, 0.3, 0.8}, {20, 2, 4, 1.2}, {1e5, -1, 0.3, 0.8}},
                        v(0.8, 1.5, 4), 0.4, 1.3, 1.5),
                // the far lower tail, where erfc underflows; a y far above; a large and a small lambda
                of("exp_mod_normal", new double[][] {{0.3, 0, 1, 2}, {-2, 1, 0.5, 0.7}, {-30, 0, 1, 2}, {50, 0, 1, 2},
                        {-8, 3, 0.4, 10}, {6, -1, 3, 0.2}}, v(-0.5, 0.2, 1.7), 0.4, 1.3, 1.5),
                // kappa either side of the switch from series to asymptotic expansion, and very large
                of("von_mises", new double[][] {{0.7, -0.2, 3}, {-2, 1, 0.5}, {0.1, 0, 24.9}, {0.1, 0, 25.1}, {0.4, 0.1, 800},
                        {0.05, 0, 1e4}, {3, 0, 1e-3}}, v(-0.5, 0.2, 1.7), 0.4, 2));
    }
}
