package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * A scalar (per particle, or shared) repeated into a vector of {@code count}: the language's
 * rep_vector. An op rather than a product with a vector of ones, so that building the graph
 * allocates nothing of the vector's size: only an executor holds its values.
 */
public record Repeat(int count) implements Op {
    public Repeat {
        if (count < 0) {
            throw new ShapeException("cannot repeat a value " + count + " times");
        }
    }

    public String name() {
        return "repeat " + count + " times";
    }

    public int[] outputShape(int[][] inputShapes) {
        if (inputShapes[0].length != 0) {
            throw new ShapeException("repeats a scalar, got shape " + Shapes.format(inputShapes[0]));
        }
        return new int[] {count};
    }

    public Kernel kernel(Layout[] inputs, Layout output) {
        int groups = output.batched() ? output.particles() : 1;
        boolean batched = inputs[0].batched();
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                for (int s = 0; s < groups; s++) {
                    java.util.Arrays.fill(out.data, s * count, (s + 1) * count, in[0].data[batched ? s : 0]);
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                for (int s = 0; s < groups; s++) {
                    double acc = 0;
                    for (int i = s * count, end = i + count; i < end; i++) {
                        acc += gOut.data[i];
                    }
                    gIn[0].data[batched ? s : 0] += acc;
                }
            }
        };
    }
}
