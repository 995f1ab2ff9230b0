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
        store.round(options.precision());
        SplittableRandom random = new SplittableRandom(options.seed());
        SplittableRandom searchRandom = random.split();
        SplittableRandom trainRandom = random.split();
        long evalSeed = random.split().nextLong();
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

        Ascent.Outcome outcome = new Ascent(elbo, store, options, rate, trainRandom, evalSeed, listener).run();
        double finalElbo = Ascent.evaluate(elbo, store, 10 * options.evalParticles(), evalSeed, options.precision());
        listener.message(outcome.reason());
        if (outcome.skipped() > 0) {
            listener.message(outcome.skipped() + " steps were skipped because the ELBO or its gradient was not finite");
        }

        PosteriorDraws draws = PosteriorDraws.sample(elbo, store, options.draws(), drawRandom, options.precision());
        Map<String, Tensor> fitted = new LinkedHashMap<>();
        store.asMap().forEach((k, v) -> fitted.put(k, v.copy()));
        return new FitResult(guide.name(), elbo.sites, rate, outcome.steps() > 0 ? outcome.finalRate() : rate,
                outcome.steps(), outcome.converged(), outcome.reason(), outcome.skipped(),
                (System.nanoTime() - started) / 1e9, outcome.trace(), finalElbo, fitted,
                pointEstimates(elbo, store, options), draws);
    }

    /** The learnable parameters on their own scale: they do not depend on the draws. */
    private static Map<String, Tensor> pointEstimates(ElboGraph elbo, ParameterStore store, FitOptions options) {
        Map<String, Tensor> estimates = new LinkedHashMap<>();
        Executor once = new Executor(elbo.graph, 1, store, new SplittableRandom(0), options.precision());
        once.forward();
        elbo.pointEstimates.forEach((name, node) -> estimates.put(name, once.value(node).copy()));
        return estimates;
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
