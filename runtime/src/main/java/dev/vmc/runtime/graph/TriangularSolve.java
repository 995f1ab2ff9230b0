package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * X = L^-1 B for a lower-triangular L ([d, d], input 0, shared or per particle; entries above
 * the diagonal are ignored) and B a vector ([d]) or a matrix of columns ([d, k]) (input 1, shared
 * or per particle), by forward substitution, column by column: Stan's mdivide_left_tri_low.
 * Gradients: B gets A = L^-T G, and L gets -A X' on and below the diagonal.
 */
public enum TriangularSolve implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "triangular solve";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] l = inputShapes[0];
        int[] b = inputShapes[1];
        if (l.length != 2 || l[0] != l[1] || b.length < 1 || b.length > 2 || b[0] != l[0]) {
            throw new ShapeException("needs a square matrix [d, d] and a vector [d] or a matrix [d, k], got "
                    + Shapes.format(l) + " and " + Shapes.format(b));
        }
        return b;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int d = output.shape()[0];
        int k = output.shape().length == 2 ? output.shape()[1] : 1;
        int size = d * k;
        int groups = output.batched() ? output.particles() : 1;
        boolean factorBatched = inputs[0].batched();
        boolean rightBatched = inputs[1].batched();
        double[] adjoint = new double[size];
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                double[] l = in[0].data;
                double[] b = in[1].data;
                double[] x = out.data;
                for (int s = 0; s < groups; s++) {
                    int lo = factorBatched ? s * d * d : 0;
                    int bo = rightBatched ? s * size : 0;
                    int o = s * size;
                    for (int j = 0; j < k; j++) {
                        for (int i = 0; i < d; i++) {
                            double acc = b[bo + i * k + j];
                            for (int m = 0; m < i; m++) {
                                acc -= l[lo + i * d + m] * x[o + m * k + j];
                            }
                            x[o + i * k + j] = acc / l[lo + i * d + i];
                        }
                    }
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                double[] l = in[0].data;
                double[] x = out.data;
                double[] g = gOut.data;
                for (int s = 0; s < groups; s++) {
                    int lo = factorBatched ? s * d * d : 0;
                    int bo = rightBatched ? s * size : 0;
                    int o = s * size;
                    for (int j = 0; j < k; j++) {
                        for (int i = d - 1; i >= 0; i--) { // A = L^-T G, by back substitution
                            double acc = g[o + i * k + j];
                            for (int m = i + 1; m < d; m++) {
                                acc -= l[lo + m * d + i] * adjoint[m * k + j];
                            }
                            adjoint[i * k + j] = acc / l[lo + i * d + i];
                        }
                    }
                    if (gIn[1] != null) {
                        for (int i = 0; i < size; i++) {
                            gIn[1].data[bo + i] += adjoint[i];
                        }
                    }
                    if (gIn[0] != null) {
                        for (int i = 0; i < d; i++) {
                            for (int m = 0; m <= i; m++) {
                                double acc = 0;
                                for (int j = 0; j < k; j++) {
                                    acc += adjoint[i * k + j] * x[o + m * k + j];
                                }
                                gIn[0].data[lo + i * d + m] -= acc;
                            }
                        }
                    }
                }
            }
        };
    }
}
