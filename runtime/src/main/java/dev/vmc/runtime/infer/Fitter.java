package dev.vmc.runtime.infer;

import dev.vmc.runtime.diagnose.Estimate;
import dev.vmc.runtime.diagnose.ParetoSmoothed;
import dev.vmc.runtime.diagnose.ParetoSmoothing;
import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.guide.Guide;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.output.Summary;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Black-box variational inference: settle the guide and its start ({@link Start}), build the
 * ELBO graph, refine by stochastic ascent ({@link Ascent}), then draw from the guide and judge
 * the draws by Pareto smoothed importance sampling. Each fit has its own graph, parameters and
 * random streams, so fits may run in parallel.
 */
public final class Fitter {
    private Fitter() {}

    public static FitResult fit(Model model, Guide guide, FitOptions options, FitListener listener) {
        return fit(model, GuideChoice.of(guide), options, listener);
    }

    public static FitResult fit(Model model, GuideChoice choice, FitOptions options, FitListener listener) {
        return fit(model, choice, options, listener, null);
    }

    /**
     * @param sink where the reported draws go, one at a time, as they are made; null to keep
     *             them in the result ({@link FitResult#draws()})
     */
    public static FitResult fit(Model model, GuideChoice choice, FitOptions asked, FitListener listener, DrawsSink sink) {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(asked.seed());
        long startSeed = random.split().nextLong();
        SplittableRandom searchRandom = random.split();
        SplittableRandom trainRandom = random.split();
        long checkSeed = random.split().nextLong();
        SplittableRandom drawRandom = random.split();

        Planner.Plan plan = Planner.plan(model, asked.estimators(), choice instanceof GuideChoice.Written);
        FitOptions options = asked.withParticles(asked.particlesFor(plan.hasScored()));
        if (plan.hasScored() && asked.particles() == FitOptions.AUTO_PARTICLES) {
            listener.message("particles: " + options.particles() + ", the score function's default (--particles to change)");
        }
        Model fitted = plan.model();
        Start start = Start.resolve(plan, choice, options, startSeed, listener);
        ElboGraph elbo = ElboGraph.build(fitted, start.guide(), plan, options.estimators(), options.particles());
        listener.plan(start.guide().name(), elbo.sites);
        ParameterStore store = ParameterStore.initial(elbo.graph);
        applyInitial(store, start.initial());
        store.round(options.precision());
        long gradients = start.gradientEvaluations();
        long densities = start.densityEvaluations();

        long steps = start.refine() ? options.maxSteps() : 0;
        double rate = start.learningRate() != null ? start.learningRate() : Double.NaN;
        if (steps > 0 && start.learningRate() == null) {
            StepSizeSearch.Outcome search = StepSizeSearch.run(elbo, store, options, searchRandom.nextLong());
            listener.message(search.report());
            rate = search.learningRate();
            store.copyFrom(search.store());
            gradients += (long) StepSizeSearch.CANDIDATES.length * options.adaptSteps() * options.particles();
            densities += (long) StepSizeSearch.CANDIDATES.length * options.evalParticles();
        }
        Ascent.Outcome outcome = new Ascent(elbo, store, options.withMaxSteps(steps), rate, trainRandom, checkSeed, listener).run();
        gradients += outcome.steps() * options.particles();
        densities += outcome.checkEvaluations();

        int diagnostic = Math.max(options.draws(), options.diagnosticDraws());
        long drawSeed = drawRandom.nextLong();
        double[][] weights = PosteriorDraws.weights(elbo, store, diagnostic, drawSeed, options.precision());
        densities += diagnostic;
        double[] logRatios = new double[diagnostic];
        for (int i = 0; i < diagnostic; i++) {
            double ratio = weights[0][i] - weights[1][i];
            logRatios[i] = Double.isNaN(ratio) ? Double.NEGATIVE_INFINITY : ratio; // where the density is undefined
        }
        Estimate finalElbo = Estimate.of(logRatios);
        boolean fullRank = start.guide().name().equals(GaussianGuide.Family.FULLRANK.label);
        FitResult.Psis psis = new FitResult.Psis(Double.NaN, Double.NaN, Double.NaN, 0, false, fullRank);
        int[] counts = new int[diagnostic]; // how often each draw is reported
        java.util.Arrays.fill(counts, 0, options.draws(), 1);
        if (diagnostic > 0) {
            ParetoSmoothed smoothed = ParetoSmoothing.smooth(logRatios);
            double threshold = ParetoSmoothing.threshold(diagnostic);
            boolean resample = options.resampling().applies(smoothed.khat(), threshold);
            psis = new FitResult.Psis(smoothed.khat(), threshold, smoothed.effectiveSampleSize(), diagnostic, resample,
                    fullRank);
            if (resample) {
                java.util.Arrays.fill(counts, 0);
                for (int i : ParetoSmoothing.resample(smoothed.logWeights(), options.draws(), drawRandom.split())) {
                    counts[i]++;
                }
            }
        }
        PosteriorDraws.Collector kept = sink == null ? new PosteriorDraws.Collector() : null;
        Summary summary = PosteriorDraws.report(elbo, store, drawSeed, options.precision(), counts, sink != null ? sink : kept);

        FitStatus status = start.refine() ? outcome.status() : FitStatus.PATHFINDER;
        String reason = start.refine() ? outcome.reason() : "Pathfinder's Gaussian, as asked (--algorithm pathfinder)";
        if (status == FitStatus.CONVERGED && outcome.best() != null && inconsistent(finalElbo, outcome.best())) {
            status = FitStatus.UNSTABLE;
            reason = String.format("%s, but the final ELBO %.4g (se %.2g, from %d fresh draws) is below the best check's %.4g"
                    + " (se %.2g) by more than their Monte Carlo error: the optimum is not stable; try a smaller --lr",
                    outcome.reason(), finalElbo.mean(), finalElbo.standardError(), diagnostic, outcome.best().mean(),
                    outcome.best().standardError());
        }
        listener.message(reason);
        if (outcome.skipped() > 0) {
            listener.message(outcome.skipped() + " steps were skipped because the ELBO or its gradient was not finite");
        }
        String blasNote = dev.vmc.runtime.tensor.Blas.takeNote(); // a product that wanted a native BLAS and had none
        if (blasNote != null) {
            listener.message(blasNote);
        }
        Map<String, Tensor> fittedValues = new LinkedHashMap<>();
        store.asMap().forEach((k, v) -> fittedValues.put(k, v.copy()));
        Map<String, Tensor> original = new LinkedHashMap<>();
        start.guide().originalParameters(fittedValues, fitted.latents()).forEach((k, v) -> {
            Tensor t = v.copy();
            options.precision().round(t.data);
            original.put(k, t);
        });
        return new FitResult(start.guide().name(), options.algorithm().label, elbo.sites, rate,
                outcome.steps() > 0 ? outcome.finalRate() : rate, outcome.steps(), status, reason, outcome.skipped(),
                (System.nanoTime() - started) / 1e9, outcome.trace(), finalElbo, psis, gradients, densities,
                original, pointEstimates(elbo, store, options), kept != null ? kept.draws() : null, summary);
    }

    /**
     * An independent final estimate more than three combined standard errors below the best
     * check, and by more than rounding: an exact guide's estimates have standard errors of 1e-16,
     * below the rounding of their sums.
     */
    private static boolean inconsistent(Estimate last, Estimate best) {
        double error = Math.hypot(last.standardError(), best.standardError());
        double rounding = 1e-9 * Math.max(1, Math.abs(best.mean()));
        return Double.isFinite(error) && last.mean() < best.mean() - 3 * error - rounding;
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
