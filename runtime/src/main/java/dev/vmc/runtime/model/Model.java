package dev.vmc.runtime.model;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import java.util.List;
import java.util.Map;

/**
 * A probabilistic model with its data bound: a joint density over latents (and any learnable
 * parameters it declares with {@link Graph#parameter}). The compiler produces these from
 * .vmodel files; Java code may implement it directly.
 */
public interface Model {
    List<LatentSpec> latents();

    /**
     * Adds the model's log joint density to the graph, given nodes holding each latent's
     * constrained value per particle.
     */
    Nodes build(Graph graph, Map<String, Node> latents);

    /**
     * @param logJoint one value per particle: log p(data, latents)
     * @param derived  named deterministic functions of the latents to report with them, in order
     * @param parameters the learnable parameters on their constrained scale, by name, to report
     *                 as point estimates
     */
    record Nodes(Node logJoint, Map<String, Node> derived, Map<String, Node> parameters) {
        public Nodes(Node logJoint, Map<String, Node> derived) {
            this(logJoint, derived, Map.of());
        }
    }
}
