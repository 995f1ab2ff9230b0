package dev.vmc.runtime.dist;

import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** bernoulli(p): 1 with probability p, else 0. */
final class Bernoulli extends DiscreteDensity implements Cumulative {
    Bernoulli() {
        super("bernoulli", Support.BINARY, List.of("p"), List.of(Support.UNIT_INTERVAL), BernoulliDraw.PROBABILITY);
    }

    @Override
    public double logDensity(double x, double p, double unused1, double unused2) {
        if (!Counts.isBinary(x)) {
            return Double.NEGATIVE_INFINITY;
        }
        // branch rather than x log p + (1 - x) log(1 - p), which is NaN at p = 0 or 1
        return x == 1 ? Math.log(p) : Math.log1p(-p);
    }

    @Override
    public void gradient(double x, double p, double unused1, double unused2, double[] g) {
        Arrays.fill(g, 0);
        if (Counts.isBinary(x)) {
            g[1] = x == 1 ? 1 / p : -1 / (1 - p);
        }
    }

    /** P(X <= x): 0 below 0, 1 - p from 0, 1 from 1. */
    @Override
    public double logCdf(double x, double p, double unused1, double unused2) {
        return x < 0 ? Double.NEGATIVE_INFINITY : x < 1 ? Math.log1p(-p) : 0;
    }

    @Override
    public double logCcdf(double x, double p, double unused1, double unused2) {
        return x < 0 ? 0 : x < 1 ? Math.log(p) : Double.NEGATIVE_INFINITY;
    }

    @Override
    public void logCumulativeGradient(double x, double p, double unused1, double unused2, boolean upper, double[] g) {
        Arrays.fill(g, 0);
        if (x >= 0 && x < 1) {
            g[1] = upper ? 1 / p : -1 / (1 - p);
        }
    }
}
