package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * Matrix times vector ([M,K] x [K] -> [M]) or matrix times matrix ([M,K] x [K,P] -> [M,P]),
 * per particle where either side is per particle.
 */
public enum MatMul implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "matmul";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] a = inputShapes[0];
        int[] b = inputShapes[1];
        if (a.length != 2 || (b.length != 1 && b.length != 2)) {
            throw new ShapeException("needs a matrix times a vector or a matrix, got "
                    + Shapes.format(a) + " x " + Shapes.format(b));
        }
        if (a[1] != b[0]) {
            throw new ShapeException("inner sizes differ: " + Shapes.format(a) + " x " + Shapes.format(b));
        }
        return b.length == 1 ? new int[] {a[0]} : new int[] {a[0], b[1]};
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int m = inputs[0].shape()[0];
        int k = inputs[0].shape()[1];
        int p = inputs[1].shape().length == 1 ? 1 : inputs[1].shape()[1];
        int groups = output.batched() ? output.particles() : 1;
        int strideA = inputs[0].batched() ? m * k : 0;
        int strideB = inputs[1].batched() ? k * p : 0;
        int strideC = m * p;
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                double[] a = in[0].data;
                double[] b = in[1].data;
                double[] c = out.data;
                java.util.Arrays.fill(c, 0);
                for (int s = 0; s < groups; s++) {
                    int oa = s * strideA;
                    int ob = s * strideB;
                    int oc = s * strideC;
                    for (int i = 0; i < m; i++) {
                        for (int kk = 0; kk < k; kk++) {
                            double aik = a[oa + i * k + kk];
                            int rowB = ob + kk * p;
                            int rowC = oc + i * p;
                            for (int j = 0; j < p; j++) {
                                c[rowC + j] += aik * b[rowB + j];
                            }
                        }
                    }
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                double[] a = in[0].data;
                double[] b = in[1].data;
                double[] g = gOut.data;
                double[] ga = gIn[0] == null ? null : gIn[0].data;
                double[] gb = gIn[1] == null ? null : gIn[1].data;
                for (int s = 0; s < groups; s++) {
                    int oa = s * strideA;
                    int ob = s * strideB;
                    int oc = s * strideC;
                    for (int i = 0; i < m; i++) {
                        int rowC = oc + i * p;
                        for (int kk = 0; kk < k; kk++) {
                            int rowB = ob + kk * p;
                            double acc = 0;
                            double aik = a[oa + i * k + kk];
                            for (int j = 0; j < p; j++) {
                                acc += g[rowC + j] * b[rowB + j];
                                if (gb != null) {
                                    gb[rowB + j] += aik * g[rowC + j];
                                }
                            }
                            if (ga != null) {
                                ga[oa + i * k + kk] += acc;
                            }
                        }
                    }
                }
            }
        };
    }
}
