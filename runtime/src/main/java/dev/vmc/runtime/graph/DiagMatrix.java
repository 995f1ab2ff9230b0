package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/** Stan's diag_matrix(v): the K x K matrix with v on its diagonal and zeros elsewhere, per particle. */
public enum DiagMatrix implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "diag_matrix";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] v = inputShapes[0];
        if (v.length != 1) {
            throw new ShapeException("needs a vector, got " + Shapes.format(v));
        }
        return new int[] {v[0], v[0]};
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int k = inputs[0].shape()[0];
        int groups = output.batched() ? output.particles() : 1;
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                java.util.Arrays.fill(out.data, 0);
                for (int s = 0; s < groups; s++) {
                    for (int i = 0; i < k; i++) {
                        out.data[s * k * k + i * k + i] = in[0].data[s * k + i];
                    }
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                for (int s = 0; s < groups; s++) {
                    for (int i = 0; i < k; i++) {
                        gIn[0].data[s * k + i] += gOut.data[s * k * k + i * k + i];
                    }
                }
            }
        };
    }
}
