package dev.vmc.runtime.diagnose;

/**
 * The result of Pareto smoothing S importance ratios.
 *
 * @param khat the estimated shape of the ratios' tail; +infinity when it could not be
 *     estimated (fewer than 21 draws, a flat tail, fewer than M + 1 draws of positive weight)
 *     or when a ratio is infinite, as loo reports; see {@link ParetoSmoothing#smooth}
 * @param tailLength how many of the largest ratios were replaced by the fitted tail (M by
 *     loo's rule), or 0 when nothing was smoothed
 * @param logWeights the smoothed, truncated log weights, normalised so that their
 *     log-sum-exp is 0, one per draw in the draws' order (-infinity for a zero weight; NaN
 *     throughout if every ratio is zero)
 * @param effectiveSampleSize 1 / sum(w^2) of the normalised weights, between 1 and S (0 if
 *     every ratio is zero), as loo's psis_n_eff without its r_eff factor
 */
public record ParetoSmoothed(double khat, int tailLength, double[] logWeights, double effectiveSampleSize) {
    /** True when k-hat is at most {@link ParetoSmoothing#threshold} for this many draws. */
    public boolean reliable() {
        return khat <= ParetoSmoothing.threshold(logWeights.length);
    }
}
