package dev.vmc.runtime.infer;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.guide.Guide;
import dev.vmc.runtime.guide.Site;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.guide.Estimator;
import dev.vmc.runtime.infer.enumerate.EnumeratedModel;
import dev.vmc.runtime.infer.objective.SurrogateObjective;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model and a guide joined into one graph: the guide draws the latents, the model scores
 * them, and the objective is the ELBO, E_q[log p - log q], averaged over the particles. How its
 * gradient is estimated is up to how the guide builds log q (the automatic guides hold their
 * parameters constant in it: see {@link dev.vmc.runtime.guide.GaussianGuide}).
 */
public final class ElboGraph {
    public final Graph graph;
    /** Shared: the ELBO estimate averaged over particles; the root of every gradient. */
    public final Node objective;
    /** Per particle: the terms the objective averages, log p - log q. */
    public final Node terms;
    /** Per particle: log p of the draw on the guide's space (with the log-Jacobian). */
    public final Node logP;
    /** Per particle: log q of the draw. */
    public final Node logQ;
    /** Latents then derived quantities, in declaration order, constrained scale. */
    public final Map<String, Node> reported;
    /** Reported in the summary only, after {@link #reported}: see {@link Model.Nodes#summarised}. */
    public final Map<String, Node> summarised;
    public final List<Site> sites;
    public final String guideName;
    /** Learnable parameters of the model and of a written-out guide, constrained scale. */
    public final Map<String, Node> pointEstimates;
    /** Per datum of the model's plate, or null when it has none: see {@link PlateRows}. */
    public final PlateRows rows;
    /** Per particle, with {@link #rows}: log p - log q of everything off the plate (null without rows). */
    public final Node globalTerms;
    private final ScoreTerms score;

    private ElboGraph(Graph graph, Node objective, Node terms, Node logP, Node logQ, Map<String, Node> reported,
            Map<String, Node> summarised, List<Site> sites, String guideName, Map<String, Node> pointEstimates, PlateRows rows, Node globalTerms, ScoreTerms score) {
        this.graph = graph;
        this.objective = objective;
        this.terms = terms;
        this.logP = logP;
        this.logQ = logQ;
        this.reported = reported;
        this.summarised = summarised;
        this.sites = sites;
        this.guideName = guideName;
        this.pointEstimates = pointEstimates;
        this.rows = rows;
        this.globalTerms = globalTerms;
        this.score = score;
    }

    public static ElboGraph build(Model model, Guide guide) {
        return build(model, guide, new Planner.Plan(model, List.of(), Map.of()), EstimatorChoice.automatic(), 1);
    }

    /**
     * The ELBO of a planned model, its objective carrying the score function's surrogates for
     * the discrete sites the guide scores, and the plan's sites with each estimator's reason.
     *
     * @param particles the particles of the executor that will train it (which baseline fits)
     */
    public static ElboGraph build(Model model, Guide guide, Planner.Plan plan, EstimatorChoice choice, int particles) {
        Graph graph = new Graph();
        Guide.Nodes q = guide.build(graph, model.latents());
        Model.Nodes p = model.build(graph, q.latents());
        graph.setOrigin("the ELBO");
        Node logJoint = p.logJoint(graph);
        Node logP = q.logJacobian() == null ? logJoint : graph.add(logJoint, q.logJacobian());
        PlateRows rows = PlateRows.of(graph, model, p, q);
        Node logQ = rows == null || q.plated().isEmpty() ? q.logQ()
                : graph.add(q.logQ(), graph.mul(graph.constant(rows.scale()), graph.sum(rows.logQ())));
        Node terms = graph.sub(logP, logQ);
        Node globalTerms = null;
        if (rows != null) {
            Node globalP = Model.Nodes.total(graph, p.factors().stream().filter(f -> f.plate() == null).toList());
            globalTerms = graph.sub(q.logJacobian() == null ? globalP : graph.add(globalP, q.logJacobian()), q.logQ());
        }
        Node elbo = graph.meanOverParticles(terms);
        ScoreTerms score = ScoreTerms.build(graph, p, q, terms, choice, particles);
        Node objective = SurrogateObjective.build(graph, elbo, score.surrogates).objective();
        Map<String, Node> reported = new LinkedHashMap<>(q.latents());
        reported.putAll(p.derived());
        Map<String, Node> pointEstimates = new LinkedHashMap<>(p.parameters());
        pointEstimates.putAll(q.parameters());
        return new ElboGraph(graph, objective, terms, logP, logQ, reported, p.summarised(), sites(model, q.sites(), plan, score),
                guide.name(), pointEstimates, rows, globalTerms, score);
    }

    /** The guide's sites and the plan's enumerated ones, in the original model's declaration order. */
    private static List<Site> sites(Model model, List<Site> guided, Planner.Plan plan, ScoreTerms score) {
        Map<String, Site> byName = new LinkedHashMap<>();
        for (Site s : guided) {
            String why = plan.scored().get(s.latent());
            String reduction = score.reductions.get(s.latent());
            byName.put(s.latent(), s.estimator() != Estimator.SCORE_FUNCTION ? s : new Site(s.latent(), s.shape(),
                    s.support(), s.family(), s.estimator(), (why != null ? why + "; " : "") + s.reason()
                            + (reduction != null ? "; " + reduction : "")));
        }
        plan.enumerated().forEach(s -> byName.put(s.latent(), s));
        Model original = plan.model() instanceof EnumeratedModel m ? m.inner() : model;
        List<Site> ordered = new ArrayList<>();
        for (var latent : original.latents()) {
            Site s = byName.remove(latent.name());
            if (s != null) {
                ordered.add(s);
            }
        }
        ordered.addAll(byName.values());
        return ordered;
    }

    /** Before each training step's forward pass: baselines that carry state write it. */
    public void beforeStep(Executor executor) {
        score.beforeStep(executor);
    }

    /** After each training step: baselines that carry state learn from it. */
    public void afterStep(Executor executor) {
        score.afterStep(executor);
    }
}
