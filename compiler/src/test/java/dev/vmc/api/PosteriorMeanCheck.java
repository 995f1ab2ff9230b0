package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.runtime.infer.FitResult;
import dev.vmc.runtime.output.Summary;

/**
 * A fitted column's posterior mean against the truth, twice. The draws' own mean carries the
 * Gaussian guide's small bias and Monte Carlo error sd / sqrt(n), n the draws' effective number:
 * the draws, or the importance weights' effective sample size where the draws were resampled by
 * them; it must be within 4 se. The draws weighted by p / q (their own log p and log q) remove
 * the bias if log p, Jacobian included, is right, with se = sd / sqrt(ESS of the weights); that
 * mean must be within 4 of those. Four se makes a false failure about a 1-in-16,000 event per
 * column.
 */
final class PosteriorMeanCheck {
    private PosteriorMeanCheck() {}

    static Summary.Row row(FitResult fit, String name) {
        return fit.summary().rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no column " + name + " in " + fit.draws().columns()));
    }

    static void assertMean(FitResult fit, String column, double truth) {
        double[][] values = fit.draws().values();
        double[] weights = normalisedWeights(fit.draws().logP(), fit.draws().logQ());
        double squares = 0;
        for (double w : weights) {
            squares += w * w;
        }
        double weightsEss = 1 / squares;
        double drawsEss = fit.psis().resampled() ? Math.min(values.length, fit.psis().effectiveSampleSize()) : values.length;
        Summary.Row row = row(fit, column);
        assertEquals(truth, row.mean(), 4 * row.sd() / Math.sqrt(drawsEss), column + "; " + fit.psis().meaning());
        int k = fit.draws().columns().indexOf(column);
        double weighted = 0;
        for (int i = 0; i < values.length; i++) {
            weighted += weights[i] * values[i][k];
        }
        assertEquals(truth, weighted, 4 * row.sd() / Math.sqrt(weightsEss), column + " weighted by p / q");
    }

    private static double[] normalisedWeights(double[] logP, double[] logQ) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logP.length; i++) {
            max = Math.max(max, logP[i] - logQ[i]);
        }
        double[] w = new double[logP.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(logP[i] - logQ[i] - max);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }
}
