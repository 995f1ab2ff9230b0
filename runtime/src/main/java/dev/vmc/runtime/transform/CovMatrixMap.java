package dev.vmc.runtime.transform;

/**
 * Stan's cov_matrix[K]: L L' with L a cholesky_factor_cov[K] (diagonal exp(y)). Stan's
 * log-Jacobian to the lower triangle: K log 2 + sum over k (0-based) of (K - k + 1) log L_kk,
 * with log L_kk the diagonal's y.
 */
final class CovMatrixMap extends SelfProductMap {
    CovMatrixMap(int k) {
        super(new CholeskyCovMap(k, k), k);
    }

    public String describe() {
        return "L L' of a lower triangle with exp on the diagonal";
    }

    public BlockMap forKernel() {
        return new CovMatrixMap(k);
    }

    private static int diagonal(int m) {
        return m * (m + 3) / 2;
    }

    public double logAbsDet(double[] y, int yOff) {
        double acc = k * Math.log(2);
        for (int m = 0; m < k; m++) {
            acc += (k - m + 1) * y[yOff + diagonal(m)];
        }
        return acc;
    }

    public void addLogAbsDetGradient(double[] y, int yOff, double upstream, double[] gy) {
        for (int m = 0; m < k; m++) {
            gy[yOff + diagonal(m)] += upstream * (k - m + 1);
        }
    }

    public String outside(double[] x, int xOff) {
        return notPositiveDefinite(x, xOff);
    }
}
