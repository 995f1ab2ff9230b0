package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Arrays;

/**
 * The summed categorical log mass of x (values 1..K, any shape) under one vector of K weights,
 * either of which may vary by particle. Values outside 1..K make the result -infinity and
 * take no part in the gradient; x itself gets none, being discrete.
 */
final class CategoricalOp implements Op {
    private final String name;
    private final CategoricalWeights weights;

    CategoricalOp(String name, CategoricalWeights weights) {
        this.name = name;
        this.weights = weights;
    }

    @Override
    public String name() {
        return name + " log density";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] w = inputShapes[1];
        if (w.length != 1 || w[0] < 1) {
            throw new ShapeException("needs a non-empty vector of category weights, got shape " + Shapes.format(w));
        }
        return Shapes.SCALAR;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int groups = output.batched() ? output.particles() : 1;
        int draws = inputs[0].modelSize();
        int k = inputs[1].shape()[0];
        int xStride = inputs[0].batched() ? draws : 0;
        int wStride = inputs[1].batched() ? k : 0;
        return new Kernel() {
            private final int[] counts = new int[k];

            /** Counts each category among particle s's draws; returns how many draws were in 1..K. */
            private int count(double[] x, int s) {
                Arrays.fill(counts, 0);
                int valid = 0;
                for (int i = s * xStride, end = i + draws; i < end; i++) {
                    double v = x[i];
                    if (v >= 1 && v <= k && v == Math.rint(v)) {
                        counts[(int) v - 1]++;
                        valid++;
                    }
                }
                return valid;
            }

            public void forward(Tensor[] in, Tensor out) {
                for (int s = 0; s < groups; s++) {
                    int valid = count(in[0].data, s);
                    out.data[s] = valid < draws
                            ? Double.NEGATIVE_INFINITY
                            : weights.logLikelihood(in[1].data, s * wStride, counts, valid);
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[1] == null) {
                    return;
                }
                for (int s = 0; s < groups; s++) {
                    int valid = count(in[0].data, s);
                    weights.addGradient(in[1].data, s * wStride, counts, valid, gOut.data[s], gIn[1].data);
                }
            }
        };
    }
}
