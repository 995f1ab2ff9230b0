package dev.vmc.runtime.infer;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.guide.Guide;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Black-box variational inference: build the ELBO graph, pick a step size, ascend with Adam
 * until Stan's convergence rule or the step budget stops it, then draw from the guide.
 * Each fit has its own graph, parameters and random streams, so fits may run in parallel.
 */
public final class Fitter {
    /** Plateaus at which the step size is halved before the fit counts as converged. */
    static final int STEP_REDUCTIONS = 4;

    private Fitter() {}

    public static FitResult fit(Model model, Guide guide, FitOptions options, FitListener listener) {
        long started = System.nanoTime();
        ElboGraph elbo = ElboGraph.build(model, guide);
        listener.plan(guide.name(), elbo.sites);

        ParameterStore store = ParameterStore.initial(elbo.graph);
        applyInitial(store, options.initial());
        SplittableRandom random = new SplittableRandom(options.seed());
        SplittableRandom searchRandom = random.split();
        SplittableRandom trainRandom = random.split();
        SplittableRandom evalRandom = random.split();
        SplittableRandom drawRandom = random.split();

        double rate;
        if (options.learningRate() != null) {
            rate = options.learningRate();
        } else if (options.maxSteps() == 0) {
            rate = Double.NaN;
        } else {
            StepSizeSearch.Outcome search = StepSizeSearch.run(elbo, store, options, searchRandom.nextLong());
            listener.message(search.report());
            rate = search.learningRate();
            store.copyFrom(search.store());
        }

        Executor train = new Executor(elbo.graph, options.particles(), store, trainRandom);
        Optimisation optimisation = new Optimisation(elbo, train, store, new Adam(rate), options.maxBadSteps());
        ConvergenceRule rule = new ConvergenceRule(options.tolerance(), options.maxSteps(), options.evalEvery());
        IterateAverage average = new IterateAverage(store);
        // Every evaluation uses the same draws, so that successive estimates differ only
        // through the parameters and the stopping rule is not fooled by Monte Carlo noise.
        long evalSeed = evalRandom.nextLong();
        long[] traceSteps = new long[(int) Math.min(options.maxSteps(), Integer.MAX_VALUE - 8)];
        double[] traceElbo = new double[traceSteps.length];
        long step = 0;
        int reductions = 0;
        boolean converged = false;
        long loopStart = System.nanoTime();
        while (step < options.maxSteps()) {
            double value = optimisation.step();
            if (Double.isFinite(value)) {
                average.add(store);
            }
            traceSteps[(int) step] = step + 1;
            traceElbo[(int) step] = value;
            step++;
            double seconds = (System.nanoTime() - loopStart) / 1e9;
            listener.step(step, options.maxSteps(), value, step / Math.max(seconds, 1e-9));
            if (options.tolerance() > 0 && step % options.evalEvery() == 0
                    && rule.converged(evaluate(elbo, average.current(), options, evalSeed))) {
                if (reductions == STEP_REDUCTIONS) {
                    converged = true;
                    break;
                }
                // A plateau at this step size: restart from the averaged point with a smaller
                // step, because Adam's noisy fixed point is biased by about the step size.
                reductions++;
                store.copyFrom(average.current());
                optimisation.adam().setLearningRate(optimisation.adam().learningRate() / 2);
                average = new IterateAverage(store);
                rule = new ConvergenceRule(options.tolerance(), options.maxSteps(), options.evalEvery());
            }
        }
        if (step > 0) {
            store.copyFrom(average.current());
        }
        double finalElbo = evaluate(elbo, store, options.withEvalParticles(10 * options.evalParticles()), evalSeed);
        String reason = converged
                ? "converged after " + step + " steps: " + rule.verdict() + " at step size "
                        + optimisation.adam().learningRate() + " (halved " + STEP_REDUCTIONS + " times on plateaus)"
                : options.tolerance() > 0 && options.maxSteps() > 0
                        ? "did not converge in " + step + " steps (last relative ELBO change "
                                + String.format("%.2g", rule.lastChange()) + ", tolerance " + options.tolerance()
                                + "); the estimates below may be rough: raise --steps"
                        : "ran the " + step + " steps asked for";
        listener.message(reason);
        if (optimisation.skipped() > 0) {
            listener.message(optimisation.skipped() + " steps were skipped because the ELBO or its gradient was not finite");
        }

        PosteriorDraws draws = PosteriorDraws.sample(elbo, store, options.draws(), drawRandom);
        Map<String, Tensor> fitted = new LinkedHashMap<>();
        store.asMap().forEach((k, v) -> fitted.put(k, v.copy()));
        double finalRate = step > 0 ? optimisation.adam().learningRate() : rate;
        Map<String, Tensor> pointEstimates = new LinkedHashMap<>();
        Executor once = new Executor(elbo.graph, 1, store, new SplittableRandom(0));
        once.forward();
        elbo.pointEstimates.forEach((name, node) -> pointEstimates.put(name, once.value(node).copy()));
        return new FitResult(guide.name(), elbo.sites, rate, finalRate, step, converged, reason, optimisation.skipped(),
                (System.nanoTime() - started) / 1e9, Arrays.copyOf(traceSteps, (int) step),
                Arrays.copyOf(traceElbo, (int) step), finalElbo, fitted, pointEstimates, draws);
    }

    private static double evaluate(ElboGraph elbo, ParameterStore parameters, FitOptions options, long seed) {
        Executor eval = new Executor(elbo.graph, options.evalParticles(), parameters, new SplittableRandom(seed));
        eval.forward();
        return eval.value(elbo.objective).item();
    }

    private static void applyInitial(ParameterStore store, Map<String, Tensor> initial) {
        for (Map.Entry<String, Tensor> e : initial.entrySet()) {
            Tensor target;
            try {
                target = store.get(e.getKey());
            } catch (IllegalArgumentException missing) {
                throw new InitialValuesException("initial values name '" + e.getKey()
                        + "', which this model and guide do not have; they have " + store.asMap().keySet()
                        + " (was the file written with another --guide?)");
            }
            if (!Arrays.equals(target.shape, e.getValue().shape)) {
                throw new InitialValuesException("initial value for '" + e.getKey() + "' has shape "
                        + dev.vmc.runtime.tensor.Shapes.format(e.getValue().shape) + ", expected "
                        + dev.vmc.runtime.tensor.Shapes.format(target.shape));
            }
            target.copyFrom(e.getValue());
        }
    }
}
