package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Special;


import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** poisson_log(alpha): poisson(exp(alpha)), with the log rate as parameter. */
final class PoissonLog extends DiscreteDensity {
    PoissonLog() {
        super("poisson_log", Support.NONNEGATIVE_INTEGER, List.of("alpha"), List.of(Support.REAL), PoissonDraw.LOG_RATE);
    }

    @Override
    public double logDensity(double x, double alpha, double unused1, double unused2) {
        if (!Counts.isCount(x)) {
            return Double.NEGATIVE_INFINITY;
        }
        // x = 0 skips x * alpha, which is NaN for alpha = -inf (a rate of exactly 0)
        return (x == 0 ? 0 : x * alpha) - Math.exp(alpha) - Special.logFactorial(x);
    }

    @Override
    public void gradient(double x, double alpha, double unused1, double unused2, double[] g) {
        Arrays.fill(g, 0);
        if (Counts.isCount(x)) {
            g[1] = x - Math.exp(alpha);
        }
    }
}
