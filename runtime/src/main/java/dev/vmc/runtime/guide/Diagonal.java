package dev.vmc.runtime.guide;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Tensor;

/** The diagonal of a shared square matrix, as a vector. */
enum Diagonal implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "diagonal";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] s = inputShapes[0];
        if (s.length != 2 || s[0] != s[1]) {
            throw new ShapeException("needs a square matrix");
        }
        return new int[] {s[0]};
    }

    @Override
    public boolean outputBatched(boolean[] inputsBatched) {
        if (inputsBatched[0]) {
            throw new ShapeException("needs a shared matrix");
        }
        return false;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int d = output.shape()[0];
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                for (int i = 0; i < d; i++) {
                    out.data[i] = in[0].data[i * d + i];
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] != null) {
                    for (int i = 0; i < d; i++) {
                        gIn[0].data[i * d + i] += gOut.data[i];
                    }
                }
            }
        };
    }
}
