package dev.vmc.runtime.output;

/**
 * Sample quantiles by linear interpolation between order statistics: Hyndman and Fan's
 * type 7, the default of R's quantile() and numpy's quantile(), so summaries agree with
 * what users compute from draws.csv themselves.
 */
public final class Quantiles {
    private Quantiles() {}

    /**
     * @param sorted the sample in ascending order, not empty
     * @param p a probability in [0, 1]
     */
    public static double type7(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("quantile of an empty sample");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability " + p + " is not in [0, 1]");
        }
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        if (below >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double fraction = h - below;
        return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
    }
}
