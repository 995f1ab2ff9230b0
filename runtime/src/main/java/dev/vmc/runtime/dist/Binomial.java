package dev.vmc.runtime.dist;

import org.apache.commons.math3.special.Beta;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** binomial(n, p): successes in n independent trials of probability p. */
final class Binomial extends DiscreteDensity implements Cumulative {
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

    /** P(X <= k) = I_{1-p}(n - k, k + 1), the regularized incomplete beta function, k the floor of x. */
    @Override
    public double logCdf(double x, double n, double p, double unused) {
        double k = Math.floor(x);
        return k < 0 ? Double.NEGATIVE_INFINITY : k >= n ? 0 : Math.log(Beta.regularizedBeta(1 - p, n - k, k + 1));
    }

    /** P(X > k) = I_p(k + 1, n - k), the upper tail in its own right. */
    @Override
    public double logCcdf(double x, double n, double p, double unused) {
        double k = Math.floor(x);
        return k < 0 ? 0 : k >= n ? Double.NEGATIVE_INFINITY : Math.log(Beta.regularizedBeta(p, k + 1, n - k));
    }

    /** d P(X <= k) / d p = -n (the mass of k in n - 1 trials). */
    @Override
    public void logCumulativeGradient(double x, double n, double p, double unused, boolean upper, double[] g) {
        Arrays.fill(g, 0);
        double k = Math.floor(x);
        if (k < 0 || k >= n) {
            return;
        }
        double logSlope = Math.log(n) + Special.logChoose(n - 1, k) + Special.multiplyLog(k, p)
                + Special.multiplyLog1p(n - 1 - k, -p);
        double logTail = upper ? logCcdf(x, n, p, 0) : logCdf(x, n, p, 0);
        g[2] = (upper ? 1 : -1) * Math.exp(logSlope - logTail);
    }
}
