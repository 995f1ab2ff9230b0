package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.tensor.Tensor;

/**
 * {@link CategoricalOp} with weights [N, K] for x of shape [N]: element n is scored by row n
 * alone. Each row serves one draw, so there is nothing to count; the cost is O(N K), the size
 * of the weights, and no scratch is needed. Summed or per element, only where each draw's
 * value goes, and whose upstream gradient it gets back, differ.
 */
final class RowCategoricalKernel implements Kernel {
    private final CategoricalWeights weights;
    private final boolean perElement;
    private final int groups;
    private final int draws;
    private final int k;
    private final int xStride;
    private final int wStride;
    /**
     * With weights shared by several particles: each row's log probabilities, made once per
     * forward pass rather than once per particle, and each row's draws counted by their
     * upstream gradients across the particles, so backward visits each row once.
     */
    private final double[] shared;
    private final double[] counts;
    private final double[] totals;
    /** Scratch for one row: its log probabilities, or its counts. */
    private final double[] row;

    RowCategoricalKernel(CategoricalWeights weights, boolean perElement, Layout x, Layout w, Layout output) {
        this.weights = weights;
        this.perElement = perElement;
        this.groups = output.batched() ? output.particles() : 1;
        this.draws = x.modelSize();
        this.k = w.shape()[1];
        this.xStride = x.batched() ? draws : 0;
        this.wStride = w.batched() ? draws * k : 0;
        boolean share = !w.batched() && groups > 1;
        this.shared = share ? new double[draws * k] : null;
        this.counts = share ? new double[draws * k] : null;
        this.totals = share ? new double[draws] : null;
        this.row = share ? new double[k] : null;
    }

    /** log p(draw n of particle s), -infinity for a value outside 1..K. */
    private double logProbability(double[] x, double[] w, int s, int n) {
        int c = CategoricalOp.category(x[s * xStride + n], k);
        return c < 0 ? Double.NEGATIVE_INFINITY : logProbabilityOf(w, s, n, c);
    }

    /** log p(category c) under particle s's row n: from the rows made once this pass where they are shared. */
    private double logProbabilityOf(double[] w, int s, int n, int c) {
        return shared != null ? shared[n * k + c] : weights.logProbability(w, s * wStride + n * k, k, c);
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        double[] x = in[0].data;
        double[] w = in[1].data;
        if (shared != null) {
            for (int n = 0; n < draws; n++) {
                weights.logProbabilities(w, n * k, k, row);
                System.arraycopy(row, 0, shared, n * k, k);
            }
        }
        for (int s = 0; s < groups; s++) {
            if (perElement) {
                for (int n = 0; n < draws; n++) {
                    out.data[s * draws + n] = logProbability(x, w, s, n);
                }
                continue;
            }
            double acc = 0;
            for (int n = 0; n < draws; n++) {
                int c = CategoricalOp.category(x[s * xStride + n], k);
                if (c < 0) { // impossible whatever the rest are, NaN weights included
                    acc = Double.NEGATIVE_INFINITY;
                    break;
                }
                acc += logProbabilityOf(w, s, n, c);
            }
            out.data[s] = acc;
        }
    }

    /** Draw n of particle s's upstream gradient is {@code gOut[s * step + n * stride]}: its own, or the particle's. */
    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
        if (gIn[1] == null) {
            return;
        }
        double[] x = in[0].data;
        double[] w = in[1].data;
        int step = perElement ? draws : 1;
        int stride = perElement ? 1 : 0;
        if (counts != null) {
            backwardShared(x, w, gOut.data, step, stride, gIn[1].data);
            return;
        }
        for (int s = 0; s < groups; s++) {
            for (int n = 0; n < draws; n++) {
                // as in the shared form, a value outside 1..K passes its row no gradient
                int c = CategoricalOp.category(x[s * xStride + n], k);
                if (c >= 0) {
                    weights.addGradientOfDraw(w, s * wStride + n * k, k, c, gOut.data[s * step + n * stride], gIn[1].data);
                }
            }
        }
    }

    /** Every particle's draws of row n counted by their upstream gradients, then the row's gradient once. */
    private void backwardShared(double[] x, double[] w, double[] g, int step, int stride, double[] gw) {
        java.util.Arrays.fill(counts, 0);
        java.util.Arrays.fill(totals, 0);
        for (int s = 0; s < groups; s++) {
            for (int n = 0; n < draws; n++) {
                int c = CategoricalOp.category(x[s * xStride + n], k);
                if (c >= 0) {
                    double upstream = g[s * step + n * stride];
                    counts[n * k + c] += upstream;
                    totals[n] += upstream;
                }
            }
        }
        for (int n = 0; n < draws; n++) {
            System.arraycopy(counts, n * k, row, 0, k);
            weights.addGradient(w, n * k, row, totals[n], 1, gw);
        }
    }
}
