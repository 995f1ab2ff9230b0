package dev.vmc.runtime.diagnose;

import dev.vmc.runtime.graph.Special;

/**
 * A generalized Pareto distribution with location 0, shape k and scale sigma, fitted to
 * exceedances by Zhang and Stephens (2009), "A new and efficient estimation method for the
 * generalized Pareto distribution", Technometrics 51, section 4, with k's sign as in PSIS
 * (k > 0 is a heavy tail; Zhang and Stephens write -k).
 */
record GeneralizedPareto(double k, double sigma) {
    /** Grid points beyond sqrt(n), and the prior's scale, as Zhang and Stephens recommend. */
    private static final int MIN_GRID_POINTS = 30;
    private static final double PRIOR = 3;
    /** PSIS's weakly informative prior on k: as if 10 more exceedances had said k = 0.5. */
    private static final double PRIOR_EXCEEDANCES = 10;
    private static final double PRIOR_K = 0.5;

    /**
     * Fits exceedances already sorted in ascending order, then shrinks k toward 0.5 by the
     * prior. Sigma stays the one that goes with the unshrunk k, as in loo. A fit that breaks
     * down (k NaN) gives k = +infinity: the tail cannot be trusted.
     */
    static GeneralizedPareto fit(double[] x) {
        int n = x.length;
        int m = MIN_GRID_POINTS + (int) Math.floor(Math.sqrt(n));
        double firstQuartile = x[(int) Math.floor(n / 4.0 + 0.5) - 1];
        // theta = -k / sigma; the grid spreads from 1 / max(x) downwards, denser near it
        double[] theta = new double[m];
        double[] profileLogLik = new double[m];
        for (int j = 0; j < m; j++) {
            theta[j] = 1 / x[n - 1] + (1 - Math.sqrt(m / (j + 0.5))) / PRIOR / firstQuartile;
            double kj = meanLog1p(-theta[j], x);
            profileLogLik[j] = n * (Math.log(-theta[j] / kj) - kj - 1);
        }
        // the estimate is the posterior mean of theta over the grid, not the grid's maximum
        double norm = Special.logSumExp(profileLogLik, 0, m);
        double thetaHat = 0;
        for (int j = 0; j < m; j++) {
            thetaHat += theta[j] * Math.exp(profileLogLik[j] - norm);
        }
        double k = meanLog1p(-thetaHat, x);
        double sigma = -k / thetaHat;
        double shrunk = (k * n + PRIOR_EXCEEDANCES * PRIOR_K) / (n + PRIOR_EXCEEDANCES);
        return new GeneralizedPareto(Double.isNaN(shrunk) ? Double.POSITIVE_INFINITY : shrunk, sigma);
    }

    /** The p-quantile, for 0 <= p < 1. */
    double quantile(double p) {
        if (k == 0) {
            return -sigma * Math.log1p(-p);
        }
        return sigma * Math.expm1(-k * Math.log1p(-p)) / k;
    }

    private static double meanLog1p(double a, double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += Math.log1p(a * v);
        }
        return sum / x.length;
    }
}
