package dev.vmc.runtime.transform;

/**
 * Stan's cholesky_factor_corr[K]: the lower Cholesky factor L of a K x K correlation matrix,
 * from K(K - 1) / 2 free values read row by row below the diagonal. Each is mapped to a
 * canonical partial correlation z = tanh(y), and row i is built from its z's as
 * L_ij = z_j W_j with W_0 = 1, W_(j+1) = W_j sqrt(1 - z_j^2) and L_ii = W_i, so every row has
 * length 1 and a positive diagonal. Since sqrt(1 - tanh(y)^2) = sech(y), W is a product of sechs,
 * which stays exact where 1 - z^2 would round to 0.
 *
 * <p>The map from y to the values below the diagonal is triangular within each row;
 * dL_ij / dy_j = sech(y_j)^2 W_j, so log |det| = sum over rows i and j < i of
 * (1 + (i - 1 - j) / 2) log(1 - z_ij^2): Stan's 0.5 log(1 - sum of squares) terms and tanh's
 * log-derivative together.
 */
final class CholeskyCorrMap implements BlockMap {
    private final int k;

    CholeskyCorrMap(int k) {
        this.k = k;
    }

    public String describe() {
        return "tanh partial correlations";
    }

    public int freeSize() {
        return k * (k - 1) / 2;
    }

    public int size() {
        return k * k;
    }

    /** log(1 - tanh(y)^2) = 2 log sech(y), exact for any y. */
    static double logOneMinusTanhSquared(double y) {
        double a = Math.abs(y);
        return 2 * (Math.log(2) - a - Math.log1p(Math.exp(-2 * a)));
    }

    private static double sech(double y) {
        return 1 / Math.cosh(y);
    }

    public void constrain(double[] y, int yOff, double[] x, int xOff) {
        java.util.Arrays.fill(x, xOff, xOff + k * k, 0);
        int pos = yOff;
        for (int i = 0; i < k; i++) {
            double w = 1;
            for (int j = 0; j < i; j++) {
                double v = y[pos++];
                x[xOff + i * k + j] = Math.tanh(v) * w;
                w *= sech(v);
            }
            x[xOff + i * k + i] = w;
        }
    }

    public void unconstrain(double[] x, int xOff, double[] y, int yOff) {
        int pos = yOff;
        for (int i = 0; i < k; i++) {
            double rest = 1; // 1 - the squares so far in the row: W_j^2
            for (int j = 0; j < i; j++) {
                double l = x[xOff + i * k + j];
                double z = l / Math.sqrt(rest);
                y[pos++] = 0.5 * Math.log1p(2 * z / (1 - z)); // atanh(z)
                rest -= l * l;
            }
        }
    }

    /** (1 + (i - 1 - j) / 2) for the value at row i, column j. */
    private static double weight(int i, int j) {
        return 1 + 0.5 * (i - 1 - j);
    }

    public double logAbsDet(double[] y, int yOff) {
        double acc = 0;
        int pos = yOff;
        for (int i = 1; i < k; i++) {
            for (int j = 0; j < i; j++) {
                acc += weight(i, j) * logOneMinusTanhSquared(y[pos++]);
            }
        }
        return acc;
    }

    public void addLogAbsDetGradient(double[] y, int yOff, double upstream, double[] gy) {
        int pos = yOff;
        for (int i = 1; i < k; i++) {
            for (int j = 0; j < i; j++) {
                gy[pos] += upstream * weight(i, j) * -2 * Math.tanh(y[pos]);
                pos++;
            }
        }
    }

    /**
     * Row i: dL_ij / dy_j = sech(y_j)^2 W_j, and y_l scales every later value in the row
     * (L_ij for j > l, and L_ii) by sech(y_l), so dL_ij / dy_l = -tanh(y_l) L_ij.
     */
    public void addConstrainGradient(double[] y, int yOff, double[] x, double[] gx, int xOff, double[] gy) {
        int start = yOff;
        for (int i = 1; i < k; i++) {
            int row = xOff + i * k;
            double later = gx[row + i] * x[row + i]; // sum over j > l of gL_ij L_ij, from the diagonal down
            for (int l = i - 1; l >= 0; l--) {
                double v = y[start + l];
                double z = Math.tanh(v);
                double s = sech(v);
                double w = z == 0 ? diagonalWeight(y, start, l) : x[row + l] / z;
                gy[start + l] += gx[row + l] * s * s * w - z * later;
                later += gx[row + l] * x[row + l];
            }
            start += i;
        }
    }

    /** W_l of a row, the product of the sechs before l: needed where z_l = 0 leaves L_il / z_l undefined. */
    private static double diagonalWeight(double[] y, int start, int l) {
        double w = 1;
        for (int j = 0; j < l; j++) {
            w *= sech(y[start + j]);
        }
        return w;
    }

    public String outside(double[] x, int xOff) {
        for (int i = 0; i < k; i++) {
            double squares = 0;
            for (int j = 0; j < k; j++) {
                double v = x[xOff + i * k + j];
                if (!Double.isFinite(v)) {
                    return "element [" + (i + 1) + ", " + (j + 1) + "] is " + v;
                }
                if (j > i && v != 0) {
                    return "element [" + (i + 1) + ", " + (j + 1) + "] is " + Bijections.format(v)
                            + ", above the diagonal, where a Cholesky factor is 0";
                }
                squares += v * v;
            }
            if (!(x[xOff + i * k + i] > 0)) {
                return "element [" + (i + 1) + ", " + (i + 1) + "] is " + Bijections.format(x[xOff + i * k + i])
                        + ", on the diagonal, which must be positive";
            }
            if (Math.abs(squares - 1) > 1e-8) {
                return "row " + (i + 1) + " has squared length " + squares + ", not 1";
            }
        }
        return null;
    }
}
