package dev.vmc.runtime.transform;

/**
 * Stan's cholesky_factor_cov[M, N]: an M x N lower-triangular matrix (M >= N) with a positive
 * diagonal, from N(N + 1) / 2 + (M - N) N free values read row by row: below the diagonal as
 * they are, the diagonal as exp(y). The Jacobian is triangular, so log |det| is the sum of the
 * diagonal's y.
 */
final class CholeskyCovMap implements BlockMap {
    private final int rows;
    private final int cols;

    CholeskyCovMap(int rows, int cols) {
        if (rows < cols) {
            throw new IllegalArgumentException("a cholesky_factor_cov needs at least as many rows as columns, not "
                    + rows + " x " + cols);
        }
        this.rows = rows;
        this.cols = cols;
    }

    public String describe() {
        return "a lower triangle with exp on the diagonal";
    }

    public int freeSize() {
        return cols * (cols + 1) / 2 + (rows - cols) * cols;
    }

    public int size() {
        return rows * cols;
    }

    /** Where row m's diagonal value is among the free values: after the m(m + 1) / 2 + m before it. */
    private static int diagonal(int m) {
        return m * (m + 3) / 2;
    }

    public void constrain(double[] y, int yOff, double[] x, int xOff) {
        int pos = yOff;
        for (int m = 0; m < rows; m++) {
            for (int n = 0; n < cols; n++) {
                double v;
                if (n < m || m >= cols) {
                    v = y[pos++];
                } else if (n == m) {
                    v = Math.exp(y[pos++]);
                } else {
                    v = 0;
                }
                x[xOff + m * cols + n] = v;
            }
        }
    }

    public void unconstrain(double[] x, int xOff, double[] y, int yOff) {
        int pos = yOff;
        for (int m = 0; m < rows; m++) {
            for (int n = 0; n <= Math.min(m, cols - 1); n++) {
                double v = x[xOff + m * cols + n];
                y[pos++] = n == m ? Math.log(v) : v;
            }
        }
    }

    public double logAbsDet(double[] y, int yOff) {
        double acc = 0;
        for (int m = 0; m < cols; m++) {
            acc += y[yOff + diagonal(m)];
        }
        return acc;
    }

    public void addLogAbsDetGradient(double[] y, int yOff, double upstream, double[] gy) {
        for (int m = 0; m < cols; m++) {
            gy[yOff + diagonal(m)] += upstream;
        }
    }

    public void addConstrainGradient(double[] y, int yOff, double[] x, double[] gx, int xOff, double[] gy) {
        int pos = yOff;
        for (int m = 0; m < rows; m++) {
            for (int n = 0; n <= Math.min(m, cols - 1); n++) {
                int at = xOff + m * cols + n;
                gy[pos++] += n == m ? gx[at] * x[at] : gx[at];
            }
        }
    }

    public String outside(double[] x, int xOff) {
        for (int m = 0; m < rows; m++) {
            for (int n = 0; n < cols; n++) {
                double v = x[xOff + m * cols + n];
                String at = "element [" + (m + 1) + ", " + (n + 1) + "] is " + Bijections.format(v);
                if (!Double.isFinite(v)) {
                    return at;
                }
                if (n > m && v != 0) {
                    return at + ", above the diagonal, where a Cholesky factor is 0";
                }
                if (n == m && !(v > 0)) {
                    return at + ", on the diagonal, which must be positive";
                }
            }
        }
        return null;
    }
}
