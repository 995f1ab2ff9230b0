package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * A contiguous run of each particle's flattened values, seen with a new shape: how one
 * latent is cut out of the flat unconstrained vector that an automatic guide samples.
 */
public record Take(int offset, int[] shape) implements Op {
    public String name() {
        return "take[" + offset + "..]" + Shapes.format(shape);
    }

    public int[] outputShape(int[][] inputShapes) {
        if (offset + Shapes.size(shape) > Shapes.size(inputShapes[0])) {
            throw new ShapeException("take past the end of " + Shapes.format(inputShapes[0]));
        }
        return shape;
    }

    public Kernel kernel(Layout[] inputs, Layout output) {
        int groups = inputs[0].batched() ? inputs[0].particles() : 1;
        int inWidth = inputs[0].modelSize();
        int width = output.modelSize();
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                for (int s = 0; s < groups; s++) {
                    System.arraycopy(in[0].data, s * inWidth + offset, out.data, s * width, width);
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                double[] g = gIn[0].data;
                for (int s = 0; s < groups; s++) {
                    for (int i = 0; i < width; i++) {
                        g[s * inWidth + offset + i] += gOut.data[s * width + i];
                    }
                }
            }
        };
    }
}
