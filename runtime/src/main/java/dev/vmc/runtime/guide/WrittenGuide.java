package dev.vmc.runtime.guide;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.model.LatentSpec;
import java.util.List;
import java.util.Map;

/**
 * A guide written in the program. It may leave some continuous latents to the automatic Gaussian
 * guide ({@code auto w, mu;} in the guide block), which draws them first, so that the written
 * statements can condition on their draws: a per-datum assignment's guide that sees the
 * components' draws, as the exact conditional does. {@link PartlyWrittenGuide} joins the two.
 */
public interface WrittenGuide extends Guide {
    /** The latents left to the automatic guide, in the program's order; empty when it writes them all. */
    List<String> automatic();

    /** The automatic part's family, or null to choose it from the start, as {@code guide auto;} does. */
    GaussianGuide.Family automaticFamily();

    /**
     * Draws the written latents.
     *
     * @param drawn the automatic part's draws, by name, on their constrained scale
     */
    Nodes build(Graph graph, List<LatentSpec> latents, Map<String, Node> drawn);

    @Override
    default Nodes build(Graph graph, List<LatentSpec> latents) {
        return build(graph, latents, Map.of());
    }
}
