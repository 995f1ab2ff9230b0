package dev.vmc.runtime.dist;

import static org.apache.commons.math3.special.Beta.logBeta;
import static org.apache.commons.math3.special.Gamma.digamma;

import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** beta(alpha, beta): prior successes and failures, on the unit interval. */
final class Beta extends ScalarDensity implements Cumulative {
    Beta() {
        super("beta", Support.UNIT_INTERVAL, List.of("alpha", "beta"), List.of(Support.POSITIVE, Support.POSITIVE));
    }

    @Override
    public double logDensity(double x, double alpha, double beta, double unused) {
        if (x < 0 || x > 1) {
            return Double.NEGATIVE_INFINITY;
        }
        // log1p(-x) rather than log(1 - x) keeps x near 0 exact; multiply* give the limits at the ends
        return Special.multiplyLog(alpha - 1, x) + Special.multiplyLog1p(beta - 1, -x) - logBeta(alpha, beta);
    }

    @Override
    public void gradient(double x, double alpha, double beta, double unused, double[] g) {
        if (x < 0 || x > 1) {
            Arrays.fill(g, 0);
            return;
        }
        double digammaSum = digamma(alpha + beta);
        g[0] = (alpha == 1 ? 0 : (alpha - 1) / x) - (beta == 1 ? 0 : (beta - 1) / (1 - x));
        g[1] = Math.log(x) - digamma(alpha) + digammaSum;
        g[2] = Math.log1p(-x) - digamma(beta) + digammaSum;
    }

    /** The regularized incomplete beta function I_x(alpha, beta). */
    @Override
    public double logCdf(double x, double alpha, double beta, double unused) {
        return x <= 0 ? Double.NEGATIVE_INFINITY : x >= 1 ? 0
                : Math.log(org.apache.commons.math3.special.Beta.regularizedBeta(x, alpha, beta));
    }

    /** I_{1-x}(beta, alpha), the upper tail in its own right. */
    @Override
    public double logCcdf(double x, double alpha, double beta, double unused) {
        return x <= 0 ? 0 : x >= 1 ? Double.NEGATIVE_INFINITY
                : Math.log(org.apache.commons.math3.special.Beta.regularizedBeta(1 - x, beta, alpha));
    }

    /** In x through the density; in the shapes, which have no closed form, by {@link Cumulative#centralDifference}. */
    @Override
    public void logCumulativeGradient(double x, double alpha, double beta, double unused, boolean upper, double[] g) {
        Arrays.fill(g, 0);
        if (x <= 0 || x >= 1) {
            return;
        }
        double logTail = upper ? logCcdf(x, alpha, beta, 0) : logCdf(x, alpha, beta, 0);
        g[0] = (upper ? -1 : 1) * Math.exp(logDensity(x, alpha, beta, 0) - logTail);
        g[1] = centralDifference(x, alpha, beta, 0, upper, 1);
        g[2] = centralDifference(x, alpha, beta, 0, upper, 2);
    }
}
