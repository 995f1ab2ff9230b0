package dev.vmc.api;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.guide.Guide;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For the shapes check only: a guide that draws no value for some discrete latents (an
 * automatic guide, which leaves them to the runtime to sum out or score) gets a constant in each
 * one's support, so that the model's graph can be built and its sizes compared with the data's.
 * Nothing is fitted with it.
 */
final class DiscreteStandIns implements Guide {
    private final Guide guide;

    DiscreteStandIns(Guide guide) {
        this.guide = guide;
    }

    @Override
    public String name() {
        return guide.name();
    }

    @Override
    public Nodes build(Graph graph, List<LatentSpec> latents) {
        Nodes nodes = guide.build(graph, latents);
        Map<String, Node> values = new LinkedHashMap<>();
        for (LatentSpec latent : latents) {
            Node drawn = nodes.latents().get(latent.name());
            if (drawn == null && latent.isDiscrete()) {
                drawn = graph.constant(Tensor.filled(latent.shape(), pointIn(latent)));
            }
            if (drawn != null) {
                values.put(latent.name(), drawn);
            }
        }
        return new Nodes(values, nodes.logQ(), nodes.logJacobian(), nodes.sites(), nodes.parameters(), nodes.scored(), nodes.plated());
    }

    /** The lower bound if there is one, else the upper, else 0: an integer of the support. */
    private static double pointIn(LatentSpec latent) {
        double lower = latent.support().lower();
        double upper = latent.support().upper();
        return Double.isFinite(lower) ? lower : Double.isFinite(upper) ? upper : 0;
    }
}
