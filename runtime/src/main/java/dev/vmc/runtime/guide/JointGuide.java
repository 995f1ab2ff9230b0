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
 * guide over the continuous ones and {@link DiscreteGuide} over the discrete ones, independent
 * of each other, so each discrete site's log q is its own alone.
 */
public final class JointGuide implements Guide {
    private final GaussianGuide continuous;

    public JointGuide(GaussianGuide continuous) {
        this.continuous = continuous;
    }

    @Override
    public String name() {
        return continuous.name();
    }

    @Override
    public boolean sitesIndependent() {
        return true;
    }

    @Override
    public Nodes build(Graph graph, List<LatentSpec> latents) {
        List<LatentSpec> real = latents.stream().filter(l -> !l.isDiscrete()).toList();
        Nodes c = real.isEmpty() ? null : continuous.build(graph, real);
        Nodes d = DiscreteGuide.build(graph, latents.stream().filter(LatentSpec::isDiscrete).toList());
        Map<String, Node> values = new LinkedHashMap<>();
        List<Site> sites = new ArrayList<>();
        for (LatentSpec latent : latents) { // declaration order
            Nodes from = latent.isDiscrete() ? d : c;
            values.put(latent.name(), from.latents().get(latent.name()));
            from.sites().stream().filter(s -> s.latent().equals(latent.name())).forEach(sites::add);
        }
        Node logQ = c == null ? d.logQ() : graph.add(c.logQ(), d.logQ());
        return new Nodes(values, logQ, c == null ? null : c.logJacobian(), sites, Map.of(), d.scored());
    }

    @Override
    public Map<String, Tensor> originalParameters(Map<String, Tensor> fitted, List<LatentSpec> latents) {
        return continuous.originalParameters(fitted, latents.stream().filter(l -> !l.isDiscrete()).toList());
    }
}
