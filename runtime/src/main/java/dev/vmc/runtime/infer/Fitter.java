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
        Executor eval = new Executor(elbo.graph, options.evalParticles(), store, evalRandom);
        Optimisation optimisation = new Optimisation(elbo, train, store, new Adam(rate), options.maxBadSteps());
        ConvergenceRule rule = new ConvergenceRule(options.tolerance(), options.maxSteps(), options.evalEvery());
        long[] traceSteps = new long[(int) Math.min(options.maxSteps(), Integer.MAX_VALUE - 8)];
        double[] traceElbo = new double[traceSteps.length];
        long step = 0;
        boolean converged = false;
        long loopStart = System.nanoTime();
        while (step < options.maxSteps()) {
            double value = optimisation.step();
            traceSteps[(int) step] = step + 1;
            traceElbo[(int) step] = value;
            step++;
            double seconds = (System.nanoTime() - loopStart) / 1e9;
            listener.step(step, options.maxSteps(), value, step / Math.max(seconds, 1e-9));
            if (options.tolerance() > 0 && step % options.evalEvery() == 0) {
                eval.forward();
                if (rule.converged(eval.value(elbo.objective).item())) {
                    converged = true;
                    break;
                }
            }
        }
        eval.forward();
        double finalElbo = eval.value(elbo.objective).item();
        String reason = converged
                ? "converged after " + step + " steps: " + rule.verdict()
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
        return new FitResult(guide.name(), elbo.sites, rate, step, converged, reason, optimisation.skipped(),
                (System.nanoTime() - started) / 1e9, Arrays.copyOf(traceSteps, (int) step),
                Arrays.copyOf(traceElbo, (int) step), finalElbo, fitted, draws);
    }

    private static void applyInitial(ParameterStore store, Map<String, Tensor> initial) {
        for (Map.Entry<String, Tensor> e : initial.entrySet()) {
            Tensor target;
            try {
                target = store.get(e.getKey());
            } catch (IllegalArgumentException missing) {
                throw new IllegalArgumentException("initial values name '" + e.getKey()
                        + "', which this model and guide do not have; they have " + store.asMap().keySet());
            }
            if (!Arrays.equals(target.shape, e.getValue().shape)) {
                throw new IllegalArgumentException("initial value for '" + e.getKey() + "' has shape "
                        + dev.vmc.runtime.tensor.Shapes.format(e.getValue().shape) + ", expected "
                        + dev.vmc.runtime.tensor.Shapes.format(target.shape));
            }
            target.copyFrom(e.getValue());
        }
    }
}
