package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** poisson(lambda): counts with mean lambda. */
final class Poisson extends DiscreteDensity {
    Poisson() {
        super("poisson", Support.NONNEGATIVE_INTEGER, List.of("lambda"), List.of(Support.POSITIVE), PoissonDraw.RATE);
    }

    @Override
    public double logDensity(double x, double lambda, double unused1, double unused2) {
        if (!Counts.isCount(x)) {
            return Double.NEGATIVE_INFINITY;
        }
        return Special.multiplyLog(x, lambda) - lambda - Special.logFactorial(x);
    }

    @Override
    public void gradient(double x, double lambda, double unused1, double unused2, double[] g) {
        Arrays.fill(g, 0);
        if (Counts.isCount(x)) {
            g[1] = (x == 0 ? 0 : x / lambda) - 1;
        }
    }
}
