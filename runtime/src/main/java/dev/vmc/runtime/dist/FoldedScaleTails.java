package dev.vmc.runtime.dist;

import java.util.Arrays;

/**
 * The tails of a family folded onto (0, inf) with one scale sigma (half_normal, half_cauchy):
 * both tails depend on t = x / sigma alone, so with r the density over the tail, d/dx = r and
 * d/dsigma = -t r (signs flipped for the upper tail); r is 0 where the tail underflows.
 */
interface FoldedScaleTails extends Cumulative {
    /** The family's log density, which {@link ScalarDensity} gives. */
    double logDensity(double x, double sigma, double unused1, double unused2);

    @Override
    default void logCumulativeGradient(double x, double sigma, double unused1, double unused2, boolean upper, double[] g) {
        Arrays.fill(g, 0);
        if (x <= 0) {
            return;
        }
        double logTail = upper ? logCcdf(x, sigma, 0, 0) : logCdf(x, sigma, 0, 0);
        double r = logTail == Double.NEGATIVE_INFINITY ? 0
                : (upper ? -1 : 1) * Math.exp(logDensity(x, sigma, 0, 0) - logTail);
        g[0] = r;
        g[1] = -x / sigma * r;
    }
}
