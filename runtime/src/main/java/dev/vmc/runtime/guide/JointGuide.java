package dev.vmc.runtime.guide;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The automatic guide of a model with discrete latents left after enumeration: the Gaussian
 * guide over the continuous ones, {@link DiscreteGuide} over the discrete ones, and
 * {@link ScoredGaussianSites} over continuous ones the score function is asked to take, all
 * independent of each other, so each scored site's log q is its own alone.
 */
public final class JointGuide implements Guide {
    private final GaussianGuide continuous;
    private final java.util.Set<String> scored;

    public JointGuide(GaussianGuide continuous) {
        this(continuous, java.util.Set.of());
    }

    /** @param scored continuous latents the score function is asked to take: see {@link ScoredGaussianSites} */
    public JointGuide(GaussianGuide continuous, java.util.Set<String> scored) {
        this.continuous = continuous;
        this.scored = java.util.Set.copyOf(scored);
    }

    @Override
    public String name() {
        return continuous.name();
    }

    @Override
    public Nodes build(Graph graph, List<LatentSpec> latents) {
        List<LatentSpec> pathwise = latents.stream().filter(l -> !l.isDiscrete() && !scored.contains(l.name())).toList();
        Nodes c = pathwise.isEmpty() ? null : continuous.build(graph, pathwise);
        Nodes d = DiscreteGuide.build(graph, latents.stream().filter(LatentSpec::isDiscrete).toList());
        Nodes s = ScoredGaussianSites.build(graph, latents.stream().filter(l -> scored.contains(l.name())).toList());
        Map<String, Node> values = new LinkedHashMap<>();
        List<Site> sites = new ArrayList<>();
        for (LatentSpec latent : latents) { // declaration order
            Nodes from = latent.isDiscrete() ? d : scored.contains(latent.name()) ? s : c;
            values.put(latent.name(), from.latents().get(latent.name()));
            from.sites().stream().filter(site -> site.latent().equals(latent.name())).forEach(sites::add);
        }
        Node logQ = graph.add(d.logQ(), s.logQ());
        Node logJacobian = s.logJacobian();
        if (c != null) {
            logQ = graph.add(c.logQ(), logQ);
            logJacobian = graph.add(c.logJacobian(), logJacobian);
        }
        List<ScoredSite> all = new ArrayList<>(d.scored());
        all.addAll(s.scored());
        return new Nodes(values, logQ, logJacobian, sites, Map.of(), all);
    }

    @Override
    public Map<String, Tensor> originalParameters(Map<String, Tensor> fitted, List<LatentSpec> latents) {
        return continuous.originalParameters(fitted,
                latents.stream().filter(l -> !l.isDiscrete() && !scored.contains(l.name())).toList());
    }
}
