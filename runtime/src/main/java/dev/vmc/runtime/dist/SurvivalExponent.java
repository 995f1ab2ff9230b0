package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Special;

/**
 * The tails of a law whose survival function is exp(-p), p >= 0 a function of the variate and
 * the parameters (weibull: p = (x / sigma)^alpha; the Pareto laws: p = alpha log(y / y_min), or
 * alpha log1p((y - mu) / lambda); frechet's CDF has the form, so its tails are these swapped):
 * log P(X > x) = -p and log P(X <= x) = log(1 - e^-p), each in its own right so that both keep
 * their digits, and the slope of either with respect to p, which the chain rule then carries
 * to each argument through dp / d argument.
 */
final class SurvivalExponent {
    private SurvivalExponent() {}

    static double logTail(double p, boolean upper) {
        return upper ? -p : Special.log1mExp(-p);
    }

    /** d log(1 - e^-p) / dp = 1 / expm1(p); d(-p) / dp = -1. */
    static double slope(double p, boolean upper) {
        return upper ? -1 : 1 / Math.expm1(p);
    }
}
