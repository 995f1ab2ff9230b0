package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-square test of integer draws against an exact mass function, at a fixed
 * significance of 1e-4: neighbouring values are pooled, in increasing order, until each cell
 * expects at least 5 draws (a remainder joins the last cell), and the statistic is compared
 * with the chi-square quantile on cells - 1 degrees of freedom. Before that, every draw must be
 * an integer of positive mass in 0..max, the range the caller enumerates (for an infinite
 * support, one beyond which the mass is far below 1 / draws).
 */
final class Frequencies {
    static final double SIGNIFICANCE = 1e-4;
    private static final double MIN_EXPECTED = 5;

    private Frequencies() {}

    static void assertMatch(double[] draws, IntToDoubleFunction mass, int max, String what) {
        long[] counts = new long[max + 1];
        for (double x : draws) {
            assertTrue(x >= 0 && x <= max && x == Math.rint(x), what + " drew " + x);
            assertTrue(mass.applyAsDouble((int) x) > 0, what + " drew " + x + ", which has mass 0");
            counts[(int) x]++;
        }
        int n = draws.length;
        double statistic = 0;
        int cells = 0;
        double expected = 0;
        long observed = 0;
        double lastExpected = 0;
        long lastObserved = 0;
        for (int k = 0; k <= max; k++) {
            expected += n * mass.applyAsDouble(k);
            observed += counts[k];
            if (expected >= MIN_EXPECTED) {
                if (cells > 0) {
                    statistic += term(lastObserved, lastExpected);
                }
                cells++;
                lastExpected = expected;
                lastObserved = observed;
                expected = 0;
                observed = 0;
            }
        }
        if (cells < 2) {
            return; // a point mass, or all but: the support check above is the whole test
        }
        statistic += term(lastObserved + observed, lastExpected + expected);
        double critical = new ChiSquaredDistribution(cells - 1).inverseCumulativeProbability(1 - SIGNIFICANCE);
        assertTrue(statistic <= critical,
                what + ": chi-square " + statistic + " on " + (cells - 1) + " degrees of freedom exceeds " + critical);
    }

    private static double term(long observed, double expected) {
        double d = observed - expected;
        return d * d / expected;
    }
}
