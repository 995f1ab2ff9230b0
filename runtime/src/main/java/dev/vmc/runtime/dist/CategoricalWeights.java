package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Special;

/**
 * How a categorical's vector of K weights gives log probabilities. Both are written in terms
 * of how often each category occurs, so a data set of N draws costs O(N + K), not O(N K).
 */
enum CategoricalWeights {
    /** Probabilities theta: log p(k) = log theta[k]. */
    PROBABILITIES {
        double logLikelihood(double[] w, int offset, int[] counts, int total) {
            double acc = 0;
            for (int k = 0; k < counts.length; k++) {
                // an unseen category contributes nothing, even where its probability is 0
                if (counts[k] > 0) {
                    acc += counts[k] * Math.log(w[offset + k]);
                }
            }
            return acc;
        }

        void addGradient(double[] w, int offset, int[] counts, int total, double upstream, double[] gw) {
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] > 0) {
                    gw[offset + k] += upstream * counts[k] / w[offset + k];
                }
            }
        }
    },
    /** Logits beta: log p(k) = beta[k] - log_sum_exp(beta), i.e. log_softmax. */
    LOGITS {
        double logLikelihood(double[] w, int offset, int[] counts, int total) {
            double acc = 0;
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] > 0) {
                    acc += counts[k] * w[offset + k];
                }
            }
            return total == 0 ? acc : acc - total * Special.logSumExp(w, offset, counts.length);
        }

        void addGradient(double[] w, int offset, int[] counts, int total, double upstream, double[] gw) {
            double lse = Special.logSumExp(w, offset, counts.length);
            for (int k = 0; k < counts.length; k++) {
                gw[offset + k] += upstream * (counts[k] - total * Math.exp(w[offset + k] - lse));
            }
        }
    };

    /** The summed log probability of draws with the given category counts. */
    abstract double logLikelihood(double[] w, int offset, int[] counts, int total);

    /** Adds upstream * d logLikelihood / d w into gw. */
    abstract void addGradient(double[] w, int offset, int[] counts, int total, double upstream, double[] gw);
}
