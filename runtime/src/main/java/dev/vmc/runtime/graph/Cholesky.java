package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * Stan's cholesky_decompose: the lower-triangular L with L L' = A for a symmetric positive
 * definite A ([d, d], per particle or shared), read from A's lower triangle. A matrix that is
 * not positive definite gives NaN (a draw the fit cannot use), not an error: a covariance built
 * from latents may lose definiteness at one draw. The reverse pass is Murray's (2016)
 * unblocked algorithm, O(d^3) like the forward one, and leaves A's gradient on its lower
 * triangle, the entries the forward pass read.
 */
public enum Cholesky implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "cholesky_decompose";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] a = inputShapes[0];
        if (a.length != 2 || a[0] != a[1]) {
            throw new ShapeException("needs a square matrix, got " + Shapes.format(a));
        }
        return a;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int d = output.shape()[0];
        int width = d * d;
        int groups = output.batched() ? output.particles() : 1;
        double[] adjoint = new double[width];
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                for (int s = 0; s < groups; s++) {
                    decompose(in[0].data, s * width, out.data, s * width, d);
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                for (int s = 0; s < groups; s++) {
                    int o = s * width;
                    System.arraycopy(gOut.data, o, adjoint, 0, width);
                    reverse(out.data, o, adjoint, d);
                    for (int i = 0; i < d; i++) {
                        for (int j = 0; j <= i; j++) {
                            gIn[0].data[o + i * d + j] += adjoint[i * d + j];
                        }
                    }
                }
            }
        };
    }

    /** L from A's lower triangle, row by row (Cholesky-Banachiewicz); NaN throughout if A is not positive definite. */
    static void decompose(double[] a, int ao, double[] l, int lo, int d) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[ao + i * d + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[lo + i * d + k] * l[lo + j * d + k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        java.util.Arrays.fill(l, lo, lo + d * d, Double.NaN);
                        return;
                    }
                    l[lo + i * d + i] = Math.sqrt(sum);
                } else {
                    l[lo + i * d + j] = sum / l[lo + j * d + j];
                }
            }
            for (int j = i + 1; j < d; j++) {
                l[lo + i * d + j] = 0;
            }
        }
    }

    /**
     * Murray (2016), chol_unblocked_rev: turns L's adjoint (lower triangle of {@code g}) into the
     * adjoint of A's lower triangle, in place.
     */
    private static void reverse(double[] l, int lo, double[] g, int d) {
        for (int j = d - 1; j >= 0; j--) {
            double ljj = l[lo + j * d + j];
            double dot = 0;
            for (int i = j + 1; i < d; i++) {
                dot += l[lo + i * d + j] * g[i * d + j];
            }
            g[j * d + j] -= dot / ljj;
            for (int i = j; i < d; i++) {
                g[i * d + j] /= ljj;
            }
            for (int k = 0; k < j; k++) {
                double acc = 0;
                for (int i = j; i < d; i++) {
                    acc += g[i * d + j] * l[lo + i * d + k];
                }
                g[j * d + k] -= acc;
            }
            for (int i = j + 1; i < d; i++) {
                double gij = g[i * d + j];
                for (int k = 0; k < j; k++) {
                    g[i * d + k] -= gij * l[lo + j * d + k];
                }
            }
            g[j * d + j] *= 0.5;
        }
    }
}
