package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Tensor;

/**
 * Numbers made one vector: {@code {a, b, c}} or {@code [a, b, c]} in a program. Each input is
 * one value (per particle where it varies); element i of the output is input i, and its gradient
 * goes back to it.
 */
public enum Stack implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "[...]";
    }

    public int[] outputShape(int[][] inputShapes) {
        for (int[] shape : inputShapes) {
            if (shape.length != 0) {
                throw new ShapeException("stacks numbers, got an input of shape " + dev.vmc.runtime.tensor.Shapes.format(shape));
            }
        }
        return new int[] {inputShapes.length};
    }

    public Kernel kernel(Layout[] inputs, Layout output) {
        int n = inputs.length;
        int groups = output.batched() ? output.particles() : 1;
        boolean[] batched = new boolean[n];
        for (int k = 0; k < n; k++) {
            batched[k] = inputs[k].batched();
        }
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                for (int s = 0; s < groups; s++) {
                    for (int k = 0; k < n; k++) {
                        out.data[s * n + k] = in[k].data[batched[k] ? s : 0];
                    }
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                for (int s = 0; s < groups; s++) {
                    for (int k = 0; k < n; k++) {
                        if (gIn[k] != null) {
                            gIn[k].data[batched[k] ? s : 0] += gOut.data[s * n + k];
                        }
                    }
                }
            }
        };
    }
}
