package dev.vmc.compiler.lower;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Guide;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.check.CheckedProgram;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.bind.BoundData;
import dev.vmc.runtime.dist.Distribution;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.guide.Estimator;
import dev.vmc.runtime.guide.Guide.PlatedSite;
import dev.vmc.runtime.guide.Guide.ScoredSite;
import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.guide.Site;
import dev.vmc.runtime.guide.WrittenGuide;
import dev.vmc.runtime.model.LatentSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A guide written in the program: each {@code latent ~ d(args)} draws the latent with d's
 * sampler (reparameterised, or discrete for an int latent) and scores the draw with d's log
 * density; a discrete site also hands inference its live log q, for the score function. It lives on the latents'
 * constrained scale, so it needs no Jacobian; its entropy is estimated from the draws. Latents it
 * leaves to the automatic guide ({@code auto a, b;}) arrive drawn.
 */
public final class LoweredGuide implements WrittenGuide {
    private final CheckedProgram checked;
    private final Program program;
    private final Guide.Explicit guide;
    private final BoundData data;

    public LoweredGuide(CheckedProgram checked, Guide.Explicit guide, BoundData data) {
        this.checked = checked;
        this.program = checked.program();
        this.guide = guide;
        this.data = data;
    }

    @Override
    public String name() {
        return "written in " + program.fileName();
    }

    @Override
    public List<String> automatic() {
        return guide.automaticNames();
    }

    @Override
    public GaussianGuide.Family automaticFamily() {
        String family = guide.automatic() == null ? "auto" : guide.automatic().family();
        return family.equals("auto") ? null : GaussianGuide.Family.of(family);
    }

    @Override
    public Nodes build(Graph graph, List<LatentSpec> latents, Map<String, Node> automaticDraws) {
        Map<String, LatentSpec> byName = new LinkedHashMap<>();
        latents.forEach(l -> byName.put(l.name(), l));
        Scope scope = new Scope(graph, checked, data);
        scope.names.putAll(automaticDraws);
        guide.params().forEach(scope::declareParameter);
        // Sticking the landing (Roeder, Wu and Duvenaud 2017), as the automatic guides do: log q
        // is scored with the guide's parameters held constant, the draws themselves live. The
        // term dropped has expectation zero, and it is the gradient's noise where q fits.
        Map<String, Node> held = new LinkedHashMap<>(scope.names);
        scope.parameters.forEach((name, node) -> held.put(name, graph.stopGradient(node)));
        ExpressionLowering heldLowering = new ExpressionLowering(graph, held, data.networks(), true,
                new InlinedFunctions(checked), checked);
        Map<String, Node> drawn = new LinkedHashMap<>();
        List<Site> sites = new ArrayList<>();
        List<ScoredSite> scored = new ArrayList<>();
        List<PlatedSite> plated = new ArrayList<>();
        Node logQ = null;
        Map<String, Node> siteLogQ = new LinkedHashMap<>(); // held, per site, for the scored sites' downstream terms
        for (Stmt s : guide.body()) {
            if (s instanceof Stmt.Define d) {
                scope.define(d.decl());
                held.put(d.decl().name(), heldLowering.lower(d.decl().init()));
            } else if (s instanceof Stmt.Sample sample) {
                scope.at(sample.pos());
                LatentSpec latent = byName.get(((Expr.Var) sample.variate()).name());
                Distribution d = scope.distribution(sample);
                List<Node> live = scope.arguments(sample);
                Node value = d.sample(graph, live, latent.shape());
                List<Node> heldArgs = sample.args().stream().map(heldLowering::lower).toList();
                if (scope.isPlated(latent.name())) {
                    // summed and scaled per datum by inference, with the model's plated terms
                    plated.add(new PlatedSite(latent.name(), d.logDensities(graph, value, heldArgs), d.name(), live));
                } else {
                    Node term = d.logDensity(graph, value, heldArgs);
                    logQ = logQ == null ? term : graph.add(logQ, term);
                    siteLogQ.put(latent.name(), term);
                }
                drawn.put(latent.name(), value);
                scope.names.put(latent.name(), value);
                held.put(latent.name(), value);
                sites.add(site(latent, d, dev.vmc.runtime.nn.Mlp.feeding(graph, live)));
                if (!d.isReparameterisable()) {
                    // The draw passes no gradient, so the guide's parameters learn through the
                    // score function's surrogate, which differentiates this live log q.
                    scored.add(new ScoredSite(latent.name(), value, d.logDensities(graph, value, live)));
                }
            } else {
                throw new IllegalStateException("checker let a target += into the guide");
            }
        }
        scored = withDownstream(graph, scored, drawn, siteLogQ);
        // Report latents in their declaration order, whatever order the guide draws them in.
        Map<String, Node> ordered = new LinkedHashMap<>();
        byName.keySet().forEach(name -> ordered.put(name, drawn.get(name)));
        List<Site> orderedSites = new ArrayList<>();
        byName.keySet().forEach(name -> sites.stream().filter(x -> x.latent().equals(name)).forEach(orderedSites::add));
        return new Nodes(ordered, logQ == null ? graph.constant(0) : logQ, null, orderedSites, scope.parameters, scored, plated);
    }

    /**
     * Each scored site with the sites the guide draws from its draw (their draws have it as an
     * ancestor) and their log q: its score must multiply what depends on them too.
     */
    private static List<ScoredSite> withDownstream(Graph graph, List<ScoredSite> scored, Map<String, Node> drawn,
            Map<String, Node> siteLogQ) {
        Map<String, boolean[]> ancestors = new LinkedHashMap<>();
        if (!scored.isEmpty()) {
            drawn.forEach((name, value) -> ancestors.put(name, graph.ancestorsOf(value)));
        }
        List<ScoredSite> out = new ArrayList<>();
        for (ScoredSite site : scored) {
            java.util.Set<String> downstream = new java.util.LinkedHashSet<>();
            Node logQ = null;
            for (Map.Entry<String, boolean[]> later : ancestors.entrySet()) {
                if (later.getKey().equals(site.latent()) || !later.getValue()[site.value().id]) {
                    continue;
                }
                downstream.add(later.getKey());
                Node term = siteLogQ.get(later.getKey());
                if (term != null) {
                    logQ = logQ == null ? term : graph.add(logQ, term);
                }
            }
            out.add(new ScoredSite(site.latent(), site.value(), site.logQ(), null, downstream, logQ));
        }
        return out;
    }

    /** The plan's entry: the checker allows a reparameterised family, or a discrete one for an int latent. */
    private static Site site(LatentSpec latent, Distribution d, List<String> encoders) {
        String family = d.name() + (encoders.isEmpty() ? " (from the guide block)" : ", amortised");
        String amortised = encoders.isEmpty() ? "" : "; amortised: the network" + (encoders.size() > 1 ? "s " : " ")
                + String.join(", ", encoders) + " map" + (encoders.size() > 1 ? "" : "s") + " each datum to its parameters";
        return d.isReparameterisable()
                ? new Site(latent.name(), latent.shape(), latent.support(), family, Estimator.REPARAMETERISED,
                        d.name() + " has a reparameterised sampler" + amortised)
                : new Site(latent.name(), latent.shape(), latent.support(), family, Estimator.SCORE_FUNCTION,
                        d.name() + " is discrete: its draws carry no gradient");
    }
}
