package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

/**
 * Checks of a large sample against exact moments or quantiles, each within four of its own
 * Monte Carlo standard errors (a false alarm about once in 16,000 checks for a fixed seed
 * that, once passing, stays passing).
 */
final class SampleStatistics {
    private static final double STANDARD_ERRORS = 4;

    private final double[] values;
    private final double mean;
    private final double variance;
    private final double fourthCentralMoment;

    SampleStatistics(double[] values) {
        this.values = values.clone();
        int n = values.length;
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        mean = sum / n;
        double m2 = 0;
        double m4 = 0;
        for (double v : values) {
            double d = (v - mean) * (v - mean);
            m2 += d;
            m4 += d * d;
        }
        variance = m2 / (n - 1);
        fourthCentralMoment = m4 / n;
        Arrays.sort(this.values);
    }

    /** The sample mean, with standard error sqrt(var / n) from the exact variance. */
    void assertMean(double exactMean, double exactVariance, String what) {
        double se = Math.sqrt(exactVariance / values.length);
        assertEquals(exactMean, mean, STANDARD_ERRORS * se, what + " mean");
    }

    /** The sample variance, with standard error sqrt((mu4 - var^2) / n) from the sample's fourth moment. */
    void assertVariance(double exactVariance, String what) {
        double se = Math.sqrt((fourthCentralMoment - variance * variance) / values.length);
        assertEquals(exactVariance, variance, STANDARD_ERRORS * se, what + " variance");
    }

    /**
     * The sample p-quantile, with the asymptotic standard error sqrt(p (1 - p) / n) / f(q),
     * which needs no moments and so suits the heavy-tailed families.
     */
    void assertQuantile(double p, double exactQuantile, double densityAtQuantile, String what) {
        double q = values[(int) Math.floor(p * (values.length - 1))];
        double se = Math.sqrt(p * (1 - p) / values.length) / densityAtQuantile;
        assertEquals(exactQuantile, q, STANDARD_ERRORS * se, what + " " + p + "-quantile");
    }

    /** The share of values at or below x (the values are sorted). */
    double shareAtMost(double x) {
        int below = 0;
        while (below < values.length && values[below] <= x) {
            below++;
        }
        return below / (double) values.length;
    }

    double min() {
        return values[0];
    }
}
