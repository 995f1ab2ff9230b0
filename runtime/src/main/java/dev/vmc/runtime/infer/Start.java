package dev.vmc.runtime.infer;

import dev.vmc.runtime.diagnose.Estimate;
import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.guide.GaussianGuide.Family;
import dev.vmc.runtime.guide.Guide;
import dev.vmc.runtime.guide.PartlyWrittenGuide;
import dev.vmc.runtime.guide.WrittenGuide;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.LogDensity;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.pathfinder.GuideStart;
import dev.vmc.runtime.pathfinder.Pathfinder;
import dev.vmc.runtime.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Where a fit starts: the guide it fits, with its start, and the step size to refine it with.
 * An automatic guide starts from Pathfinder's Gaussian (or from the guide in {@code --init}),
 * fitted in coordinates whitened by it; with {@link Algorithm#ADVI}, or for a written guide,
 * from the standard initialisation with a step-size search.
 *
 * @param guide               the guide to fit
 * @param learningRate        Adam's step size, or null to search for one
 * @param initial             values to put in the parameter store before fitting
 * @param refine              whether stochastic ascent follows (not for Pathfinder alone)
 * @param elbo                the start's ELBO estimate, if it has one
 */
record Start(Guide guide, Double learningRate, Map<String, Tensor> initial, boolean refine, Estimate elbo,
        long gradientEvaluations, long densityEvaluations) {

    /**
     * Adam's step size in whitened coordinates, where the posterior's sds are about one: a
     * step moves each parameter by about this fraction of an sd.
     */
    static final double WHITENED_RATE = 0.05;

    /** Where the plan's model starts: see {@link Planner.Plan}. */
    static Start resolve(Planner.Plan plan, GuideChoice choice, FitOptions options, long seed, FitListener listener) {
        Model model = plan.model();
        Model marginal = plan.marginal();
        if (choice instanceof GuideChoice.Written w && w.guide() instanceof WrittenGuide written
                && !written.automatic().isEmpty()) {
            return partlyWritten(plan, written, options, seed, listener);
        }
        if (plan.hasScored()) {
            if (marginal != null && plan.scoredContinuous().isEmpty() && choice instanceof GuideChoice.Automatic
                    && options.initial().isEmpty() && options.algorithm() == Algorithm.AUTO) {
                // the score function was asked for latents that could be summed out: the continuous
                // guide starts where it would with them summed out, so the two fits compare
                listener.message("start: Pathfinder on the model with every discrete latent summed out, as it can"
                        + " be; the fit itself uses the score function, as asked");
                Start start = resolve(new Planner.Plan(marginal, List.of(), Map.of()), choice, options, seed, listener);
                return new Start(plan.automaticGuide((GaussianGuide) start.guide()), start.learningRate(), start.initial(),
                        true, null, start.gradientEvaluations(), start.densityEvaluations());
            }
            return withScored(plan, choice, options, seed, listener);
        }
        LogDensity density = LogDensity.of(model);
        if (!density.improperLatents().isEmpty()) {
            List<String> flat = density.improperLatents();
            throw new ImproperPosteriorException("the posterior is improper: " + String.join(", ", flat)
                    + (flat.size() == 1 ? " appears" : " appear") + " in no prior and no likelihood term, so the density"
                    + " is flat in " + (flat.size() == 1 ? "it" : "them") + "; give " + (flat.size() == 1 ? "it" : "each")
                    + " a prior");
        }
        if (choice instanceof GuideChoice.Written written) {
            if (options.algorithm() == Algorithm.PATHFINDER) {
                throw new IllegalArgumentException("--algorithm pathfinder needs an automatic guide; this model writes its own");
            }
            listener.message("start: the written guide's own initial values");
            return new Start(written.guide(), options.learningRate(), options.initial(), true, null, 0, 0);
        }
        Family family = ((GuideChoice.Automatic) choice).family();
        Map<String, Tensor> guideInitial = new LinkedHashMap<>();
        Map<String, Tensor> otherInitial = new LinkedHashMap<>();
        options.initial().forEach((k, v) -> (k.startsWith("guide.") ? guideInitial : otherInitial).put(k, v));
        boolean refine = options.algorithm() != Algorithm.PATHFINDER;
        if (!guideInitial.isEmpty()) {
            Family named = GaussianGuide.familyOf(guideInitial); // null when only the mean is given
            Family given = named != null ? named : family != null ? family : Family.MEANFIELD;
            if (family != null && family != given) {
                throw new InitialValuesException("the initial values " + guideInitial.keySet() + " are not those of a "
                        + family.label + " guide");
            }
            requireCoordinates(guideInitial, density.dimension());
            listener.message("start: the " + given.label + " guide in the initial values");
            Double rate = options.learningRate() != null ? options.learningRate() : WHITENED_RATE;
            return new Start(GaussianGuide.of(given, guideInitial), rate, otherInitial, refine, null, 0, 0);
        }
        if (density.dimension() == 0) {
            // nothing continuous to draw (every latent summed out, or none at all): no Gaussian for
            // Pathfinder to find; the ascent fits the model's own parameters, if it has any
            listener.message("start: no continuous latent, so no Pathfinder; the guide has nothing to fit");
            return new Start(GaussianGuide.of(Family.MEANFIELD), options.learningRate(), options.initial(), refine, null,
                    0, 0);
        }
        if (options.algorithm() == Algorithm.ADVI) {
            Family f = family == null ? Family.MEANFIELD : family;
            listener.message("start: the standard initialisation (mean 0, sd " + GaussianGuide.INITIAL_SCALE
                    + " on the unconstrained scale), as ADVI");
            return new Start(GaussianGuide.of(f), options.learningRate(), options.initial(), true, null, 0, 0);
        }
        return fromPathfinder(density, family, options, seed, refine, listener);
    }

    /**
     * With discrete latents left to the score function there is no log density of the
     * continuous ones alone for Pathfinder to climb: the guide starts from the standard
     * initialisation, flat over the discrete values, with a step-size search.
     */
    private static Start withScored(Planner.Plan plan, GuideChoice choice, FitOptions options, long seed,
            FitListener listener) {
        java.util.Set<String> scoredContinuous = plan.scoredContinuous();
        if (options.algorithm() == Algorithm.PATHFINDER) {
            throw new IllegalArgumentException("--algorithm pathfinder needs every latent fitted by the pathwise"
                    + " estimator or summed out; some take the score function");
        }
        if (choice instanceof GuideChoice.Written written) {
            if (!scoredContinuous.isEmpty()) {
                throw new IllegalArgumentException("--estimator " + String.join(",", scoredContinuous) + "=score: the"
                        + " score function on a continuous latent needs the automatic guide; this model writes its own");
            }
            listener.message("start: the written guide's own initial values");
            return new Start(written.guide(), options.learningRate(), options.initial(), true, null, 0, 0);
        }
        Family family = ((GuideChoice.Automatic) choice).family();
        Map<String, Tensor> initial = new LinkedHashMap<>(options.initial());
        Family given = GaussianGuide.familyOf(initial);
        if (given != null) {
            family = given; // the family whose parameters the initial values are
        }
        if (hasGuideValues(initial)) {
            listener.message("start: the guide in the initial values (a fit with score-function sites has no Pathfinder"
                    + " start)");
        } else {
            drawMeans(plan.model().latents().stream().filter(l -> !scoredContinuous.contains(l.name())).toList(), seed,
                    initial);
            listener.message("start: means drawn in (-2, 2) and sd " + GaussianGuide.INITIAL_SCALE + " on the"
                    + " unconstrained scale for the continuous latents, flat guides for the discrete ones: a fit with"
                    + " score-function sites has no Pathfinder start");
        }
        Guide guide = plan.automaticGuide(GaussianGuide.of(family == null ? Family.MEANFIELD : family));
        return new Start(guide, options.learningRate(), initial, true, null, 0, 0);
    }

    /**
     * The means of the Gaussian over these latents' unconstrained coordinates drawn in (-2, 2),
     * as Stan initialises: equal means would keep exchangeable latents (a mixture's components)
     * equal, since their gradients are equal too.
     */
    private static void drawMeans(List<LatentSpec> latents, long seed, Map<String, Tensor> initial) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] loc = new double[new dev.vmc.runtime.model.FlatLatents(latents).dimension()];
        for (int i = 0; i < loc.length; i++) {
            loc[i] = random.nextDouble(-2, 2);
        }
        if (loc.length > 0) {
            initial.put(GaussianGuide.LOC, Tensor.vector(loc));
        }
    }

    /**
     * A written guide that leaves latents to the automatic one: that part starts from Pathfinder
     * where the latents the guide writes could all be summed out (so the fit starts where the
     * enumerated one does), else from means drawn as Stan's; the written part from its own
     * initial values.
     */
    private static Start partlyWritten(Planner.Plan plan, WrittenGuide written, FitOptions options, long seed,
            FitListener listener) {
        if (options.algorithm() == Algorithm.PATHFINDER) {
            throw new IllegalArgumentException("--algorithm pathfinder needs an automatic guide; this model writes its own"
                    + " for " + String.join(", ", writtenNames(plan.model(), written)));
        }
        Family family = written.automaticFamily();
        Model marginal = plan.marginal();
        boolean summable = marginal != null && marginal.latents().stream().map(LatentSpec::name).toList()
                .equals(written.automatic()) && options.algorithm() == Algorithm.AUTO && !hasGuideValues(options.initial());
        if (summable) {
            listener.message("start: Pathfinder for " + String.join(", ", written.automatic()) + " on the model with "
                    + String.join(", ", writtenNames(plan.model(), written)) + " summed out; the written guide from its"
                    + " own initial values");
            Start start = resolve(new Planner.Plan(marginal, List.of(), Map.of()), new GuideChoice.Automatic(family),
                    options, seed, listener);
            return new Start(new PartlyWrittenGuide((GaussianGuide) start.guide(), written), start.learningRate(),
                    start.initial(), true, null, start.gradientEvaluations(), start.densityEvaluations());
        }
        Map<String, Tensor> initial = new LinkedHashMap<>(options.initial());
        if (!hasGuideValues(initial)) {
            drawMeans(plan.model().latents().stream().filter(l -> written.automatic().contains(l.name())).toList(), seed,
                    initial);
        }
        listener.message("start: means drawn in (-2, 2) and sd " + GaussianGuide.INITIAL_SCALE + " on the unconstrained"
                + " scale for " + String.join(", ", written.automatic()) + "; the written guide from its own initial values");
        Family given = GaussianGuide.familyOf(initial);
        Family f = family != null ? family : given != null ? given : Family.MEANFIELD;
        return new Start(new PartlyWrittenGuide(GaussianGuide.of(f), written), options.learningRate(), initial, true,
                null, 0, 0);
    }

    /** Whether initial values (--init) hold a guide's parameters, which are named guide.*. */
    private static boolean hasGuideValues(Map<String, Tensor> initial) {
        return initial.keySet().stream().anyMatch(k -> k.startsWith("guide."));
    }

    private static List<String> writtenNames(Model model, WrittenGuide written) {
        return model.latents().stream().map(LatentSpec::name).filter(n -> !written.automatic().contains(n)).toList();
    }

    /** A guide's every parameter runs over the coordinates first: one from another model does not fit. */
    private static void requireCoordinates(Map<String, Tensor> guideInitial, int d) {
        for (Map.Entry<String, Tensor> e : guideInitial.entrySet()) {
            int[] shape = e.getValue().shape;
            if (shape.length == 0 || shape[0] != d) {
                throw new InitialValuesException("the initial guide's " + e.getKey() + " has shape "
                        + java.util.Arrays.toString(shape) + ", but this model's latents have " + d + " coordinates on"
                        + " the unconstrained scale: was it written for another model?");
            }
        }
    }

    private static Start fromPathfinder(LogDensity density, Family family, FitOptions options, long seed, boolean refine,
            FitListener listener) {
        SplittableRandom random = new SplittableRandom(seed);
        Pathfinder pathfinder = Pathfinder.run(density, Pathfinder.Options.defaults(options.paths()), random.nextLong());
        pathfinder.report().forEach(line -> listener.message("pathfinder " + line));
        if (pathfinder.unbounded()) {
            throw new ImproperPosteriorException("the posterior is likely improper: the log density rises without bound as "
                    + pathfinder.runaway() + " moves (L-BFGS followed it to +infinity, past 1e300, or past 1e8 on the"
                    + " unconstrained scale);"
                    + " check that every latent has a proper prior");
        }
        if (!pathfinder.found()) {
            throw new FitException("Pathfinder found no Gaussian with a finite ELBO: " + pathfinder.failure()
                    + ". Check the priors and constraints there");
        }
        if (pathfinder.disagreement() != null) {
            listener.message("warning: " + pathfinder.disagreement());
        }
        GuideStart.Start start = GuideStart.of(pathfinder, family, density, random);
        start.report().forEach(listener::message);
        Double rate = options.learningRate() != null ? options.learningRate() : WHITENED_RATE;
        return new Start(GaussianGuide.of(start.family(), start.parameters()), rate, options.initial(), refine, start.elbo(),
                pathfinder.gradientEvaluations() + start.gradientEvaluations(),
                pathfinder.densityEvaluations() + start.densityEvaluations());
    }
}
