package dev.vmc.runtime.diagnose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResampleTest {
    @Test
    void frequenciesFollowTheWeightsWithinBinomialError() {
        // unnormalised and far from 0, with a zero weight first, in the middle and last
        double offset = -700;
        double[] probabilities = {0, 0.05, 0.15, 0, 0.3, 0.5, 0};
        double[] logWeights = Arrays.stream(probabilities).map(p -> offset + Math.log(p)).toArray();
        int count = 200_000;
        int[] chosen = ParetoSmoothing.resample(logWeights, count, new SplittableRandom(5));
        assertEquals(count, chosen.length);
        int[] frequency = new int[probabilities.length];
        for (int i : chosen) {
            frequency[i]++;
        }
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            // each count is binomial(count, p); 4 standard errors
            double se = Math.sqrt(count * p * (1 - p));
            assertEquals(count * p, frequency[i], 4 * se, "draw " + i);
        }
    }

    @Test
    void resamplesSmoothedWeightsInProportion() {
        SplittableRandom random = new SplittableRandom(6);
        double[] logRatios = new double[1000];
        for (int i = 0; i < logRatios.length; i++) {
            logRatios[i] = 0.5 * random.nextGaussian() * random.nextGaussian();
        }
        double[] logWeights = ParetoSmoothing.smooth(logRatios).logWeights();
        int count = 100_000;
        int[] frequency = new int[logRatios.length];
        for (int i : ParetoSmoothing.resample(logWeights, count, random)) {
            frequency[i]++;
        }
        // a chi-squared statistic on 999 degrees of freedom: mean 999, sd sqrt(2 * 999) = 45
        double chiSquared = 0;
        for (int i = 0; i < logRatios.length; i++) {
            double expected = count * Math.exp(logWeights[i]);
            chiSquared += (frequency[i] - expected) * (frequency[i] - expected) / expected;
        }
        assertEquals(999, chiSquared, 4 * Math.sqrt(2 * 999));
    }

    @Test
    void sameSeedSameDraws() {
        double[] logWeights = {Math.log(0.2), Math.log(0.3), Math.log(0.5)};
        int[] first = ParetoSmoothing.resample(logWeights, 1000, new SplittableRandom(7));
        int[] again = ParetoSmoothing.resample(logWeights, 1000, new SplittableRandom(7));
        int[] other = ParetoSmoothing.resample(logWeights, 1000, new SplittableRandom(8));
        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, other));
    }

    @Test
    void oneDrawOfWeightTakesEverything() {
        double[] logWeights = {Double.NEGATIVE_INFINITY, 0, Double.NEGATIVE_INFINITY};
        int[] chosen = ParetoSmoothing.resample(logWeights, 50, new SplittableRandom(9));
        assertTrue(Arrays.stream(chosen).allMatch(i -> i == 1));
        assertEquals(0, ParetoSmoothing.resample(logWeights, 0, new SplittableRandom(9)).length);
    }

    @Test
    void rejectsWeightsThatCannotBeDrawnFrom() {
        SplittableRandom random = new SplittableRandom(10);
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> ParetoSmoothing.resample(new double[] {0, Double.NaN}, 5, random));
        assertTrue(nan.getMessage().contains("log weight 1"), nan.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ParetoSmoothing.resample(new double[] {0, Double.POSITIVE_INFINITY}, 5, random));
        assertThrows(IllegalArgumentException.class,
                () -> ParetoSmoothing.resample(new double[] {Double.NEGATIVE_INFINITY}, 5, random));
        assertThrows(IllegalArgumentException.class, () -> ParetoSmoothing.resample(new double[0], 5, random));
        assertThrows(IllegalArgumentException.class, () -> ParetoSmoothing.resample(new double[] {0}, -1, random));
    }
}
