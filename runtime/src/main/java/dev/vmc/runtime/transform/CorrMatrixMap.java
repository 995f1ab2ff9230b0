package dev.vmc.runtime.transform;

/**
 * Stan's corr_matrix[K]: L L' with L a cholesky_factor_corr[K]. The log-Jacobian from y to the
 * correlations below the diagonal is Stan's (Joe 2006): for the partial correlation z in
 * column j (0-based), (1 + (K - 2 - j) / 2) log(1 - z^2), tanh's log-derivative included.
 */
final class CorrMatrixMap extends SelfProductMap {
    CorrMatrixMap(int k) {
        super(new CholeskyCorrMap(k), k);
    }

    public String describe() {
        return "L L' of tanh partial correlations";
    }

    public BlockMap forKernel() {
        return new CorrMatrixMap(k);
    }

    private double weight(int j) {
        return 1 + 0.5 * (k - 2 - j);
    }

    public double logAbsDet(double[] y, int yOff) {
        double acc = 0;
        int pos = yOff;
        for (int i = 1; i < k; i++) {
            for (int j = 0; j < i; j++) {
                acc += weight(j) * CholeskyCorrMap.logOneMinusTanhSquared(y[pos++]);
            }
        }
        return acc;
    }

    public void addLogAbsDetGradient(double[] y, int yOff, double upstream, double[] gy) {
        int pos = yOff;
        for (int i = 1; i < k; i++) {
            for (int j = 0; j < i; j++) {
                gy[pos] += upstream * weight(j) * -2 * Math.tanh(y[pos]);
                pos++;
            }
        }
    }

    public String outside(double[] x, int xOff) {
        for (int i = 0; i < k; i++) {
            double d = x[xOff + i * k + i];
            if (Math.abs(d - 1) > 1e-8) {
                return "element [" + (i + 1) + ", " + (i + 1) + "] is " + Bijections.format(d) + ", not 1";
            }
        }
        return notPositiveDefinite(x, xOff);
    }
}
