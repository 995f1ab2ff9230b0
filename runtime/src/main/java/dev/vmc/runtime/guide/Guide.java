package dev.vmc.runtime.guide;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.tensor.Tensor;
import java.util.List;
import java.util.Map;

/** A variational family q: draws the latents and scores its own draws. */
public interface Guide {
    String name();

    Nodes build(Graph graph, List<LatentSpec> latents);

    /**
     * Fitted parameter values as they are reported and read back (guide.json, {@code --init}):
     * a guide fitted in coordinates of its own choosing maps them back here. By default the
     * values are reported as fitted.
     */
    default Map<String, Tensor> originalParameters(Map<String, Tensor> fitted, List<LatentSpec> latents) {
        return fitted;
    }

    /**
     * @param latents     each latent's drawn value per particle, on its constrained scale
     * @param logQ        log q of the draw per particle, on the space q is defined on
     * @param logJacobian per particle, the log-Jacobian of the map from q's space to the latents'
     *                    constrained scale, added to log p so both densities live on q's space;
     *                    null when q is defined on the constrained scale itself
     * @param sites       the plan: one entry per latent
     * @param parameters  parameters worth reporting on their constrained scale (a written-out
     *                    guide's own), by name; may be empty
     * @param scored      the sites whose gradient the score function estimates (discrete ones):
     *                    for each, log q of its draw per element with the guide's parameters live
     * @param plated      the sites of latents over the model's plate, whose log q is NOT in
     *                    {@code logQ}: inference sums and scales them per datum
     */
    record Nodes(Map<String, Node> latents, Node logQ, Node logJacobian, List<Site> sites,
            Map<String, Node> parameters, List<ScoredSite> scored, List<PlatedSite> plated) {
        public Nodes {
            scored = List.copyOf(scored);
            plated = List.copyOf(plated);
        }

        public Nodes(Map<String, Node> latents, Node logQ, Node logJacobian, List<Site> sites,
                Map<String, Node> parameters, List<ScoredSite> scored) {
            this(latents, logQ, logJacobian, sites, parameters, scored, List.of());
        }

        public Nodes(Map<String, Node> latents, Node logQ, Node logJacobian, List<Site> sites,
                Map<String, Node> parameters) {
            this(latents, logQ, logJacobian, sites, parameters, List.of(), List.of());
        }
    }

    /**
     * A site with one row per datum of the plate: log q of its draw per element, with the
     * guide's parameters held (as in {@link Nodes#logQ}), and its family with the live argument
     * nodes, for an objective that takes its KL from the prior in closed form.
     */
    record PlatedSite(String latent, Node logQ, String family, List<Node> arguments) {
        public PlatedSite {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * A site the score function differentiates: its draw (which passes no gradient) and log q of
     * the draw per element, as a function of the guide's parameters. The score function's
     * surrogate multiplies it; the ELBO's own log q ({@link Nodes#logQ}) holds the parameters
     * constant, as the continuous sites' does. A continuous site's draw is mapped to its
     * support: {@code logJacobian} is that map's log-Jacobian, a term of the cost its score
     * multiplies (null where there is none).
     *
     * <p>A written guide may draw later sites from this one's draw: {@code downstream} names
     * them, and {@code downstreamLogQ} is their log q per particle (held, as in {@link
     * Nodes#logQ}), or null where none does. Both are terms of the cost this site's score
     * multiplies, with the model's factors that depend on them; no other site's are.
     */
    record ScoredSite(String latent, Node value, Node logQ, Node logJacobian, java.util.Set<String> downstream,
            Node downstreamLogQ) {
        public ScoredSite {
            downstream = java.util.Set.copyOf(downstream);
        }

        /** A site no other site's draw depends on, as in the automatic guides. */
        public ScoredSite(String latent, Node value, Node logQ, Node logJacobian) {
            this(latent, value, logQ, logJacobian, java.util.Set.of(), null);
        }

        public ScoredSite(String latent, Node value, Node logQ) {
            this(latent, value, logQ, null);
        }
    }
}
