package dev.vmc.runtime.diagnose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.Special;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of the smoothed weights, and the edge cases loo either shares or rejects. */
class ParetoSmoothingTest {
    private static final double TIGHT = 1e-12;

    /** Log ratios with a heavy tail (k about 0.5), 4000 of them. */
    private static double[] heavyTailed(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] logRatios = new double[4000];
        for (int i = 0; i < logRatios.length; i++) {
            logRatios[i] = -Math.log(random.nextDouble()) * 0.5 - 3;
        }
        return logRatios;
    }

    @Test
    void weightsAreNormalisedAndKeepTheRatiosOrder() {
        double[] logRatios = heavyTailed(1);
        ParetoSmoothed smoothed = ParetoSmoothing.smooth(logRatios);
        double[] w = smoothed.logWeights();
        assertEquals(0, Special.logSumExp(w, 0, w.length), TIGHT);
        assertEquals(1, Arrays.stream(w).map(Math::exp).sum(), TIGHT);
        assertTrue(smoothed.khat() > 0.3 && smoothed.khat() < 0.7, "k-hat " + smoothed.khat());
        assertEquals(190, smoothed.tailLength());
        Integer[] order = new Integer[w.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(logRatios[a], logRatios[b]));
        double cutoff = logRatios[order[w.length - 191]];
        int changed = 0;
        for (int r = 1; r < w.length; r++) {
            assertTrue(w[order[r - 1]] <= w[order[r]], "smoothing keeps the order");
        }
        for (int i = 0; i < w.length; i++) {
            if (logRatios[i] <= cutoff) {
                // below the tail a weight is its ratio, normalised
                assertEquals(logRatios[i] - logRatios[order[0]], w[i] - w[order[0]], TIGHT);
            } else {
                changed++;
            }
        }
        assertEquals(190, changed);
        assertTrue(smoothed.effectiveSampleSize() >= 1 && smoothed.effectiveSampleSize() <= w.length);
    }

    @Test
    void doesNotModifyItsArgument() {
        double[] logRatios = heavyTailed(2);
        double[] copy = logRatios.clone();
        ParetoSmoothing.smooth(logRatios);
        assertArrayEquals(copy, logRatios);
    }

    @Test
    void equalRatiosGiveEqualWeightsAndFullEss() {
        double[] logRatios = new double[4000];
        for (int i = 0; i < logRatios.length; i++) {
            logRatios[i] = 3.7 + (i % 7) * Math.ulp(3.7); // rounding, as when the guide is the posterior
        }
        ParetoSmoothed smoothed = ParetoSmoothing.smooth(logRatios);
        // loo says +infinity (it cannot fit a flat tail), but bounded ratios are the best case
        assertEquals(Double.NEGATIVE_INFINITY, smoothed.khat());
        assertEquals(0, smoothed.tailLength());
        for (double w : smoothed.logWeights()) {
            assertEquals(-Math.log(4000), w, TIGHT);
        }
        assertEquals(4000, smoothed.effectiveSampleSize(), 4000 * TIGHT);
    }

    @Test
    void tooFewDrawsForATailAreOnlyNormalised() {
        double[] logRatios = Arrays.copyOf(heavyTailed(3), 20);
        ParetoSmoothed smoothed = ParetoSmoothing.smooth(logRatios);
        assertEquals(Double.POSITIVE_INFINITY, smoothed.khat(), "as loo: M = 4 < 5");
        assertEquals(0, smoothed.tailLength());
        double norm = Special.logSumExp(logRatios, 0, 20);
        for (int i = 0; i < 20; i++) {
            assertEquals(logRatios[i] - norm, smoothed.logWeights()[i], TIGHT);
        }
        ParetoSmoothed one = ParetoSmoothing.smooth(new double[] {-4});
        assertEquals(0, one.logWeights()[0]);
        assertEquals(1, one.effectiveSampleSize());

        ParetoSmoothed enough = ParetoSmoothing.smooth(Arrays.copyOf(heavyTailed(3), 21));
        assertEquals(5, enough.tailLength());
        assertTrue(Double.isFinite(enough.khat()));
    }

    @Test
    void zeroRatiosGetZeroWeightAndLeaveTheRestAlone() {
        double[] logRatios = heavyTailed(4);
        double[] withZeros = logRatios.clone();
        double[] withSmall = logRatios.clone();
        for (int i = 0; i < logRatios.length; i += 10) {
            withZeros[i] = Double.NEGATIVE_INFINITY;
            withSmall[i] = -1000; // exp of which is 0 to double precision next to the rest
        }
        ParetoSmoothed zeros = ParetoSmoothing.smooth(withZeros);
        ParetoSmoothed small = ParetoSmoothing.smooth(withSmall);
        assertEquals(small.khat(), zeros.khat(), TIGHT);
        assertEquals(small.tailLength(), zeros.tailLength());
        assertEquals(small.effectiveSampleSize(), zeros.effectiveSampleSize(), TIGHT * small.effectiveSampleSize());
        for (int i = 0; i < logRatios.length; i++) {
            if (i % 10 == 0) {
                assertEquals(Double.NEGATIVE_INFINITY, zeros.logWeights()[i]);
            } else {
                assertEquals(small.logWeights()[i], zeros.logWeights()[i], TIGHT);
            }
        }
    }

    @Test
    void tooFewNonZeroRatiosForATail() {
        // 100 draws want M = 20 exceedances over a 21st largest, but only 10 ratios are positive
        double[] logRatios = new double[100];
        Arrays.fill(logRatios, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < 10; i++) {
            logRatios[7 * i] = i;
        }
        ParetoSmoothed smoothed = ParetoSmoothing.smooth(logRatios);
        assertEquals(Double.POSITIVE_INFINITY, smoothed.khat());
        assertEquals(0, smoothed.tailLength());
        double norm = Special.logSumExp(logRatios, 0, 100);
        for (int i = 0; i < 100; i++) {
            assertEquals(logRatios[i] - norm, smoothed.logWeights()[i], TIGHT);
        }
    }

    @Test
    void everyRatioZeroLeavesTheWeightsUndefined() {
        double[] logRatios = new double[50];
        Arrays.fill(logRatios, Double.NEGATIVE_INFINITY);
        ParetoSmoothed smoothed = ParetoSmoothing.smooth(logRatios);
        assertEquals(Double.POSITIVE_INFINITY, smoothed.khat());
        assertTrue(Arrays.stream(smoothed.logWeights()).allMatch(Double::isNaN));
        assertEquals(0, smoothed.effectiveSampleSize());
        assertFalse(smoothed.reliable());
    }

    @Test
    void infiniteRatiosTakeAllTheWeight() {
        double[] logRatios = heavyTailed(5);
        logRatios[17] = Double.POSITIVE_INFINITY;
        logRatios[3001] = Double.POSITIVE_INFINITY;
        ParetoSmoothed smoothed = ParetoSmoothing.smooth(logRatios);
        assertEquals(Double.POSITIVE_INFINITY, smoothed.khat());
        assertEquals(0, smoothed.tailLength());
        assertFalse(smoothed.reliable());
        for (int i = 0; i < logRatios.length; i++) {
            double expected = i == 17 || i == 3001 ? -Math.log(2) : Double.NEGATIVE_INFINITY;
            assertEquals(expected, smoothed.logWeights()[i], TIGHT);
        }
        assertEquals(2, smoothed.effectiveSampleSize(), TIGHT);
    }

    @Test
    void rejectsNanNamingItsIndexAndAnEmptyArray() {
        double[] logRatios = heavyTailed(6);
        logRatios[7] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParetoSmoothing.smooth(logRatios));
        assertTrue(e.getMessage().contains("log ratio 7 "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParetoSmoothing.smooth(new double[0]));
    }

    @Test
    void thresholdDependsOnTheNumberOfDraws() {
        assertEquals(0.7, ParetoSmoothing.threshold(4000));
        assertEquals(1 - 1 / 3.0, ParetoSmoothing.threshold(1000), TIGHT);
        assertEquals(0.5, ParetoSmoothing.threshold(100), TIGHT);
        assertEquals(0, ParetoSmoothing.threshold(10), TIGHT);
        assertEquals(Double.NEGATIVE_INFINITY, ParetoSmoothing.threshold(1));
        assertThrows(IllegalArgumentException.class, () -> ParetoSmoothing.threshold(0));
    }

    @Test
    void reliableComparesKhatWithTheThreshold() {
        assertTrue(new ParetoSmoothed(0.7, 190, new double[4000], 1).reliable(), "k-hat at the threshold");
        assertFalse(new ParetoSmoothed(0.70001, 190, new double[4000], 1).reliable());
        assertFalse(new ParetoSmoothed(0.6, 20, new double[100], 1).reliable(), "0.5 for 100 draws");
    }

    @Test
    void tailLengthFollowsLoo() {
        assertEquals(4, ParetoSmoothing.tailLength(20));
        assertEquals(5, ParetoSmoothing.tailLength(21));
        assertEquals(20, ParetoSmoothing.tailLength(100));
        assertEquals(45, ParetoSmoothing.tailLength(225));
        assertEquals(190, ParetoSmoothing.tailLength(4000));
    }
}
