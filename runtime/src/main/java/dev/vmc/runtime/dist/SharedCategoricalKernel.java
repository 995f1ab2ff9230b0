package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Arrays;

/**
 * {@link CategoricalOp} with one [K] weight vector per particle for all of x: each particle's
 * values are counted once, so N draws cost O(N + K) rather than O(N K).
 */
final class SharedCategoricalKernel implements Kernel {
    private final CategoricalWeights weights;
    private final int groups;
    private final int draws;
    private final int k;
    private final int xStride;
    private final int wStride;
    private final int[] counts;

    SharedCategoricalKernel(CategoricalWeights weights, Layout x, Layout w, Layout output) {
        this.weights = weights;
        this.groups = output.batched() ? output.particles() : 1;
        this.draws = x.modelSize();
        this.k = w.shape()[0];
        this.xStride = x.batched() ? draws : 0;
        this.wStride = w.batched() ? k : 0;
        this.counts = new int[k];
    }

    /** Counts each category among particle s's draws; returns how many draws were in 1..K. */
    private int count(double[] x, int s) {
        Arrays.fill(counts, 0);
        int valid = 0;
        for (int i = s * xStride, end = i + draws; i < end; i++) {
            int c = CategoricalOp.category(x[i], k);
            if (c >= 0) {
                counts[c]++;
                valid++;
            }
        }
        return valid;
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        for (int s = 0; s < groups; s++) {
            int valid = count(in[0].data, s);
            out.data[s] = valid < draws
                    ? Double.NEGATIVE_INFINITY
                    : weights.logLikelihood(in[1].data, s * wStride, counts, valid);
        }
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
        if (gIn[1] == null) {
            return;
        }
        for (int s = 0; s < groups; s++) {
            int valid = count(in[0].data, s);
            weights.addGradient(in[1].data, s * wStride, counts, valid, gOut.data[s], gIn[1].data);
        }
    }
}
