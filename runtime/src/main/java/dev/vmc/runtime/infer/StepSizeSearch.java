package dev.vmc.runtime.infer;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.ParameterStore;
import java.util.SplittableRandom;

/**
 * Picks Adam's step size the way Stan's ADVI adapts eta: run a short fit from the same start
 * with each candidate, score each with the same draws, keep the best. Candidates whose run
 * broke down score minus infinity.
 */
final class StepSizeSearch {
    static final double[] CANDIDATES = {1.0, 0.3, 0.1, 0.03, 0.01};

    record Outcome(double learningRate, ParameterStore store, String report) {}

    static Outcome run(ElboGraph elbo, ParameterStore start, FitOptions options, long seed) {
        double bestRate = Double.NaN;
        String firstFailure = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        ParameterStore best = null;
        StringBuilder report = new StringBuilder("step size search (" + options.adaptSteps() + " steps each):");
        for (double rate : CANDIDATES) {
            ParameterStore trial = start.copy();
            double score;
            try {
                score = trial(elbo, trial, options, rate, seed);
            } catch (FitException e) {
                score = Double.NEGATIVE_INFINITY;
                firstFailure = firstFailure == null ? e.getMessage() : firstFailure;
            }
            report.append(String.format(" %s -> %s;", rate, Double.isFinite(score) ? String.format("%.4g", score) : "failed"));
            if (score > bestScore) {
                bestScore = score;
                bestRate = rate;
                best = trial;
            }
        }
        if (best == null) {
            throw new FitException("every step size from " + CANDIDATES[0] + " down to " + CANDIDATES[CANDIDATES.length - 1]
                    + " failed in the first " + options.adaptSteps() + " steps"
                    + (firstFailure == null ? "" : ": " + firstFailure));
        }
        report.append(" chose ").append(bestRate);
        return new Outcome(bestRate, best, report.toString());
    }

    /**
     * Same seed for every candidate: differences in score come from the step size, not the
     * draws. Throws a FitException if every step of the trial was non-finite.
     */
    private static double trial(ElboGraph elbo, ParameterStore store, FitOptions options, double rate, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Executor train = new Executor(elbo.graph, options.particles(), store, random.split(), options.precision())
                .computeOnly(elbo.objective);
        Optimisation opt = new Optimisation(elbo, train, store, new Adam(rate), options.precision(), options.adaptSteps());
        for (int i = 0; i < options.adaptSteps(); i++) {
            opt.step();
        }
        Executor eval = new Executor(elbo.graph, options.evalParticles(), store, random.split(), options.precision())
                .computeOnly(elbo.objective);
        eval.forward();
        double score = eval.value(elbo.objective).item();
        return Double.isFinite(score) ? score : Double.NEGATIVE_INFINITY;
    }
}
