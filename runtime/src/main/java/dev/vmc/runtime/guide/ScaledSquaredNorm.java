package dev.vmc.runtime.guide;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * sum_i ((x_i - loc_i) / exp(logScale_i))^2 per particle, from x (input 0, [d], per particle),
 * loc and logScale (inputs 1 and 2, [d], shared): a mean-field guide's squared norm in one pass,
 * where seven elementwise nodes would each cost a loop and a buffer on every step. With
 * z = (x - loc) / scale the gradients are 2z/scale for x, -2z/scale for loc and -2z^2 for logScale.
 */
enum ScaledSquaredNorm implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "scaled squared norm";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] x = inputShapes[0];
        if (x.length != 1 || !java.util.Arrays.equals(x, inputShapes[1]) || !java.util.Arrays.equals(x, inputShapes[2])) {
            throw new ShapeException("needs three vectors of one size, got " + Shapes.format(x) + ", "
                    + Shapes.format(inputShapes[1]) + " and " + Shapes.format(inputShapes[2]));
        }
        return Shapes.SCALAR;
    }

    @Override
    public boolean outputBatched(boolean[] inputsBatched) {
        if (inputsBatched[1] || inputsBatched[2]) {
            throw new ShapeException("needs a shared location and scale");
        }
        return inputsBatched[0];
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int d = inputs[0].shape()[0];
        int groups = output.batched() ? output.particles() : 1;
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                double[] x = in[0].data;
                double[] loc = in[1].data;
                double[] logScale = in[2].data;
                for (int s = 0; s < groups; s++) {
                    double acc = 0;
                    for (int i = 0; i < d; i++) {
                        double z = (x[s * d + i] - loc[i]) * Math.exp(-logScale[i]);
                        acc += z * z;
                    }
                    out.data[s] = acc;
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                double[] x = in[0].data;
                double[] loc = in[1].data;
                double[] logScale = in[2].data;
                for (int s = 0; s < groups; s++) {
                    double g = gOut.data[s];
                    for (int i = 0; i < d; i++) {
                        double inverse = Math.exp(-logScale[i]);
                        double z = (x[s * d + i] - loc[i]) * inverse;
                        if (gIn[0] != null) {
                            gIn[0].data[s * d + i] += g * 2 * z * inverse;
                        }
                        if (gIn[1] != null) {
                            gIn[1].data[i] -= g * 2 * z * inverse;
                        }
                        if (gIn[2] != null) {
                            gIn[2].data[i] -= g * 2 * z * z;
                        }
                    }
                }
            }
        };
    }
}
