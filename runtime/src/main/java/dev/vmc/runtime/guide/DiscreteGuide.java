package dev.vmc.runtime.guide;

import dev.vmc.runtime.dist.Distribution;
import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The automatic guide of the discrete latents the score function handles, every element its own
 * free distribution: bernoulli_logit for {0, 1}, categorical_logit over the values of any other
 * finite support (one row of logits per element), and a Poisson with a free log rate, shifted
 * to the lower bound, for counts. All start flat (logits 0, rate 1). Their draws pass no
 * gradient; each site hands the fit its log q per element with the parameters live, for the
 * score function's surrogate, and the ELBO's log q with them held, as the Gaussian guide does.
 */
public final class DiscreteGuide {
    /** Finite supports up to this many values get a free categorical per element; larger ones cannot. */
    public static final int MAX_CATEGORIES = 10_000;

    private DiscreteGuide() {}

    /** Whether the automatic guide can take this latent; null if so, why not otherwise. */
    public static String whyNot(LatentSpec latent) {
        if (!Double.isFinite(latent.support().lower())) {
            return latent.name() + " has no lower bound, which the automatic guide needs (declare int<lower=...>)";
        }
        long k = latent.supportSize();
        if (k != Long.MAX_VALUE && k > MAX_CATEGORIES) {
            return latent.name() + " has " + k + " values, more than the automatic guide's " + MAX_CATEGORIES
                    + " categories; write a guide for it";
        }
        return null;
    }

    /** The family the automatic guide gives a latent, as the plan names it. */
    public static String familyOf(LatentSpec latent) {
        long k = latent.supportSize();
        if (k == 2) {
            return "bernoulli_logit, free per element";
        }
        return k == Long.MAX_VALUE ? "poisson_log, a free rate per element" : "categorical_logit over its " + k
                + " values, free per element";
    }

    /** Builds the sites of these latents into the graph. */
    public static Guide.Nodes build(Graph graph, List<LatentSpec> latents) {
        Map<String, Node> values = new LinkedHashMap<>();
        List<Site> sites = new ArrayList<>();
        List<Guide.ScoredSite> scored = new ArrayList<>();
        Node logQ = graph.constant(0);
        for (LatentSpec latent : latents) {
            graph.setOrigin("the automatic guide of " + latent.name());
            String why = whyNot(latent);
            if (why != null) {
                throw new IllegalArgumentException(why);
            }
            long k = latent.supportSize();
            int n = latent.size();
            double lower = latent.support().lower();
            Distribution family;
            Node parameter;
            int[] drawShape = latent.shape();
            if (k == 2) {
                family = Distributions.get("bernoulli_logit");
                parameter = graph.parameter("guide." + latent.name() + ".logit", new Tensor(latent.shape()));
            } else if (k == Long.MAX_VALUE) {
                family = Distributions.get("poisson_log");
                parameter = graph.parameter("guide." + latent.name() + ".log_rate", new Tensor(latent.shape()));
            } else {
                family = Distributions.get("categorical_logit");
                parameter = graph.parameter("guide." + latent.name() + ".logits", new Tensor(new int[] {n, (int) k}));
                drawShape = new int[] {n};
            }
            Node draw = family.sample(graph, List.of(parameter), drawShape);
            Node held = family.logDensity(graph, draw, List.of(graph.stopGradient(parameter)));
            Node live = family.logDensities(graph, draw, List.of(parameter));
            if (live.rank() != 0) {
                live = graph.reshape(live, latent.shape()); // per element, as the latent is shaped
            }
            // categorical draws are 1..K; bernoulli's and poisson's start at 0
            double offset = k == 2 || k == Long.MAX_VALUE ? lower : lower - 1;
            Node value = graph.reshape(offset == 0 ? draw : graph.add(draw, graph.constant(offset)), latent.shape());
            values.put(latent.name(), value);
            logQ = graph.add(logQ, held);
            scored.add(new Guide.ScoredSite(latent.name(), value, live));
            sites.add(new Site(latent.name(), latent.shape(), latent.support(), familyOf(latent), Estimator.SCORE_FUNCTION,
                    "its guide is discrete: its draws carry no gradient"));
        }
        return new Guide.Nodes(values, logQ, null, sites, Map.of(), scored);
    }
}
