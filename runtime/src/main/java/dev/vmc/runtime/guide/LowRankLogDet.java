package dev.vmc.runtime.guide;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * log det(D^2 + B B') from log D (input 0, [d]) and B (input 1, [d, r]), both shared: the
 * log-determinant a low-rank guide's entropy and density need. Gradients: d/dB = 2 W B M^-1,
 * d/dlog D_i = 2 (1 - w_i b_i' M^-1 b_i), with W = D^-2 and M = I + B' W B.
 */
enum LowRankLogDet implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "low-rank log det";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] diag = inputShapes[0];
        int[] b = inputShapes[1];
        if (diag.length != 1 || b.length != 2 || b[0] != diag[0]) {
            throw new ShapeException("needs a vector [d] and a matrix [d, r], got " + Shapes.format(diag) + " and " + Shapes.format(b));
        }
        return Shapes.SCALAR;
    }

    @Override
    public boolean outputBatched(boolean[] inputsBatched) {
        if (inputsBatched[0] || inputsBatched[1]) {
            throw new ShapeException("needs shared parameters");
        }
        return false;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int d = inputs[1].shape()[0];
        int r = inputs[1].shape()[1];
        Capacitance m = new Capacitance(d, r);
        double[] row = new double[r];
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                m.factor(in[0].data, in[1].data);
                double acc = m.logDeterminant();
                for (int i = 0; i < d; i++) {
                    acc += 2 * in[0].data[i];
                }
                out.data[0] = acc;
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                double g = gOut.data[0];
                double[] b = in[1].data;
                for (int i = 0; i < d; i++) {
                    System.arraycopy(b, i * r, row, 0, r);
                    m.solve(row); // M^-1 b_i
                    if (gIn[1] != null) {
                        for (int k = 0; k < r; k++) {
                            gIn[1].data[i * r + k] += g * 2 * m.w[i] * row[k];
                        }
                    }
                    if (gIn[0] != null) {
                        double quad = 0;
                        for (int k = 0; k < r; k++) {
                            quad += b[i * r + k] * row[k];
                        }
                        gIn[0].data[i] += g * 2 * (1 - m.w[i] * quad);
                    }
                }
            }
        };
    }
}
