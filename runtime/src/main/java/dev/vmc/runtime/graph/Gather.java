package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Tensor;

/**
 * Indexing along the first model dimension by integers: {@code x[idx]} where idx holds
 * zero-based positions, of any shape. The output shape is idx's shape followed by the rest
 * of x's, so {@code alpha[county]} gives one alpha per observation. The indices may differ by
 * particle ({@code mu[z]} with a random assignment z); no gradient flows to them, as none
 * exists for an integer: a discrete latent's gradient comes from its score instead.
 */
public enum Gather implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "index";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] x = inputShapes[0];
        if (x.length == 0) {
            throw new ShapeException("cannot index a scalar");
        }
        int[] idx = inputShapes[1];
        int[] out = new int[idx.length + x.length - 1];
        System.arraycopy(idx, 0, out, 0, idx.length);
        System.arraycopy(x, 1, out, idx.length, x.length - 1);
        return out;
    }

    @Override
    public boolean outputBatched(boolean[] inputsBatched) {
        return inputsBatched[0] || inputsBatched[1];
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int groups = output.batched() ? output.particles() : 1;
        int length = inputs[0].shape()[0];
        int rowWidth = inputs[0].modelSize() / length;
        int inWidth = inputs[0].modelSize();
        int count = inputs[1].modelSize();
        int outWidth = output.modelSize();
        int inGroupStride = inputs[0].batched() ? inWidth : 0;
        int idxGroupStride = inputs[1].batched() ? count : 0;
        return new Kernel() {
            private int row(double[] idx, int j) {
                double v = idx[j];
                int r = (int) v;
                if (r != v || r < 0 || r >= length) {
                    // the position within one particle's indices
                    throw new IndexOutOfBoundsException("index " + formatIndex(v + 1) + " at position " + (j % count + 1)
                            + " is outside 1.." + length + ", the size of the indexed dimension");
                }
                return r;
            }

            public void forward(Tensor[] in, Tensor out) {
                double[] idx = in[1].data;
                for (int s = 0; s < groups; s++) {
                    for (int j = 0; j < count; j++) {
                        System.arraycopy(in[0].data, s * inGroupStride + row(idx, s * idxGroupStride + j) * rowWidth,
                                out.data, s * outWidth + j * rowWidth, rowWidth);
                    }
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                double[] idx = in[1].data;
                double[] g = gIn[0].data;
                for (int s = 0; s < groups; s++) {
                    for (int j = 0; j < count; j++) {
                        int src = s * outWidth + j * rowWidth;
                        int dst = s * inGroupStride + row(idx, s * idxGroupStride + j) * rowWidth;
                        for (int k = 0; k < rowWidth; k++) {
                            g[dst + k] += gOut.data[src + k];
                        }
                    }
                }
            }
        };
    }

    private static String formatIndex(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
