package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/** The running sums of a vector, y[i] = x[1] + ... + x[i]: the language's cumulative_sum. */
public enum CumulativeSum implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "cumulative_sum";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        if (inputShapes[0].length != 1) {
            throw new ShapeException("needs a vector, got shape " + Shapes.format(inputShapes[0]));
        }
        return inputShapes[0];
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int groups = output.batched() ? output.particles() : 1;
        int width = output.modelSize();
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                for (int s = 0; s < groups; s++) {
                    double acc = 0;
                    for (int i = s * width, end = i + width; i < end; i++) {
                        acc += in[0].data[i];
                        out.data[i] = acc;
                    }
                }
            }

            /** x[i] reaches every y[j] with j >= i, so its gradient is the sum of gOut from i on. */
            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                for (int s = 0; s < groups; s++) {
                    double acc = 0;
                    for (int i = (s + 1) * width - 1; i >= s * width; i--) {
                        acc += gOut.data[i];
                        gIn[0].data[i] += acc;
                    }
                }
            }
        };
    }
}
