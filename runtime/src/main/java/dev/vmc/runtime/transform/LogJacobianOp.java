package dev.vmc.runtime.transform;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * The log absolute Jacobian determinant of an elementwise {@link Bijection}, summed over the
 * model dimensions: one value per particle. The Jacobian is diagonal, so this is just the sum
 * of the log derivatives, fused into one pass.
 */
final class LogJacobianOp implements Op {
    private final Bijection map;

    LogJacobianOp(Bijection map) {
        this.map = map;
    }

    @Override
    public String name() {
        return "log jacobian of " + map.describe();
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        return Shapes.SCALAR;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int groups = output.size();
        int width = inputs[0].size() / groups;
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                double[] u = in[0].data;
                for (int s = 0; s < groups; s++) {
                    double acc = 0;
                    for (int i = s * width, end = i + width; i < end; i++) {
                        acc += map.logAbsDerivative(u[i]);
                    }
                    out.data[s] = acc;
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                double[] u = in[0].data;
                double[] gu = gIn[0].data;
                for (int s = 0; s < groups; s++) {
                    double g = gOut.data[s];
                    for (int i = s * width, end = i + width; i < end; i++) {
                        gu[i] += g * map.logAbsDerivativeSlope(u[i]);
                    }
                }
            }
        };
    }
}
