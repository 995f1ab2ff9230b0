package dev.vmc.runtime.dist;

import static org.apache.commons.math3.special.Gamma.regularizedGammaQ;
import static org.apache.commons.math3.special.Gamma.regularizedGammaP;
import static org.apache.commons.math3.special.Gamma.digamma;
import static org.apache.commons.math3.special.Gamma.logGamma;

import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** gamma(alpha, beta): shape alpha and rate beta, mean alpha / beta. */
final class Gamma extends ScalarDensity implements Cumulative {
    Gamma() {
        super("gamma", Support.POSITIVE, List.of("alpha", "beta"), List.of(Support.POSITIVE, Support.POSITIVE));
    }

    @Override
    public double logDensity(double x, double alpha, double beta, double unused) {
        if (x < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        // multiplyLog gives the right limit at x = 0 when alpha = 1 (the exponential case)
        return alpha * Math.log(beta) - logGamma(alpha) + Special.multiplyLog(alpha - 1, x) - beta * x;
    }

    @Override
    public void gradient(double x, double alpha, double beta, double unused, double[] g) {
        if (x < 0) {
            Arrays.fill(g, 0);
            return;
        }
        g[0] = (alpha == 1 ? 0 : (alpha - 1) / x) - beta;
        g[1] = Math.log(beta) - digamma(alpha) + Math.log(x);
        g[2] = alpha / beta - x;
    }

    /** The regularized lower incomplete gamma function P(alpha, beta x). */
    @Override
    public double logCdf(double x, double alpha, double beta, double unused) {
        return x <= 0 ? Double.NEGATIVE_INFINITY : Math.log(regularizedGammaP(alpha, beta * x));
    }

    /** The upper one, Q(alpha, beta x), computed for itself so the far upper tail keeps its digits. */
    @Override
    public double logCcdf(double x, double alpha, double beta, double unused) {
        return x <= 0 ? 0 : Math.log(regularizedGammaQ(alpha, beta * x));
    }

    /**
     * In x and beta through the density (P depends on them only through beta x); in alpha,
     * which has no closed form, by {@link Cumulative#centralDifference}.
     */
    @Override
    public void logCumulativeGradient(double x, double alpha, double beta, double unused, boolean upper, double[] g) {
        Arrays.fill(g, 0);
        if (x <= 0) {
            return;
        }
        double logTail = upper ? logCcdf(x, alpha, beta, 0) : logCdf(x, alpha, beta, 0);
        double r = (upper ? -1 : 1) * Math.exp(logDensity(x, alpha, beta, 0) - logTail);
        g[0] = r;
        g[1] = centralDifference(x, alpha, beta, 0, upper, 1);
        g[2] = r * x / beta;
    }
}
