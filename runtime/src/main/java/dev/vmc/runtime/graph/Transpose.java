package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/** The transpose of a matrix, per particle. */
public enum Transpose implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "transpose";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] a = inputShapes[0];
        if (a.length != 2) {
            throw new ShapeException("needs a matrix, got " + Shapes.format(a));
        }
        return new int[] {a[1], a[0]};
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int rows = inputs[0].shape()[0];
        int cols = inputs[0].shape()[1];
        int groups = output.batched() ? output.particles() : 1;
        int width = rows * cols;
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                for (int s = 0; s < groups; s++) {
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < cols; j++) {
                            out.data[s * width + j * rows + i] = in[0].data[s * width + i * cols + j];
                        }
                    }
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                for (int s = 0; s < groups; s++) {
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < cols; j++) {
                            gIn[0].data[s * width + i * cols + j] += gOut.data[s * width + j * rows + i];
                        }
                    }
                }
            }
        };
    }
}
