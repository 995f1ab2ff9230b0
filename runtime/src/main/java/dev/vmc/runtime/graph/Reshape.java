package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/** The same values per particle seen with another model shape of the same size. */
public record Reshape(int[] shape) implements Op {
    public String name() {
        return "reshape" + Shapes.format(shape);
    }

    public int[] outputShape(int[][] inputShapes) {
        if (Shapes.size(inputShapes[0]) != Shapes.size(shape)) {
            throw new ShapeException("cannot reshape " + Shapes.format(inputShapes[0]) + " to " + Shapes.format(shape));
        }
        return shape;
    }

    public Kernel kernel(Layout[] inputs, Layout output) {
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                out.copyFrom(in[0]);
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] != null) {
                    double[] g = gIn[0].data;
                    for (int i = 0; i < g.length; i++) {
                        g[i] += gOut.data[i];
                    }
                }
            }
        };
    }
}
