package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * Two vectors one after the other, or two matrices of one width one above the other: Stan's
 * append_row (append_col is this between transposes). Row-major storage makes either a copy of
 * the first input's elements followed by the second's, per particle where an input varies.
 */
public enum Concatenate implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "append rows";
    }

    public int[] outputShape(int[][] inputShapes) {
        int[] a = inputShapes[0];
        int[] b = inputShapes[1];
        boolean vectors = a.length == 1 && b.length == 1;
        boolean matrices = a.length == 2 && b.length == 2 && a[1] == b[1];
        if (!vectors && !matrices) {
            throw new ShapeException("appends two vectors or two matrices of one width, got " + Shapes.format(a) + " and "
                    + Shapes.format(b));
        }
        return vectors ? new int[] {a[0] + b[0]} : new int[] {a[0] + b[0], a[1]};
    }

    public Kernel kernel(Layout[] inputs, Layout output) {
        int first = inputs[0].modelSize();
        int second = inputs[1].modelSize();
        int n = first + second;
        int groups = output.batched() ? output.particles() : 1;
        boolean firstBatched = inputs[0].batched();
        boolean secondBatched = inputs[1].batched();
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                for (int s = 0; s < groups; s++) {
                    System.arraycopy(in[0].data, firstBatched ? s * first : 0, out.data, s * n, first);
                    System.arraycopy(in[1].data, secondBatched ? s * second : 0, out.data, s * n + first, second);
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                for (int s = 0; s < groups; s++) {
                    if (gIn[0] != null) {
                        int o = firstBatched ? s * first : 0;
                        for (int i = 0; i < first; i++) {
                            gIn[0].data[o + i] += gOut.data[s * n + i];
                        }
                    }
                    if (gIn[1] != null) {
                        int o = secondBatched ? s * second : 0;
                        for (int i = 0; i < second; i++) {
                            gIn[1].data[o + i] += gOut.data[s * n + first + i];
                        }
                    }
                }
            }
        };
    }
}
