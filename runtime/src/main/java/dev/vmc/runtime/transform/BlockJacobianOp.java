package dev.vmc.runtime.transform;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/** The log |det| of a {@link BlockConstrainOp}'s map, summed over the blocks: one value per particle. */
final class BlockJacobianOp implements Op {
    private final BlockMap map;

    BlockJacobianOp(BlockMap map) {
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
        BlockMap map = this.map.forKernel();
        int groups = output.size();
        int free = map.freeSize();
        int perGroup = free == 0 ? 0 : inputs[0].modelSize() / free;
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                for (int s = 0; s < groups; s++) {
                    double acc = 0;
                    for (int b = 0; b < perGroup; b++) {
                        acc += map.logAbsDet(in[0].data, (s * perGroup + b) * free);
                    }
                    out.data[s] = acc;
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                for (int s = 0; s < groups; s++) {
                    for (int b = 0; b < perGroup; b++) {
                        map.addLogAbsDetGradient(in[0].data, (s * perGroup + b) * free, gOut.data[s], gIn[0].data);
                    }
                }
            }
        };
    }
}
