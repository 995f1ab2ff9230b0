package dev.vmc.runtime.guide;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Tensor;

/**
 * An unconstrained square matrix to a lower-triangular factor with a positive diagonal: the
 * strict lower triangle as given, the diagonal exponentiated, the rest zero. So every
 * parameter value is a valid Cholesky factor and the optimiser needs no constraint.
 */
enum CholeskyFactor implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "cholesky factor";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] s = inputShapes[0];
        if (s.length != 2 || s[0] != s[1]) {
            throw new ShapeException("needs a square matrix");
        }
        return s;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int d = output.shape()[0];
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                double[] raw = in[0].data;
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        int k = i * d + j;
                        out.data[k] = j < i ? raw[k] : j == i ? Math.exp(raw[k]) : 0;
                    }
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j <= i; j++) {
                        int k = i * d + j;
                        gIn[0].data[k] += j < i ? gOut.data[k] : gOut.data[k] * out.data[k];
                    }
                }
            }
        };
    }
}
