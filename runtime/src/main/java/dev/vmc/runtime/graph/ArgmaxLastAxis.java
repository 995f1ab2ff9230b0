package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Tensor;
import java.util.Arrays;

/**
 * The position (from 0) of the largest value along the last axis, [..., K] to [...]: the most
 * probable value of an enumerated latent given a draw, for a support too large to report each
 * value's probability. The first of equal values wins. Piecewise constant, so no gradient.
 */
public enum ArgmaxLastAxis implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "argmax over the last axis";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] shape = inputShapes[0];
        if (shape.length == 0) {
            throw new ShapeException("needs an axis to search, got a scalar");
        }
        return Arrays.copyOf(shape, shape.length - 1);
    }

    @Override
    public boolean passesGradient() {
        return false;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int rows = output.size();
        int[] shape = inputs[0].shape();
        int width = shape[shape.length - 1];
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                double[] x = in[0].data;
                for (int r = 0; r < rows; r++) {
                    int best = 0;
                    for (int i = 1; i < width; i++) {
                        if (x[r * width + i] > x[r * width + best]) {
                            best = i;
                        }
                    }
                    out.data[r] = best;
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {}
        };
    }
}
