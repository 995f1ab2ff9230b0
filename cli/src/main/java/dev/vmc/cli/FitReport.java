package dev.vmc.cli;

import dev.vmc.runtime.infer.FitResult;

/** The lines after a fit, before the summary table, that say how it went and how far to trust it; summary.txt starts with them too. */
final class FitReport {
    private FitReport() {}

    static String format(FitResult result) {
        String rates = result.steps() == 0 ? "no steps taken"
                : result.learningRate() == result.finalLearningRate() ? String.format("step size %.3g", result.learningRate())
                : String.format("step size %.3g -> %.3g", result.learningRate(), result.finalLearningRate());
        StringBuilder text = new StringBuilder();
        text.append(String.format("ELBO %.4f (Monte Carlo se %.2g, %d draws) after %d steps (%s) in %.2f s; %d gradient and %d density evaluations%n",
                result.finalElbo().mean(), result.finalElbo().standardError(), result.psis().draws(), result.steps(), rates,
                result.seconds(), result.gradientEvaluations(), result.densityEvaluations()));
        FitResult.Psis psis = result.psis();
        text.append(String.format("Pareto k-hat %s (effective sample size %.0f of %d): %s%n",
                dev.vmc.runtime.output.Significant.fixed(psis.khat(), 2),
                psis.effectiveSampleSize(), psis.draws(), psis.meaning()));
        text.append(psis.resampled() ? "draws: resampled by their Pareto-smoothed importance weights (--psis-resample)\n"
                : "draws: the guide's own (--psis-resample)\n");
        if (!result.status().trusted()) {
            text.append("NOT CONVERGED: ").append(result.stopReason()).append('\n');
        }
        return text.toString();
    }
}
