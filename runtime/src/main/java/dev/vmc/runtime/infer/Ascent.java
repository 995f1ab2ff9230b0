package dev.vmc.runtime.infer;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.Precision;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The optimisation proper: Adam steps, the iterate average, and the stopping rule applied
 * to the average. Each time the rule sees a plateau the step size is halved and the run
 * restarts from the averaged point, because Adam's noisy fixed point is biased by about the
 * step size; the fit has converged at the plateau after the last halving. Leaves the
 * averaged parameters in the store.
 */
final class Ascent {
    /** Plateaus at which the step size is halved before the fit counts as converged. */
    static final int STEP_REDUCTIONS = 4;

    record Outcome(long steps, boolean converged, String reason, double[] trace, long skipped, double finalRate) {}

    private final ElboGraph elbo;
    private final ParameterStore store;
    private final FitOptions options;
    private final FitListener listener;
    private final Optimisation optimisation;
    private final long evalSeed;

    Ascent(ElboGraph elbo, ParameterStore store, FitOptions options, double rate, SplittableRandom random,
            long evalSeed, FitListener listener) {
        this.elbo = elbo;
        this.store = store;
        this.options = options;
        this.listener = listener;
        this.evalSeed = evalSeed;
        Executor train = new Executor(elbo.graph, options.particles(), store, random, options.precision());
        this.optimisation = new Optimisation(elbo, train, store, new Adam(rate), options.precision(),
                options.maxBadSteps());
    }

    Outcome run() {
        ConvergenceRule rule = newRule();
        IterateAverage average = new IterateAverage(store);
        double[] trace = new double[(int) Math.min(options.maxSteps(), 1 << 16)];
        long step = 0;
        int reductions = 0;
        boolean converged = false;
        long start = System.nanoTime();
        while (step < options.maxSteps()) {
            double value = optimisation.step();
            if (Double.isFinite(value)) {
                average.add(store);
            }
            if (step == trace.length) {
                trace = Arrays.copyOf(trace, (int) Math.min(options.maxSteps(), 2L * trace.length));
            }
            trace[(int) step++] = value;
            listener.step(step, options.maxSteps(), value, step / Math.max((System.nanoTime() - start) / 1e9, 1e-9));
            if (options.tolerance() > 0 && step % options.evalEvery() == 0
                    && rule.converged(evaluate(elbo, average.current(), options.evalParticles(), evalSeed,
                            options.precision()))) {
                if (reductions == STEP_REDUCTIONS) {
                    converged = true;
                    break;
                }
                reductions++;
                store.copyFrom(average.current());
                optimisation.adam().setLearningRate(optimisation.adam().learningRate() / 2);
                average = new IterateAverage(store);
                rule = newRule();
            }
        }
        if (step > 0) {
            store.copyFrom(average.current());
            store.round(options.precision());
        }
        return new Outcome(step, converged, reason(step, converged, rule), Arrays.copyOf(trace, (int) step),
                optimisation.skipped(), optimisation.adam().learningRate());
    }

    private ConvergenceRule newRule() {
        return new ConvergenceRule(options.tolerance(), options.maxSteps(), options.evalEvery());
    }

    private String reason(long step, boolean converged, ConvergenceRule rule) {
        if (converged) {
            return "converged after " + step + " steps: " + rule.verdict() + " at step size "
                    + optimisation.adam().learningRate() + " (halved " + STEP_REDUCTIONS + " times on plateaus)";
        }
        if (options.tolerance() > 0 && options.maxSteps() > 0) {
            return "did not converge in " + step + " steps (last relative ELBO change "
                    + String.format("%.2g", rule.lastChange()) + ", tolerance " + options.tolerance()
                    + "); the estimates below may be rough: raise --steps";
        }
        return "ran the " + step + " steps asked for";
    }

    /**
     * The ELBO at the given parameters, always with the draws of the same seed: successive
     * estimates then differ only through the parameters, and the stopping rule is not fooled
     * by Monte Carlo noise.
     */
    static double evaluate(ElboGraph elbo, ParameterStore parameters, int particles, long seed, Precision precision) {
        Executor eval = new Executor(elbo.graph, particles, parameters, new SplittableRandom(seed), precision);
        eval.forward();
        return eval.value(elbo.objective).item();
    }
}
