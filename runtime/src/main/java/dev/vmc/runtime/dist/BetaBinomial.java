package dev.vmc.runtime.dist;

import static org.apache.commons.math3.special.Gamma.digamma;

import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Beta;

/**
 * beta_binomial(n, alpha, beta): successes in n trials whose probability is beta(alpha, beta);
 * mass choose(n, k) B(k + alpha, n - k + beta) / B(alpha, beta). It has no sampler yet.
 */
final class BetaBinomial extends ScalarDensity {
    BetaBinomial() {
        super("beta_binomial", Support.NONNEGATIVE_INTEGER, List.of("n", "alpha", "beta"),
                List.of(Support.NONNEGATIVE_INTEGER, Support.POSITIVE, Support.POSITIVE));
    }

    @Override
    public double logDensity(double k, double n, double alpha, double beta) {
        if (!Counts.isCount(n)) {
            return Double.NaN; // a malformed trial count is an error in the model, not an unlikely value
        }
        if (!Counts.isCountUpTo(k, n)) {
            return Double.NEGATIVE_INFINITY;
        }
        return Special.logChoose(n, k) + Beta.logBeta(k + alpha, n - k + beta) - Beta.logBeta(alpha, beta);
    }

    @Override
    public void gradient(double k, double n, double alpha, double beta, double[] g) {
        Arrays.fill(g, 0);
        if (!Counts.isCount(n) || !Counts.isCountUpTo(k, n)) {
            return;
        }
        double common = digamma(alpha + beta) - digamma(n + alpha + beta);
        g[2] = digamma(k + alpha) - digamma(alpha) + common;
        g[3] = digamma(n - k + beta) - digamma(beta) + common;
    }
}
