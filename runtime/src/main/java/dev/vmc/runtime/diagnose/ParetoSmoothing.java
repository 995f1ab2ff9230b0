package dev.vmc.runtime.diagnose;

import dev.vmc.runtime.graph.Special;
import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;

/**
 * Pareto smoothed importance sampling (Vehtari, Simpson, Gelman, Yao and Gabry, "Pareto
 * smoothed importance sampling", JMLR 2024), as the R package loo 2.5 computes it for one
 * vector of log ratios with r_eff = 1. The estimated tail shape k-hat says whether the
 * importance ratios, and so the draws they reweight, can be trusted.
 */
public final class ParetoSmoothing {
    /** loo fits no tail to fewer exceedances than this. */
    private static final int MIN_TAIL = 5;
    /**
     * A tail whose log ratios spread less than this is flat: its weights are equal to a part
     * in a billion (rounding in log p - log q, typically, when the guide is the posterior).
     * loo calls such a tail unfittable and reports k-hat +infinity ("do not trust"); but the
     * ratios are then bounded, the best case for importance sampling, so k-hat is -infinity.
     */
    private static final double FLAT_TAIL = 1e-9;

    private ParetoSmoothing() {}

    /**
     * Smooths log importance ratios log p - log q, one per draw from q. The M largest ratios
     * (M = ceil(min(0.2 S, 3 sqrt(S)))) are replaced by the expected order statistics of a
     * generalized Pareto distribution fitted to their excess over the (M + 1)-th largest, no
     * weight may exceed the largest raw ratio, and the weights are normalised.
     *
     * <p>Where no tail can be fitted (S &lt; 21, so M &lt; 5; the M largest ratios all
     * equal; fewer than M + 1 ratios above zero), k-hat is +infinity and the ratios are only
     * normalised, as in loo. A ratio of zero (log ratio -infinity) gets weight zero. An
     * infinite ratio (+infinity) makes k-hat +infinity and shares all the weight with the
     * other infinite ones. If every ratio is zero the weights are undefined: NaN, with an
     * effective sample size of 0.
     *
     * @throws IllegalArgumentException if there are no ratios or one is NaN
     */
    public static ParetoSmoothed smooth(double[] logRatios) {
        int draws = logRatios.length;
        if (draws == 0) {
            throw new IllegalArgumentException("no log ratios to smooth");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < draws; i++) {
            if (Double.isNaN(logRatios[i])) {
                throw new IllegalArgumentException("log ratio " + i + " is NaN");
            }
            max = Math.max(max, logRatios[i]);
        }
        if (max == Double.POSITIVE_INFINITY) {
            return infiniteRatios(logRatios);
        }
        double[] logWeights = new double[draws];
        if (max == Double.NEGATIVE_INFINITY) {
            Arrays.fill(logWeights, Double.NaN);
            return new ParetoSmoothed(Double.POSITIVE_INFINITY, 0, logWeights, 0);
        }
        // relative to the largest, so exp() neither overflows nor underflows in the tail
        for (int i = 0; i < draws; i++) {
            logWeights[i] = logRatios[i] - max;
        }
        int tailLength = tailLength(draws);
        double khat = Double.POSITIVE_INFINITY; // as loo, also for too few draws to fit a tail: see fitsATail
        int smoothed = 0;
        if (tailLength >= MIN_TAIL) {
            khat = smoothTail(logWeights, tailLength);
            smoothed = Double.isFinite(khat) ? tailLength : 0;
        }
        for (int i = 0; i < draws; i++) {
            // truncated at the largest raw ratio, 0 on this scale
            logWeights[i] = Math.min(logWeights[i], 0);
        }
        double norm = Special.logSumExp(logWeights, 0, draws);
        double sumOfSquares = 0;
        for (int i = 0; i < draws; i++) {
            logWeights[i] -= norm;
            sumOfSquares += Math.exp(2 * logWeights[i]);
        }
        return new ParetoSmoothed(khat, smoothed, logWeights, 1 / sumOfSquares);
    }

    /** Whether S draws are enough to fit a tail (21 or more); with fewer, k-hat says nothing. */
    public static boolean fitsATail(int draws) {
        return tailLength(draws) >= MIN_TAIL;
    }

    /** The reliability threshold min(1 - 1 / log10(S), 0.7) on k-hat for S draws. */
    public static double threshold(int draws) {
        if (draws < 1) {
            throw new IllegalArgumentException("threshold for " + draws + " draws");
        }
        return Math.min(1 - 1 / Math.log10(draws), 0.7);
    }

    /**
     * Indices of {@code count} draws resampled with replacement (multinomially), each with
     * probability proportional to exp(logWeights[i]); the weights need not be normalised.
     *
     * @throws IllegalArgumentException if count is negative, a weight is NaN or +infinity, or
     *     every weight is zero
     */
    public static int[] resample(double[] logWeights, int count, RandomGenerator random) {
        if (count < 0) {
            throw new IllegalArgumentException("cannot resample " + count + " draws");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logWeights.length; i++) {
            if (Double.isNaN(logWeights[i]) || logWeights[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("log weight " + i + " is " + logWeights[i]);
            }
            max = Math.max(max, logWeights[i]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("every weight is zero");
        }
        double[] cumulative = new double[logWeights.length];
        double total = 0;
        for (int i = 0; i < logWeights.length; i++) {
            total += Math.exp(logWeights[i] - max);
            cumulative[i] = total;
        }
        int last = logWeights.length - 1;
        while (logWeights[last] == Double.NEGATIVE_INFINITY) {
            last--;
        }
        int[] chosen = new int[count];
        for (int c = 0; c < count; c++) {
            double u = random.nextDouble() * total;
            // the first draw whose cumulative weight exceeds u, which a zero weight never is;
            // the last of positive weight if u rounded up to the total
            int lo = 0;
            int hi = last;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            chosen[c] = lo;
        }
        return chosen;
    }

    /** Every weight on the infinite ratios, equally: the limit of letting them grow together. */
    private static ParetoSmoothed infiniteRatios(double[] logRatios) {
        int infinite = 0;
        for (double r : logRatios) {
            infinite += r == Double.POSITIVE_INFINITY ? 1 : 0;
        }
        double[] logWeights = new double[logRatios.length];
        for (int i = 0; i < logRatios.length; i++) {
            logWeights[i] = logRatios[i] == Double.POSITIVE_INFINITY ? -Math.log(infinite) : Double.NEGATIVE_INFINITY;
        }
        return new ParetoSmoothed(Double.POSITIVE_INFINITY, 0, logWeights, infinite);
    }

    /** loo's M for r_eff = 1: 3 sqrt(S), but no more than a fifth of the draws. */
    static int tailLength(int draws) {
        return (int) Math.ceil(Math.min(0.2 * draws, 3 * Math.sqrt(draws)));
    }

    /**
     * Replaces the tailLength largest of logWeights (all at most 0) by the logs of the
     * fitted distribution's order statistics and returns k-hat, or leaves them and returns
     * -infinity for a flat tail and +infinity if no tail could be fitted.
     */
    private static double smoothTail(double[] logWeights, int tailLength) {
        double[] sorted = logWeights.clone();
        Arrays.sort(sorted);
        double cutoff = sorted[sorted.length - tailLength - 1];
        int[] tail = largest(logWeights, sorted, tailLength);
        if (cutoff == Double.NEGATIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        if (logWeights[tail[tailLength - 1]] - cutoff < FLAT_TAIL) {
            return Double.NEGATIVE_INFINITY;
        }
        double expCutoff = Math.exp(cutoff);
        double[] exceedances = new double[tailLength];
        for (int j = 0; j < tailLength; j++) {
            exceedances[j] = Math.exp(logWeights[tail[j]]) - expCutoff;
        }
        GeneralizedPareto fit = GeneralizedPareto.fit(exceedances);
        if (!Double.isFinite(fit.k()) || !(fit.sigma() > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        for (int j = 0; j < tailLength; j++) {
            // the expected j-th order statistic of tailLength draws, approximately
            double p = (j + 0.5) / tailLength;
            logWeights[tail[j]] = Math.log(fit.quantile(p) + expCutoff);
        }
        return fit.k();
    }

    /**
     * Indices of the count largest values in ascending order, ties in index order: the last
     * count places of a stable sort, as R's sort.int orders them. Only those are sorted as
     * boxed indices, which for all S would cost more than the rest of the smoothing.
     */
    private static int[] largest(double[] values, double[] sorted, int count) {
        double smallest = sorted[sorted.length - count];
        int tiesLeft = count;
        for (double v : values) {
            tiesLeft -= v > smallest ? 1 : 0;
        }
        Integer[] chosen = new Integer[count];
        int found = 0;
        for (int i = values.length - 1; i >= 0; i--) {
            // ties with the smallest that a stable sort places last
            if (values[i] > smallest || (values[i] == smallest && tiesLeft-- > 0)) {
                chosen[found++] = i;
            }
        }
        Arrays.sort(chosen, Comparator.<Integer>comparingDouble(i -> values[i]).thenComparingInt(i -> i));
        return Arrays.stream(chosen).mapToInt(Integer::intValue).toArray();
    }
}
