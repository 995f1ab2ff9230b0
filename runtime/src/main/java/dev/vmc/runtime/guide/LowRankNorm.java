package dev.vmc.runtime.guide;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * x' Sigma^-1 x per particle for Sigma = D^2 + B B', from x (input 0, [d], per particle), log D
 * (input 1, [d]) and B (input 2, [d, r]), by Woodbury's identity. With a = Sigma^-1 x the
 * gradients are 2a for x, -2 a (B'a)' for B and -2 D_i^2 a_i^2 for log D_i.
 */
enum LowRankNorm implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "low-rank squared norm";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] x = inputShapes[0];
        int[] diag = inputShapes[1];
        int[] b = inputShapes[2];
        if (x.length != 1 || diag.length != 1 || b.length != 2 || diag[0] != x[0] || b[0] != x[0]) {
            throw new ShapeException("needs vectors [d], [d] and a matrix [d, r], got " + Shapes.format(x) + ", "
                    + Shapes.format(diag) + " and " + Shapes.format(b));
        }
        return Shapes.SCALAR;
    }

    @Override
    public boolean outputBatched(boolean[] inputsBatched) {
        if (inputsBatched[1] || inputsBatched[2]) {
            throw new ShapeException("needs shared covariance parameters");
        }
        return inputsBatched[0];
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int d = inputs[2].shape()[0];
        int r = inputs[2].shape()[1];
        int groups = inputs[0].batched() ? inputs[0].particles() : 1;
        Capacitance m = new Capacitance(d, r);
        double[] t = new double[r];
        double[] a = new double[d];
        double[] bta = new double[r];
        return new Kernel() {
            /** a = Sigma^-1 x for particle s: W x - W B M^-1 B' W x. */
            private void solve(double[] x, double[] b, int s) {
                java.util.Arrays.fill(t, 0);
                for (int i = 0; i < d; i++) {
                    double wx = m.w[i] * x[s * d + i];
                    for (int k = 0; k < r; k++) {
                        t[k] += b[i * r + k] * wx;
                    }
                }
                m.solve(t);
                for (int i = 0; i < d; i++) {
                    double bt = 0;
                    for (int k = 0; k < r; k++) {
                        bt += b[i * r + k] * t[k];
                    }
                    a[i] = m.w[i] * (x[s * d + i] - bt);
                }
            }

            public void forward(Tensor[] in, Tensor out) {
                m.factor(in[1].data, in[2].data);
                for (int s = 0; s < groups; s++) {
                    solve(in[0].data, in[2].data, s);
                    double acc = 0;
                    for (int i = 0; i < d; i++) {
                        acc += in[0].data[s * d + i] * a[i];
                    }
                    out.data[s] = acc;
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                double[] b = in[2].data;
                for (int s = 0; s < groups; s++) {
                    double g = gOut.data[s];
                    solve(in[0].data, b, s);
                    if (gIn[0] != null) {
                        for (int i = 0; i < d; i++) {
                            gIn[0].data[s * d + i] += g * 2 * a[i];
                        }
                    }
                    if (gIn[1] != null) {
                        for (int i = 0; i < d; i++) {
                            gIn[1].data[i] -= g * 2 * a[i] * a[i] / m.w[i];
                        }
                    }
                    if (gIn[2] != null) {
                        java.util.Arrays.fill(bta, 0);
                        for (int i = 0; i < d; i++) {
                            for (int k = 0; k < r; k++) {
                                bta[k] += b[i * r + k] * a[i];
                            }
                        }
                        for (int i = 0; i < d; i++) {
                            for (int k = 0; k < r; k++) {
                                gIn[2].data[i * r + k] -= g * 2 * a[i] * bta[k];
                            }
                        }
                    }
                }
            }
        };
    }
}
