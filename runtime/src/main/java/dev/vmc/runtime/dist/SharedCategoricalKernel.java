package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Arrays;

/**
 * {@link CategoricalOp} with one [K] weight vector per particle for all of x, whatever x's
 * shape: N draws cost O(N + K) rather than O(N K). Summed, each particle's values are counted
 * once and scored by their counts. Per element, the K log probabilities are computed once per
 * particle and each draw looks its own up; backward, each draw is counted by its upstream
 * gradient, which turns the counted gradient into the gradient of the weighted sum.
 */
final class SharedCategoricalKernel implements Kernel {
    private final CategoricalWeights weights;
    private final boolean perElement;
    private final int groups;
    private final int draws;
    private final int k;
    private final int xStride;
    private final int wStride;
    private final double[] counts;
    /** Per element: the K log probabilities of the particle being scored. */
    private final double[] table;

    SharedCategoricalKernel(CategoricalWeights weights, boolean perElement, Layout x, Layout w, Layout output) {
        this.weights = weights;
        this.perElement = perElement;
        this.groups = output.batched() ? output.particles() : 1;
        this.draws = x.modelSize();
        this.k = w.shape()[0];
        this.xStride = x.batched() ? draws : 0;
        this.wStride = w.batched() ? k : 0;
        this.counts = new double[k];
        this.table = perElement ? new double[k] : null;
    }

    /**
     * Counts each category among particle s's draws, draw i counted by {@code g[from + i]}, or
     * by 1 when g is null; returns the total count of the draws in 1..K.
     */
    private double count(double[] x, int s, double[] g, int from) {
        Arrays.fill(counts, 0);
        double total = 0;
        for (int i = 0; i < draws; i++) {
            int c = CategoricalOp.category(x[s * xStride + i], k);
            if (c >= 0) {
                double weight = g == null ? 1 : g[from + i];
                counts[c] += weight;
                total += weight;
            }
        }
        return total;
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        double[] x = in[0].data;
        double[] w = in[1].data;
        for (int s = 0; s < groups; s++) {
            if (!perElement) {
                double valid = count(x, s, null, 0);
                out.data[s] = valid < draws ? Double.NEGATIVE_INFINITY : weights.logLikelihood(w, s * wStride, counts, valid);
                continue;
            }
            if (s == 0 || wStride != 0) {
                weights.logProbabilities(w, s * wStride, k, table);
            }
            for (int i = 0; i < draws; i++) {
                int c = CategoricalOp.category(x[s * xStride + i], k);
                out.data[s * draws + i] = c < 0 ? Double.NEGATIVE_INFINITY : table[c];
            }
        }
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
        if (gIn[1] == null) {
            return;
        }
        for (int s = 0; s < groups; s++) {
            if (perElement) {
                double total = count(in[0].data, s, gOut.data, s * draws);
                weights.addGradient(in[1].data, s * wStride, counts, total, 1, gIn[1].data);
            } else {
                double valid = count(in[0].data, s, null, 0);
                weights.addGradient(in[1].data, s * wStride, counts, valid, gOut.data[s], gIn[1].data);
            }
        }
    }
}
