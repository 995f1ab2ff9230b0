package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Special;

/**
 * binomial(n, p) and binomial_logit(n, alpha) by the walk from the mode, in terms of n and the
 * odds p / (1 - p) (exp(alpha) for the logit form): the ratio of successive masses is
 * odds (n - k + 1) / k, and log p = -log1p(1 / odds), log(1 - p) = -log1p(odds) keep both
 * tails where p or 1 - p would round to 0 or 1 (alpha = +-40). Odds of 0 or infinity (p = 0
 * or 1) give the point masses at 0 and n through the same walk.
 */
final class BinomialDraw extends ModalInverseCdf {
    static final BinomialDraw PROBABILITY = new BinomialDraw(false);
    static final BinomialDraw LOGIT = new BinomialDraw(true);

    private final boolean logit;

    private BinomialDraw(boolean logit) {
        this.logit = logit;
    }

    @Override
    boolean canonical(double[] parameters, double[] law, int at) {
        double n = parameters[0];
        double p = parameters[1];
        double odds = logit ? Math.exp(p) : p / (1 - p);
        law[at] = n;
        law[at + 1] = odds;
        // p outside [0, 1] gives negative (or NaN) odds
        return Counts.isCount(n) && odds >= 0;
    }

    @Override
    double mode(double n, double odds) {
        // floor((n + 1) p), written so that odds of 0 or infinity give 0 or n + 1 rather than NaN
        return Math.min(n, Math.floor((n + 1) / (1 + 1 / odds)));
    }

    @Override
    double logMass(double k, double n, double odds) {
        double successes = k == 0 ? 0 : -k * Special.log1p(1 / odds);
        double failures = k == n ? 0 : -(n - k) * Special.log1p(odds);
        return Special.logChoose(n, k) + successes + failures;
    }

    @Override
    double ratio(double k, double n, double odds) {
        return odds * (n - k + 1) / k;
    }

    @Override
    double upper(double n, double odds) {
        return n;
    }
}
