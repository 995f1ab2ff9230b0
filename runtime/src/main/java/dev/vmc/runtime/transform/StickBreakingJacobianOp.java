package dev.vmc.runtime.transform;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * The log absolute Jacobian determinant of {@link StickBreakingOp}: one value per particle.
 * The map is triangular (x_k depends on y_1..y_k), so the determinant is the product of the
 * diagonal, and its log a sum in one pass.
 */
final class StickBreakingJacobianOp implements Op {
    @Override
    public String name() {
        return "log jacobian of stick-breaking";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        return Shapes.SCALAR;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int groups = output.size();
        int free = inputs[0].modelSize();
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                for (int s = 0; s < groups; s++) {
                    out.data[s] = StickBreaking.logAbsDet(in[0].data, s * free, free);
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                for (int s = 0; s < groups; s++) {
                    StickBreaking.addLogAbsDetGradient(in[0].data, s * free, free, gOut.data[s], gIn[0].data);
                }
            }
        };
    }
}
