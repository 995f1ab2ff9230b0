package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Special;

/**
 * How a categorical's vector of K weights gives log probabilities, in two forms: for many draws
 * sharing one vector, in terms of how often each category occurs, so a data set of N draws
 * costs O(N + K), not O(N K); and for one draw from a vector of its own (a row of [N, K]).
 * The one-draw form is the counted form with a single count of 1, written out so as not to
 * fill a K-long count array per draw.
 *
 * <p>Counts are doubles so that the gradient of a weighted sum of draws' log probabilities
 * (each draw's upstream gradient, when the draws are scored one by one) is the counted form's
 * with each draw counted by its weight; a whole count converts to the same double, so the
 * summed form's values are unchanged by it.
 */
enum CategoricalWeights {
    /** Probabilities theta: log p(k) = log theta[k]. */
    PROBABILITIES {
        double logLikelihood(double[] w, int offset, double[] counts, double total) {
            double acc = 0;
            for (int k = 0; k < counts.length; k++) {
                // an unseen category contributes nothing, even where its probability is 0
                if (counts[k] != 0) {
                    acc += counts[k] * Math.log(w[offset + k]);
                }
            }
            return acc;
        }

        void addGradient(double[] w, int offset, double[] counts, double total, double upstream, double[] gw) {
            for (int k = 0; k < counts.length; k++) {
                // != 0, not > 0: a weighted count may be negative
                if (counts[k] != 0) {
                    gw[offset + k] += upstream * counts[k] / w[offset + k];
                }
            }
        }

        double logProbability(double[] w, int offset, int k, int category) {
            return Math.log(w[offset + category]);
        }

        void logProbabilities(double[] w, int offset, int k, double[] out) {
            for (int i = 0; i < k; i++) {
                out[i] = Math.log(w[offset + i]);
            }
        }

        void addGradientOfDraw(double[] w, int offset, int k, int category, double upstream, double[] gw) {
            gw[offset + category] += upstream / w[offset + category];
        }
    },
    /** Logits beta: log p(k) = beta[k] - log_sum_exp(beta), i.e. log_softmax. */
    LOGITS {
        double logLikelihood(double[] w, int offset, double[] counts, double total) {
            double acc = 0;
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] != 0) {
                    acc += counts[k] * w[offset + k];
                }
            }
            return total == 0 ? acc : acc - total * Special.logSumExp(w, offset, counts.length);
        }

        void addGradient(double[] w, int offset, double[] counts, double total, double upstream, double[] gw) {
            double lse = Special.logSumExp(w, offset, counts.length);
            for (int k = 0; k < counts.length; k++) {
                gw[offset + k] += upstream * (counts[k] - total * Math.exp(w[offset + k] - lse));
            }
        }

        double logProbability(double[] w, int offset, int k, int category) {
            return w[offset + category] - Special.logSumExp(w, offset, k);
        }

        void logProbabilities(double[] w, int offset, int k, double[] out) {
            double lse = Special.logSumExp(w, offset, k);
            for (int i = 0; i < k; i++) {
                out[i] = w[offset + i] - lse;
            }
        }

        /**
         * One-hot minus softmax, the softmax shifted by the largest logit so that exp never
         * overflows, and normalised by its total: one exp per value, where the log-sum-exp
         * would take two and a log.
         */
        void addGradientOfDraw(double[] w, int offset, int k, int category, double upstream, double[] gw) {
            double max = Special.max(w, offset, k);
            double total = 0;
            for (int i = 0; i < k; i++) {
                total += Math.exp(w[offset + i] - max);
            }
            double scale = upstream / total;
            for (int i = 0; i < k; i++) {
                gw[offset + i] -= scale * Math.exp(w[offset + i] - max);
            }
            gw[offset + category] += upstream;
        }
    };

    /** The summed log probability of draws with the given category counts. */
    abstract double logLikelihood(double[] w, int offset, double[] counts, double total);

    /** Adds upstream * d logLikelihood / d w into gw. */
    abstract void addGradient(double[] w, int offset, double[] counts, double total, double upstream, double[] gw);

    /** log p(category) for one draw (category counted from 0) under the K weights at offset. */
    abstract double logProbability(double[] w, int offset, int k, int category);

    /** out[i] = {@link #logProbability} of category i, for all K at once (one log-sum-exp, not K). */
    abstract void logProbabilities(double[] w, int offset, int k, double[] out);

    /** Adds upstream * d logProbability / d w into gw. */
    abstract void addGradientOfDraw(double[] w, int offset, int k, int category, double upstream, double[] gw);
}
