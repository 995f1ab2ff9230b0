package dev.vmc.runtime.dist;

import static org.apache.commons.math3.special.Gamma.regularizedGammaQ;
import static org.apache.commons.math3.special.Gamma.regularizedGammaP;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** poisson(lambda): counts with mean lambda. */
final class Poisson extends DiscreteDensity implements Cumulative {
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

    /**
     * The bulk form: one loop, log lambda recomputed only when lambda changes, and log(k!) from
     * {@link Special#logFactorial}'s table. A change point scores every year at every candidate
     * year, so this is most of its fit.
     */
    @Override
    void values(DensityOp.Operands in, double[] out, int offset) {
        double[] x = in.data[0], rate = in.data[1];
        int ox = in.offset[0], or = in.offset[1];
        int sx = in.stride[0], sr = in.stride[1];
        double lambda = Double.NaN, logLambda = Double.NaN;
        for (int e = 0; e < in.length; e++) {
            double k = x[ox + e * sx];
            double l = rate[or + e * sr];
            if (l != lambda) { // always true for the first element, and for NaN, which then propagates
                lambda = l;
                logLambda = Math.log(l);
            }
            out[offset + e] = !Counts.isCount(k) ? Double.NEGATIVE_INFINITY
                    : (k == 0 && l == 0 ? 0 : k * logLambda) - l - Special.logFactorial(k); // as multiplyLog
        }
    }

    @Override
    void partials(DensityOp.Operands in, double[][] partials) {
        double[] x = in.data[0], rate = in.data[1];
        int ox = in.offset[0], or = in.offset[1];
        int sx = in.stride[0], sr = in.stride[1];
        double[] dx = partials[0], dlambda = partials[1];
        for (int e = 0; e < in.length; e++) {
            double k = x[ox + e * sx];
            boolean count = Counts.isCount(k);
            if (dx != null) {
                dx[e] = 0;
            }
            if (dlambda != null) {
                dlambda[e] = count ? (k == 0 ? 0 : k / rate[or + e * sr]) - 1 : 0;
            }
        }
    }

    /** P(X <= k) = Q(k + 1, lambda), the regularized upper incomplete gamma function, k the floor of x. */
    @Override
    public double logCdf(double x, double lambda, double unused1, double unused2) {
        return x < 0 ? Double.NEGATIVE_INFINITY : Math.log(regularizedGammaQ(Math.floor(x) + 1, lambda));
    }

    @Override
    public double logCcdf(double x, double lambda, double unused1, double unused2) {
        return x < 0 ? 0 : Math.log(regularizedGammaP(Math.floor(x) + 1, lambda));
    }

    /** d P(X <= k) / d lambda is minus the mass at k. */
    @Override
    public void logCumulativeGradient(double x, double lambda, double unused1, double unused2, boolean upper, double[] g) {
        Arrays.fill(g, 0);
        if (x < 0) {
            return;
        }
        double k = Math.floor(x);
        double logTail = upper ? logCcdf(x, lambda, 0, 0) : logCdf(x, lambda, 0, 0);
        g[1] = (upper ? 1 : -1) * Math.exp(logDensity(k, lambda, 0, 0) - logTail);
    }
}
