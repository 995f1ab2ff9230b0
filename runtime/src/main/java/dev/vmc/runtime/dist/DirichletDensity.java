package dev.vmc.runtime.dist;

import static org.apache.commons.math3.special.Gamma.digamma;
import static org.apache.commons.math3.special.Gamma.logGamma;

import dev.vmc.runtime.graph.Special;

/**
 * The Dirichlet log density of one point x on the simplex under one vector of concentrations
 * alpha, and its partials, each read as a run of K values inside a larger array (one
 * particle's), so that {@link DirichletOp} calls them without copying.
 *
 * <p>log p(x | alpha) = sum_k (alpha_k - 1) log x_k + lgamma(sum_k alpha_k) - sum_k lgamma(alpha_k).
 * The normalising constant depends on alpha alone, so a caller whose alpha is the same for every
 * particle computes it once.
 */
final class DirichletDensity {
    private DirichletDensity() {}

    /** lgamma(sum alpha) - sum lgamma(alpha). */
    static double logNormaliser(double[] alpha, int offset, int k) {
        double sum = 0;
        double logGammas = 0;
        for (int i = offset, end = offset + k; i < end; i++) {
            sum += alpha[i];
            logGammas += logGamma(alpha[i]);
        }
        return logGamma(sum) - logGammas;
    }

    /** sum (alpha_k - 1) log x_k: -infinity if any x_k is negative (off the simplex). */
    static double logKernel(double[] x, int xOff, double[] alpha, int aOff, int k) {
        double acc = 0;
        for (int i = 0; i < k; i++) {
            double v = x[xOff + i];
            if (v < 0) {
                return Double.NEGATIVE_INFINITY;
            }
            // multiplyLog takes 0 log 0 as 0: a zero x_k is no cost where alpha_k is 1
            acc += Special.multiplyLog(alpha[aOff + i] - 1, v);
        }
        return acc;
    }

    /** Whether x has a negative entry, where the density is 0 and has no gradient. */
    static boolean offSupport(double[] x, int xOff, int k) {
        for (int i = xOff, end = xOff + k; i < end; i++) {
            if (x[i] < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds upstream times the partials into gx (d/dx_k = (alpha_k - 1) / x_k) and gAlpha
     * (d/dalpha_k = log x_k + digamma(sum alpha) - digamma(alpha_k)); either may be null.
     */
    static void addPartials(double[] x, int xOff, double[] alpha, int aOff, int k, double upstream,
            double[] gx, double[] gAlpha) {
        if (offSupport(x, xOff, k)) {
            return;
        }
        if (gx != null) {
            for (int i = 0; i < k; i++) {
                double a = alpha[aOff + i];
                gx[xOff + i] += a == 1 ? 0 : upstream * (a - 1) / x[xOff + i];
            }
        }
        if (gAlpha != null) {
            double sum = 0;
            for (int i = 0; i < k; i++) {
                sum += alpha[aOff + i];
            }
            double digammaSum = digamma(sum);
            for (int i = 0; i < k; i++) {
                gAlpha[aOff + i] += upstream * (Math.log(x[xOff + i]) + digammaSum - digamma(alpha[aOff + i]));
            }
        }
    }
}
