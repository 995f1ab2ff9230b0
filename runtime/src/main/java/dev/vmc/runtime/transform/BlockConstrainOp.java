package dev.vmc.runtime.transform;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * A {@link BlockMap} over the last axis of its input, block by block: [..., free] to
 * [..., block shape], for every leading array index and every particle.
 */
final class BlockConstrainOp implements Op {
    private final BlockMap map;
    private final int[] block;

    BlockConstrainOp(BlockMap map, int[] block) {
        this.map = map;
        this.block = block.clone();
    }

    @Override
    public String name() {
        return "constrain by " + map.describe();
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] u = inputShapes[0];
        if (u.length < 1 || u[u.length - 1] != map.freeSize()) {
            throw new ShapeException(map.describe() + " takes blocks of " + map.freeSize() + " free values, got shape "
                    + Shapes.format(u));
        }
        int[] out = new int[u.length - 1 + block.length];
        System.arraycopy(u, 0, out, 0, u.length - 1);
        System.arraycopy(block, 0, out, u.length - 1, block.length);
        return out;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        BlockMap map = this.map.forKernel();
        int free = map.freeSize();
        int width = map.size();
        int blocks = free == 0 ? output.size() / Math.max(1, width) : inputs[0].size() / free;
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                for (int b = 0; b < blocks; b++) {
                    map.constrain(in[0].data, b * free, out.data, b * width);
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                for (int b = 0; b < blocks; b++) {
                    map.addConstrainGradient(in[0].data, b * free, out.data, gOut.data, b * width, gIn[0].data);
                }
            }
        };
    }
}
