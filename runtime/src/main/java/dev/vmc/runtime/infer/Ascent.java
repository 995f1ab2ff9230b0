package dev.vmc.runtime.infer;

import dev.vmc.runtime.diagnose.Estimate;
import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.ParameterStore;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The stochastic ascent: Adam steps, the running average of the iterates, and a check every
 * {@code evalEvery} steps of the average's ELBO on fixed draws ({@link ElboCheck}). The best
 * checked point is kept. A check that falls far below it is a divergence: the fit goes back to
 * the best point with half the step size and fresh Adam moments. {@link #PATIENCE} checks in a
 * row that each moved the average's ELBO by less than the tolerance are a plateau: the step
 * size is halved (Adam's noisy fixed point is biased by about the step size) and averaging
 * starts afresh; the plateau after the last halving is convergence, and the average is the
 * answer. Otherwise (out of steps, or diverged) the best point is.
 */
final class Ascent {
    /** Checks in a row without a gain above the tolerance that make a plateau. */
    static final int PATIENCE = 3;
    /**
     * Plateaus at which the step size is halved before the fit counts as converged. One: over
     * ten seeds of nine posteriordb posteriors a second halving cost a quarter more gradients
     * and gained no accuracy.
     */
    static final int STEP_REDUCTIONS = 1;
    /** Divergences after which the fit gives up and keeps its best point. */
    static final int MAX_DIVERGENCES = 10;
    /** A check this many standard errors (and at least one nat) below the best is a divergence. */
    static final double DIVERGENCE_ERRORS = 5;

    record Outcome(long steps, FitStatus status, String reason, double[] trace, long skipped, double finalRate,
            Estimate best, long checkEvaluations) {}

    private final ElboGraph elbo;
    private final ParameterStore store;
    private final FitOptions options;
    private final FitListener listener;
    private final Optimisation optimisation;
    private final ElboCheck check;

    Ascent(ElboGraph elbo, ParameterStore store, FitOptions options, double rate, SplittableRandom random,
            long checkSeed, FitListener listener) {
        this.elbo = elbo;
        this.store = store;
        this.options = options;
        this.listener = listener;
        Executor train = new Executor(elbo.graph, options.particles(), store, random, options.precision())
                .computeOnly(elbo.objective);
        this.optimisation = new Optimisation(elbo, train, store, new Adam(rate), options.precision(),
                options.maxBadSteps());
        this.check = new ElboCheck(elbo, store, options.evalParticles(), checkSeed, options.precision());
    }

    /** The most steps one trace array holds. */
    private static final long MAX_TRACE = Integer.MAX_VALUE - 8;

    Outcome run() {
        boolean checking = options.tolerance() > 0;
        ParameterStore best = store.copy();
        Estimate bestValue = checking ? check.at(store) : null;
        IterateAverage average = new IterateAverage(store);
        double[] trace = new double[(int) Math.min(options.maxSteps(), 1 << 16)];
        long step = 0;
        int stale = 0;
        int reductions = 0;
        int divergences = 0;
        double lastChange = Double.NaN;
        double previous = bestValue == null ? Double.NaN : bestValue.mean();
        FitStatus status = checking && options.maxSteps() > 0 ? FitStatus.NOT_CONVERGED : FitStatus.STEPS_DONE;
        long start = System.nanoTime();
        // the trace is one array: a fit longer than it can hold (days of steps) stops there
        long maxSteps = Math.min(options.maxSteps(), MAX_TRACE);
        while (step < maxSteps) {
            double value = optimisation.step();
            if (Double.isFinite(value)) {
                average.add(store);
            }
            if (step == trace.length) {
                trace = Arrays.copyOf(trace, (int) Math.min(maxSteps, 2L * trace.length));
            }
            trace[(int) step++] = value;
            listener.step(step, options.maxSteps(), value, step / Math.max((System.nanoTime() - start) / 1e9, 1e-9));
            if (!checking || step % options.evalEvery() != 0) {
                continue;
            }
            Estimate now = check.at(average.current());
            if (diverged(now, bestValue)) {
                if (++divergences > MAX_DIVERGENCES) {
                    status = FitStatus.DIVERGED;
                    break;
                }
                optimisation.restart(optimisation.adam().learningRate() / 2);
                listener.message(String.format("step %d: the ELBO fell to %s from a best of %.4g; back to the best point, step size halved to %.3g",
                        step, Double.isFinite(now.mean()) ? String.format("%.4g", now.mean()) : "a non-finite value",
                        bestValue.mean(), optimisation.adam().learningRate()));
                optimisation.jumpTo(best);
                average = new IterateAverage(store);
                previous = bestValue.mean();
                stale = 0;
                continue;
            }
            if (now.mean() > bestValue.mean()) {
                best.copyFrom(average.current());
                bestValue = now;
            }
            lastChange = now.mean() - previous;
            previous = now.mean();
            if (Math.abs(lastChange) > options.tolerance()) {
                stale = 0;
            } else if (++stale == PATIENCE) {
                if (reductions == STEP_REDUCTIONS) {
                    status = FitStatus.CONVERGED;
                    break;
                }
                reductions++;
                optimisation.adam().setLearningRate(optimisation.adam().learningRate() / 2);
                listener.message(String.format("step %d: plateau (ELBO %.4g); step size halved to %.3g", step, now.mean(),
                        optimisation.adam().learningRate()));
                // from the average, not the best check: the best is partly chosen for the check's own draws
                optimisation.jumpTo(average.current());
                average = new IterateAverage(store);
                stale = 0;
            }
        }
        // at convergence the average is as good as the best check, without being chosen for the
        // check's own draws; after a divergence or running out of steps, the best point is safer
        store.copyFrom(checking && status != FitStatus.CONVERGED ? best : average.current());
        store.round(options.precision());
        String reason = reason(status, step, reductions, divergences, lastChange);
        return new Outcome(step, status, reason, Arrays.copyOf(trace, (int) step), optimisation.skipped(),
                optimisation.adam().learningRate(), bestValue, check.evaluations());
    }

    /** Far below the best seen: more than five standard errors of either check, and more than one nat. */
    private static boolean diverged(Estimate now, Estimate best) {
        if (!Double.isFinite(now.mean())) {
            return true;
        }
        double error = Math.max(now.standardError(), best.standardError());
        double margin = Math.max(DIVERGENCE_ERRORS * (Double.isFinite(error) ? error : 0), 1);
        return now.mean() < best.mean() - margin;
    }

    private String reason(FitStatus status, long step, int reductions, int divergences, double lastChange) {
        String recovered = divergences == 0 ? "" : "; recovered from " + divergences + " divergence" + (divergences == 1 ? "" : "s");
        return switch (status) {
            case CONVERGED -> String.format("converged after %d steps: %d checks in a row moved the ELBO by under %s nats, at step size %.3g (halved %s on a plateau)%s",
                    step, PATIENCE, options.tolerance(), optimisation.adam().learningRate(),
                    reductions == 1 ? "once" : reductions + " times", recovered);
            case NOT_CONVERGED -> Double.isNaN(lastChange)
                    ? String.format("did not converge in %d steps: no check was made after the start (one comes every %d"
                    + " steps), so vmc reports the start; raise --steps", step, options.evalEvery())
                    : String.format("did not converge in %d steps: the last check moved the ELBO by %.3g nats (tolerance %s)%s; the estimates may be rough: raise --steps",
                    step, lastChange, options.tolerance(), recovered);
            case DIVERGED -> "diverged " + divergences + " times, each time back at the best point with half the step size;"
                    + " vmc stopped at step " + step + " and reports the best point, which may be far from the optimum";
            default -> "ran the " + step + " steps asked for";
        };
    }
}
