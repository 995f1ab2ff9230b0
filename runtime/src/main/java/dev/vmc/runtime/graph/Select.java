package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Tensor;

/**
 * {@code condition ? a : b}, elementwise over the broadcast of the three (the condition is
 * usually one number): each element is a's where the condition is not 0 and b's otherwise, and
 * its gradient goes to the one chosen. None goes to the condition, an int.
 */
public enum Select implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "?:";
    }

    public int[] outputShape(int[][] inputShapes) {
        return Broadcast.shape(inputShapes[0], Broadcast.shape(inputShapes[1], inputShapes[2]));
    }

    @Override
    public boolean isElementwise() {
        return true;
    }

    public Kernel kernel(Layout[] inputs, Layout output) {
        int[] condition = Broadcast.indexMap(inputs[0], output);
        int[] a = Broadcast.indexMap(inputs[1], output);
        int[] b = Broadcast.indexMap(inputs[2], output);
        int size = output.size();
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                for (int i = 0; i < size; i++) {
                    out.data[i] = in[0].data[at(condition, i)] != 0 ? in[1].data[at(a, i)] : in[2].data[at(b, i)];
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                for (int i = 0; i < size; i++) {
                    if (in[0].data[at(condition, i)] != 0) {
                        if (gIn[1] != null) {
                            gIn[1].data[at(a, i)] += gOut.data[i];
                        }
                    } else if (gIn[2] != null) {
                        gIn[2].data[at(b, i)] += gOut.data[i];
                    }
                }
            }
        };
    }

    /** The input element that output element i reads: the identity where the map is null. */
    private static int at(int[] map, int i) {
        return map == null ? i : map[i];
    }
}
