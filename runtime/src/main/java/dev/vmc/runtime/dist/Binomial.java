package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** binomial(n, p): successes in n independent trials of probability p. */
final class Binomial extends DiscreteDensity {
    Binomial() {
        super("binomial", Support.NONNEGATIVE_INTEGER, List.of("n", "p"),
                List.of(Support.NONNEGATIVE_INTEGER, Support.UNIT_INTERVAL), BinomialDraw.PROBABILITY);
    }

    @Override
    public double logDensity(double x, double n, double p, double unused) {
        if (!Counts.isCount(n)) {
            return Double.NaN; // a malformed trial count is an error in the model, not an unlikely value
        }
        if (!Counts.isCountUpTo(x, n)) {
            return Double.NEGATIVE_INFINITY;
        }
        return Special.logChoose(n, x) + Special.multiplyLog(x, p) + Special.multiplyLog1p(n - x, -p);
    }

    @Override
    public void gradient(double x, double n, double p, double unused, double[] g) {
        Arrays.fill(g, 0);
        if (Counts.isCount(n) && Counts.isCountUpTo(x, n)) {
            g[2] = (x == 0 ? 0 : x / p) - (x == n ? 0 : (n - x) / (1 - p));
        }
    }
}
