package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Special;

/**
 * categorical(theta) and categorical_logit(beta): the first category whose cumulative
 * probability exceeds u, found by bisection in O(log K) once the O(K) table is made.
 *
 * <p>The cumulative sums are divided by their total, so the last is exactly 1 and covers every
 * u, even for a simplex a rounding error away from summing to 1. A category of probability 0
 * repeats its predecessor's cumulative value, and bisection finds the first value above u, so
 * it is never drawn.
 */
final class CategoricalDraw implements DiscreteDraw {
    private final CategoricalWeights weights;

    CategoricalDraw(CategoricalWeights weights) {
        this.weights = weights;
    }

    @Override
    public int tableSize(int width) {
        return width;
    }

    @Override
    public void prepare(double[] w, int k, double[] cumulative) {
        boolean logits = weights == CategoricalWeights.LOGITS;
        // softmax shifted by the largest logit: exp never overflows, however large the logits,
        // and the division by the total below normalises (one exp per value, not two and a log)
        double shift = logits ? Special.max(w, 0, k) : 0;
        double total = 0;
        for (int i = 0; i < k; i++) {
            double p = logits ? Math.exp(w[i] - shift) : w[i];
            if (!(p >= 0)) {
                total = Double.NaN;
                break;
            }
            total += p;
            cumulative[i] = total;
        }
        if (!(total > 0 && total < Double.POSITIVE_INFINITY)) {
            cumulative[0] = Double.NaN;
            return;
        }
        for (int i = 0; i < k; i++) {
            cumulative[i] /= total;
        }
    }

    @Override
    public double draw(double u, double[] cumulative) {
        if (Double.isNaN(cumulative[0])) {
            return Double.NaN;
        }
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u < cumulative[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo + 1; // categories count from 1, as in Stan
    }
}
