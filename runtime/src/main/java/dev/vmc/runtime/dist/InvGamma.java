package dev.vmc.runtime.dist;

import static org.apache.commons.math3.special.Gamma.digamma;
import static org.apache.commons.math3.special.Gamma.logGamma;
import static org.apache.commons.math3.special.Gamma.regularizedGammaP;
import static org.apache.commons.math3.special.Gamma.regularizedGammaQ;

import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** inv_gamma(alpha, beta): 1 / x is gamma(alpha, beta); shape and scale. */
final class InvGamma extends ScalarDensity implements Cumulative {
    InvGamma() {
        super("inv_gamma", Support.POSITIVE, List.of("alpha", "beta"), List.of(Support.POSITIVE, Support.POSITIVE));
    }

    @Override
    public double logDensity(double x, double alpha, double beta, double unused) {
        if (x <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return alpha * Math.log(beta) - logGamma(alpha) - (alpha + 1) * Math.log(x) - beta / x;
    }

    @Override
    public void gradient(double x, double alpha, double beta, double unused, double[] g) {
        if (x <= 0) {
            Arrays.fill(g, 0);
            return;
        }
        g[0] = -(alpha + 1) / x + beta / (x * x);
        g[1] = Math.log(beta) - digamma(alpha) - Math.log(x);
        g[2] = alpha / beta - 1 / x;
    }

    /** P(X <= x) = P(1 / X >= 1 / x) = Q(alpha, beta / x). */
    @Override
    public double logCdf(double x, double alpha, double beta, double unused) {
        return x <= 0 ? Double.NEGATIVE_INFINITY : Math.log(regularizedGammaQ(alpha, beta / x));
    }

    @Override
    public double logCcdf(double x, double alpha, double beta, double unused) {
        return x <= 0 ? 0 : Math.log(regularizedGammaP(alpha, beta / x));
    }

    /**
     * In x and beta through the density (the tails depend on them only through beta / x, so
     * d/d beta is -x / beta times d/dx); in alpha by {@link Cumulative#centralDifference}.
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
        g[2] = -r * x / beta;
    }
}
