package dev.vmc.runtime.transform;

/**
 * A matrix Sigma = L L' from a Cholesky factor's map: Stan's cov_matrix[K] (L a
 * cholesky_factor_cov[K]) and corr_matrix[K] (L a cholesky_factor_corr[K]). The log-Jacobian
 * is that of the map from y to Sigma's lower triangle, which the subclass gives; the free
 * values are the factor's.
 *
 * <p>The forward pass writes L into the output and multiplies it by its transpose in place;
 * the backward pass rebuilds L in a scratch array of its own, so each graph kernel takes its
 * own copy ({@link #forKernel}).
 */
abstract class SelfProductMap implements BlockMap {
    final BlockMap factor;
    final int k;
    private final double[] lower;
    private final double[] gLower;

    SelfProductMap(BlockMap factor, int k) {
        this.factor = factor;
        this.k = k;
        this.lower = new double[k * k];
        this.gLower = new double[k * k];
    }

    public int freeSize() {
        return factor.freeSize();
    }

    public int size() {
        return k * k;
    }

    public void constrain(double[] y, int yOff, double[] x, int xOff) {
        factor.constrain(y, yOff, x, xOff);
        // x_ij = sum_{l <= j} L_il L_jl for j <= i, in place: rows from the last, each from its diagonal
        // leftwards, so every L value is read before it is overwritten
        for (int i = k - 1; i >= 0; i--) {
            for (int j = i; j >= 0; j--) {
                double acc = 0;
                for (int l = 0; l <= j; l++) {
                    acc += x[xOff + i * k + l] * x[xOff + j * k + l];
                }
                x[xOff + i * k + j] = acc;
                x[xOff + j * k + i] = acc;
            }
        }
    }

    public void unconstrain(double[] x, int xOff, double[] y, int yOff) {
        double[] l = new double[k * k];
        choleskyInto(x, xOff, l, k);
        factor.unconstrain(l, 0, y, yOff);
    }

    /** gL = (gSigma + gSigma') L, below and on the diagonal, then through the factor's map. */
    public void addConstrainGradient(double[] y, int yOff, double[] x, double[] gx, int xOff, double[] gy) {
        factor.constrain(y, yOff, lower, 0);
        java.util.Arrays.fill(gLower, 0);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double acc = 0;
                for (int m = 0; m < k; m++) {
                    acc += (gx[xOff + i * k + m] + gx[xOff + m * k + i]) * lower[m * k + j];
                }
                gLower[i * k + j] = acc;
            }
        }
        factor.addConstrainGradient(y, yOff, lower, gLower, 0, gy);
    }

    @Override
    public abstract BlockMap forKernel();

    /**
     * The lower Cholesky factor of the symmetric matrix at x into l (k x k), or the 1-based
     * pivot at which it is not positive definite, as a negative number; 0 on success.
     */
    static int choleskyInto(double[] x, int xOff, double[] l, int k) {
        java.util.Arrays.fill(l, 0, k * k, 0);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double acc = x[xOff + i * k + j];
                for (int m = 0; m < j; m++) {
                    acc -= l[i * k + m] * l[j * k + m];
                }
                if (i == j) {
                    if (!(acc > 0)) {
                        return -(i + 1);
                    }
                    l[i * k + i] = Math.sqrt(acc);
                } else {
                    l[i * k + j] = acc / l[j * k + j];
                }
            }
        }
        return 0;
    }

    /** Why x is not symmetric positive definite, or null. */
    String notPositiveDefinite(double[] x, int xOff) {
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                double a = x[xOff + i * k + j];
                double b = x[xOff + j * k + i];
                if (!Double.isFinite(a) || Math.abs(a - b) > 1e-8 * Math.max(1, Math.abs(a))) {
                    return "element [" + (i + 1) + ", " + (j + 1) + "] is " + Bijections.format(a) + " but element ["
                            + (j + 1) + ", " + (i + 1) + "] is " + Bijections.format(b) + ", so it is not symmetric";
                }
            }
        }
        int pivot = choleskyInto(x, xOff, new double[k * k], k);
        return pivot < 0 ? "it is not positive definite (its Cholesky factorisation fails at row " + -pivot + ")" : null;
    }
}
