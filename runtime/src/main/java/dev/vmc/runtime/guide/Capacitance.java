package dev.vmc.runtime.guide;

/**
 * For a covariance Sigma = D^2 + B B' (D diagonal, B d x r), the r x r "capacitance" matrix
 * M = I + B' D^-2 B and its Cholesky factor, through which Woodbury's identity gives
 * Sigma^-1 = W - W B M^-1 B' W (W = D^-2) and log det Sigma = 2 sum log D + log det M at a
 * cost of O(d r^2). Buffers are allocated once; {@link #factor} refills them.
 */
final class Capacitance {
    private final int d;
    private final int r;
    final double[] w; // D^-2
    private final double[] chol; // r x r, lower, row-major

    Capacitance(int d, int r) {
        this.d = d;
        this.r = r;
        this.w = new double[d];
        this.chol = new double[r * r];
    }

    /** Factors M for log D = {@code logDiagonal} and B = {@code b} (d x r, row-major). */
    void factor(double[] logDiagonal, double[] b) {
        for (int i = 0; i < d; i++) {
            w[i] = Math.exp(-2 * logDiagonal[i]);
        }
        java.util.Arrays.fill(chol, 0);
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < r; k++) {
                double wb = w[i] * b[i * r + k];
                for (int l = 0; l <= k; l++) {
                    chol[k * r + l] += wb * b[i * r + l];
                }
            }
        }
        for (int k = 0; k < r; k++) {
            chol[k * r + k] += 1;
        }
        for (int k = 0; k < r; k++) { // in place: M is positive definite (I plus a Gram matrix)
            for (int l = 0; l <= k; l++) {
                double acc = chol[k * r + l];
                for (int m = 0; m < l; m++) {
                    acc -= chol[k * r + m] * chol[l * r + m];
                }
                chol[k * r + l] = k == l ? Math.sqrt(acc) : acc / chol[l * r + l];
            }
        }
    }

    double logDeterminant() {
        double acc = 0;
        for (int k = 0; k < r; k++) {
            acc += 2 * Math.log(chol[k * r + k]);
        }
        return acc;
    }

    /** x = M^-1 y, overwriting y. */
    void solve(double[] y) {
        for (int k = 0; k < r; k++) {
            double acc = y[k];
            for (int m = 0; m < k; m++) {
                acc -= chol[k * r + m] * y[m];
            }
            y[k] = acc / chol[k * r + k];
        }
        for (int k = r - 1; k >= 0; k--) {
            double acc = y[k];
            for (int m = k + 1; m < r; m++) {
                acc -= chol[m * r + k] * y[m];
            }
            y[k] = acc / chol[k * r + k];
        }
    }
}
