package dev.vmc.bench;

import dev.vmc.api.BoundModel;
import dev.vmc.api.Vmc;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.data.Json;
import dev.vmc.runtime.data.JsonTree;
import dev.vmc.runtime.guide.Estimator;
import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.guide.Guide;
import dev.vmc.runtime.guide.JointGuide;
import dev.vmc.runtime.guide.PartlyWrittenGuide;
import dev.vmc.runtime.infer.Algorithm;
import dev.vmc.runtime.infer.EstimatorChoice;
import dev.vmc.runtime.infer.EstimatorChoice.Baseline;
import dev.vmc.runtime.infer.FitListener;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;
import dev.vmc.runtime.infer.Fitter;
import dev.vmc.runtime.infer.GradientVariance;
import dev.vmc.runtime.infer.GuideChoice;
import dev.vmc.runtime.infer.Planner;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.output.Summary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The estimator table for the mixture example (K = 3, N = 500): per estimator, the variance of
 * the score-function gradient in z's guide parameters (summed over them, at the standard
 * initialisation, 400 gradients), microseconds per step, the steps and seconds a default fit
 * takes until its ELBO (averaged over the last 50 steps) is within 1 nat of the enumerated fit's,
 * and its steps, seconds and final ELBO. The last row is the score function with the guide of
 * mixture_conditional.vmodel, whose z sees the components' draws. Then the enumerated fit's
 * posterior means (components sorted by mu) against the NUTS reference, in reference sds, on
 * three seeds, and the conditional guide's final ELBO on three seeds.
 */
final class Estimators {
    /** @param conditional whether the fit uses mixture_conditional.vmodel's written guide */
    private record Row(String name, int particles, EstimatorChoice choice, boolean conditional) {}

    private static final Path MODEL = Path.of("examples/mixture/mixture.vmodel");
    private static final Path CONDITIONAL = Path.of("examples/mixture/mixture_conditional.vmodel");
    private static final Path DATA = Path.of("examples/mixture/data.json");
    private static final int GRADIENTS = 400;

    static void print() throws Exception {
        BoundModel bound = Vmc.compile(MODEL).bind(DataSet.read(DATA));
        BoundModel conditional = Vmc.compile(CONDITIONAL).bind(DataSet.read(DATA));
        EstimatorChoice score = EstimatorChoice.automatic().withForced(null, Map.of("z", Estimator.SCORE_FUNCTION));
        List<Row> rows = List.of(
                new Row("score, plain", 1, score.withRaoBlackwellise(false).withBaseline(Baseline.NONE), false),
                new Row("+ Rao-Blackwell", 1, score.withBaseline(Baseline.NONE), false),
                new Row("+ average baseline", 1, score.withBaseline(Baseline.AVERAGE), false),
                new Row("leave-one-out S=10", 10, score.withBaseline(Baseline.LEAVE_ONE_OUT), false),
                new Row("enumeration", 1, EstimatorChoice.automatic(), false),
                new Row("z | mu, sigma, w *", 10, score.withBaseline(Baseline.LEAVE_ONE_OUT), true));
        FitResult enumerated = fit(bound.model(), EstimatorChoice.automatic(), 1, 1);
        double optimum = enumerated.finalElbo().mean();
        System.out.printf("mixture (K = 3, N = 500): the enumerated fit's ELBO is %.2f%n", optimum);
        System.out.printf("%-20s %12s %9s %9s %9s %9s %8s %11s %9s%n", "estimator", "z grad var", "us/step",
                "to 1 nat", "s to 1", "steps", "fit s", "final ELBO", "gap nats");
        for (Row r : rows) {
            double variance = r.conditional() ? conditionalVariance(conditional, r.choice(), r.particles())
                    : gradientVariance(bound.model(), r.choice(), r.particles());
            double micros = r.conditional() ? microsPerStep(conditional, r.choice(), r.particles(), null)
                    : microsPerStep(bound, r.choice(), r.particles(), "meanfield");
            WithinOneNat within = new WithinOneNat(optimum - 1);
            FitOptions options = FitOptions.defaults().withSeed(1).withParticles(r.particles()).withEstimators(r.choice());
            FitResult fit = r.conditional() ? conditional.fit(options, null, within)
                    : Fitter.fit(bound.model(), GuideChoice.automatic(), options, within);
            System.out.printf("%-20s %12.4g %9.1f %9s %9s %9d %8.2f %11.2f %9.2f%n", r.name(), variance, micros,
                    within.step < 0 ? "never" : Long.toString(within.step),
                    within.step < 0 ? "-" : String.format("%.2f", within.seconds), fit.steps(), fit.seconds(),
                    fit.finalElbo().mean(), optimum - fit.finalElbo().mean());
        }
        System.out.println("* the score function with mixture_conditional.vmodel's guide: q(z[n] | w, mu, sigma) a softmax of"
                + " temperature x the exact conditional's logits + offsets; its z grad var is over those 4 parameters");
        System.out.println();
        for (long seed = 1; seed <= 3; seed++) {
            FitResult fit = conditional.fit(FitOptions.defaults().withSeed(seed));
            System.out.printf("conditional guide, seed %d: final ELBO %.2f (se %.3f), %.2f nats from the enumerated fit's,"
                    + " %d steps, %.2f s, temperature %.3f%n", seed, fit.finalElbo().mean(), fit.finalElbo().standardError(),
                    optimum - fit.finalElbo().mean(), fit.steps(), fit.seconds(), fit.pointEstimates().get("temperature").item());
        }
        double wall = Bench.wallSeconds(new Bench.Example("mixture", MODEL, DATA, new int[0], 0, 0));
        System.out.printf("%nwhole default bin/vmc run of the mixture: %.2f s (best of 3)%n", wall);
        System.out.println();
        System.out.println("enumerated fit, default settings: |mean - NUTS mean| / NUTS sd, components sorted by mu");
        Json.Obj reference = (Json.Obj) ((Json.Obj) JsonTree.read(Path.of("examples/mixture/reference.json")))
                .members().get("params");
        for (long seed = 1; seed <= 3; seed++) {
            FitResult fit = fit(bound.model(), EstimatorChoice.automatic(), 1, seed);
            System.out.printf("seed %d: max z %.3f, %d steps, %.2f s%n", seed, worstZ(fit.summary(), reference), fit.steps(),
                    fit.seconds());
        }
    }

    private static FitResult fit(Model model, EstimatorChoice choice, int particles, long seed) {
        FitOptions options = FitOptions.defaults().withSeed(seed).withParticles(particles).withEstimators(choice);
        return Fitter.fit(model, GuideChoice.automatic(), options, FitListener.SILENT);
    }

    /** Summed over z's guide logits, the variance of GRADIENTS gradients at the flat start; NaN where z has no guide. */
    static double gradientVariance(Model model, EstimatorChoice choice, int particles) {
        if (!Planner.plan(model, choice).hasScored()) {
            return Double.NaN;
        }
        return GradientVariance.of(model, new JointGuide(GaussianGuide.meanField()), choice, particles,
                label -> label.startsWith("guide.z."), GRADIENTS, 7);
    }

    /** The variance of the score function's gradient in the conditional guide's own parameters, at their start. */
    static double conditionalVariance(BoundModel conditional, EstimatorChoice choice, int particles) {
        Guide guide = new PartlyWrittenGuide(GaussianGuide.meanField(), conditional.writtenGuide());
        return GradientVariance.of(conditional.model(), guide, choice, particles,
                label -> label.equals("temperature") || label.equals("offset"), GRADIENTS, 7);
    }

    /** Listens to a fit for the first step whose ELBO, averaged over the last 50, reaches a target. */
    private static final class WithinOneNat implements FitListener {
        private final double target;
        private final double[] recent = new double[50];
        private final long start = System.nanoTime();
        private int seen;
        long step = -1;
        double seconds;

        WithinOneNat(double target) {
            this.target = target;
        }

        @Override
        public void step(long at, long maxSteps, double elbo, double stepsPerSecond) {
            recent[seen++ % recent.length] = elbo;
            if (step >= 0 || seen < recent.length) {
                return;
            }
            double mean = Arrays.stream(recent).sum() / recent.length;
            if (mean >= target) {
                step = at;
                seconds = (System.nanoTime() - start) / 1e9;
            }
        }
    }

    static double microsPerStep(BoundModel bound, EstimatorChoice choice, int particles, String guide) {
        double[] runs = new double[3];
        for (int r = -1; r < runs.length; r++) { // the first round warms the JIT
            double shortRun = steps(bound, choice, particles, guide, 300);
            double longRun = steps(bound, choice, particles, guide, 1800);
            if (r >= 0) {
                runs[r] = (longRun - shortRun) / 1500 * 1e6;
            }
        }
        Arrays.sort(runs);
        return runs[1];
    }

    /** Seconds for a fit of so many steps, with the guide named as --guide names it (null: the program's). */
    private static double steps(BoundModel bound, EstimatorChoice choice, int particles, String guide, long steps) {
        FitOptions options = FitOptions.defaults().withAlgorithm(Algorithm.ADVI).withParticles(particles).withLearningRate(0.01)
                .withTolerance(0).withDraws(0).withDiagnosticDraws(0).withMaxSteps(steps).withEstimators(choice);
        long start = System.nanoTime();
        bound.fit(options, guide, FitListener.SILENT);
        return (System.nanoTime() - start) / 1e9;
    }

    /** The largest |mean - reference mean| / reference sd over w, mu and sigma, components sorted by mu. */
    static double worstZ(Summary summary, Json.Obj reference) {
        Map<String, Double> means = new java.util.HashMap<>();
        summary.rows().forEach(r -> means.put(r.name(), r.mean()));
        Integer[] order = {1, 2, 3};
        Arrays.sort(order, (a, b) -> Double.compare(means.get("mu." + a), means.get("mu." + b)));
        double worst = 0;
        for (String name : List.of("w", "mu", "sigma")) {
            for (int k = 1; k <= 3; k++) {
                Map<String, Json> ref = ((Json.Obj) reference.members().get(name + "[" + k + "]")).members();
                double mean = ((Json.Num) ref.get("mean")).value();
                double sd = ((Json.Num) ref.get("sd")).value();
                double z = Math.abs(means.get(name + "." + order[k - 1]) - mean) / sd;
                worst = Math.max(worst, z);
            }
        }
        return worst;
    }
}
