package dev.vmc.runtime.infer;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.guide.Guide;
import dev.vmc.runtime.guide.Site;
import dev.vmc.runtime.model.Model;
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
    public final List<Site> sites;
    public final String guideName;
    /** Learnable parameters of the model and of a written-out guide, constrained scale. */
    public final Map<String, Node> pointEstimates;

    private ElboGraph(Graph graph, Node objective, Node terms, Node logP, Node logQ, Map<String, Node> reported,
            List<Site> sites, String guideName, Map<String, Node> pointEstimates) {
        this.graph = graph;
        this.objective = objective;
        this.terms = terms;
        this.logP = logP;
        this.logQ = logQ;
        this.reported = reported;
        this.sites = sites;
        this.guideName = guideName;
        this.pointEstimates = pointEstimates;
    }

    public static ElboGraph build(Model model, Guide guide) {
        Graph graph = new Graph();
        Guide.Nodes q = guide.build(graph, model.latents());
        Model.Nodes p = model.build(graph, q.latents());
        graph.setOrigin("the ELBO");
        Node logJoint = p.logJoint(graph);
        Node logP = q.logJacobian() == null ? logJoint : graph.add(logJoint, q.logJacobian());
        Node terms = graph.sub(logP, q.logQ());
        Node objective = graph.meanOverParticles(terms);
        Map<String, Node> reported = new LinkedHashMap<>(q.latents());
        reported.putAll(p.derived());
        Map<String, Node> pointEstimates = new LinkedHashMap<>(p.parameters());
        pointEstimates.putAll(q.parameters());
        return new ElboGraph(graph, objective, terms, logP, q.logQ(), reported, q.sites(), guide.name(), pointEstimates);
    }
}
