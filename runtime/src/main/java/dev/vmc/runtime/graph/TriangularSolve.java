package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * x = L^-1 b for a shared lower-triangular L ([d, d], input 0; entries above the diagonal are
 * ignored) and a vector b ([d], input 1, per particle or shared), by forward substitution.
 * Gradients: b gets L^-T g, and L gets -(L^-T g) x' on and below the diagonal.
 */
public enum TriangularSolve implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "triangular solve";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] l = inputShapes[0];
        int[] b = inputShapes[1];
        if (l.length != 2 || l[0] != l[1] || b.length != 1 || b[0] != l[0]) {
            throw new ShapeException("needs a square matrix [d, d] and a vector [d], got " + Shapes.format(l) + " and " + Shapes.format(b));
        }
        return b;
    }

    @Override
    public boolean outputBatched(boolean[] inputsBatched) {
        if (inputsBatched[0]) {
            throw new ShapeException("needs a shared matrix");
        }
        return inputsBatched[1];
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int d = output.shape()[0];
        int groups = output.batched() ? output.particles() : 1;
        double[] adjoint = new double[d];
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                double[] l = in[0].data;
                for (int s = 0; s < groups; s++) {
                    int o = s * d;
                    for (int i = 0; i < d; i++) {
                        double acc = in[1].data[o + i];
                        for (int k = 0; k < i; k++) {
                            acc -= l[i * d + k] * out.data[o + k];
                        }
                        out.data[o + i] = acc / l[i * d + i];
                    }
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                double[] l = in[0].data;
                for (int s = 0; s < groups; s++) {
                    int o = s * d;
                    for (int i = d - 1; i >= 0; i--) { // adjoint = L^-T g, by back substitution
                        double acc = gOut.data[o + i];
                        for (int k = i + 1; k < d; k++) {
                            acc -= l[k * d + i] * adjoint[k];
                        }
                        adjoint[i] = acc / l[i * d + i];
                    }
                    if (gIn[1] != null) {
                        for (int i = 0; i < d; i++) {
                            gIn[1].data[o + i] += adjoint[i];
                        }
                    }
                    if (gIn[0] != null) {
                        for (int i = 0; i < d; i++) {
                            for (int k = 0; k <= i; k++) {
                                gIn[0].data[i * d + k] -= adjoint[i] * out.data[o + k];
                            }
                        }
                    }
                }
            }
        };
    }
}
