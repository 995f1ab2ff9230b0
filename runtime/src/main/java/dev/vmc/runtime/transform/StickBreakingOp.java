package dev.vmc.runtime.transform;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/** K - 1 unconstrained values to a simplex of size K ({@link StickBreaking}), per particle. */
final class StickBreakingOp implements Op {
    @Override
    public String name() {
        return "constrain to the simplex by stick-breaking";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] u = inputShapes[0];
        if (u.length != 1) {
            throw new ShapeException("stick-breaking takes a vector, got shape " + Shapes.format(u));
        }
        return new int[] {u[0] + 1};
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int groups = output.batched() ? output.particles() : 1;
        int free = inputs[0].modelSize();
        int width = free + 1;
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                for (int s = 0; s < groups; s++) {
                    StickBreaking.constrain(in[0].data, s * free, out.data, s * width, free);
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                for (int s = 0; s < groups; s++) {
                    StickBreaking.addConstrainGradient(in[0].data, s * free, out.data, gOut.data, s * width,
                            gIn[0].data, free);
                }
            }
        };
    }
}
