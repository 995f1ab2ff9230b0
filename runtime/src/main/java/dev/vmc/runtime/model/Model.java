package dev.vmc.runtime.model;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A probabilistic model with its data bound: a joint density over latents (and any learnable
 * parameters it declares with {@link Graph#parameter}), handed to inference as factors. The
 * compiler produces these from .vmodel files; Java code may implement it directly.
 */
public interface Model {
    /** Continuous and discrete latents, in declaration order. */
    List<LatentSpec> latents();

    /** The latent of this name. */
    default LatentSpec latent(String name) {
        return latents().stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no latent " + name));
    }

    /**
     * Adds the model's factors to the graph, given nodes holding each latent's constrained value
     * per particle. A latent that inference enumerates arrives as a node with one more leading
     * axis, its values (see {@link dev.vmc.runtime.infer.enumerate.Enumeration}); the model builds
     * on it as on any value.
     */
    Nodes build(Graph graph, Map<String, Node> latents);

    /** The plate, when the model has one; see {@link Plate}. */
    default Plate plate() {
        return null;
    }

    /**
     * A data dimension whose elements are conditionally independent: plated data and latents
     * have one row per datum. A graph built for minibatches holds {@code batchSize} rows of them
     * (the data in {@link dev.vmc.runtime.graph.Leaf.Batch} leaves, which the trainer fills from
     * {@code data}), and the plated factors are scaled by size / batchSize.
     *
     * @param name      the size's name in the program
     * @param size      the whole data's count
     * @param batchSize the rows the graph holds: size when it is built for the whole data
     * @param data      each plated data variable's values for every datum (first axis: size), by name
     */
    record Plate(String name, int size, int batchSize, Map<String, Tensor> data) {
        /** The label of the minibatch leaf holding the batch's row numbers (0-based), which per-datum parameters are indexed by. */
        public static final String ROWS = "rows of the plate";

        public boolean subsampled() {
            return batchSize < size;
        }

        /** What a plated factor's sum is multiplied by: N / batch size, which keeps the ELBO unbiased. */
        public double scale() {
            return (double) size / batchSize;
        }
    }

    /**
     * One term of the log joint, as a {@code ~} or {@code target +=} statement gives it: its log
     * density per element, which inference sums, and the latents it depends on, which is what a
     * score-function estimator's Rao-Blackwellisation and enumeration need.
     *
     * @param origin   the statement, for the plan and for messages
     * @param elements log density per element (its shape is the statement's elements), per
     *                 particle where it varies
     * @param latents  the latents it depends on, directly or through definitions; null when not
     *                 known, which inference treats as every latent
     * @param plate    the data dimension its elements run over, or null: the language declares none
     *                 yet, and minibatches will subsample along it
     * @param scale    what its sum is multiplied by in the log joint: 1, or N / batch size for a
     *                 minibatch's likelihood, which keeps the ELBO unbiased
     * @param sampled  for a {@code ~} statement, what it samples and how; null for {@code target +=}
     */
    record Factor(String origin, Node elements, Set<String> latents, String plate, double scale, Sampled sampled) {
        public Factor(String origin, Node elements, Set<String> latents) {
            this(origin, elements, latents, null, 1, null);
        }

        public Factor(String origin, Node elements, Set<String> latents, String plate, double scale) {
            this(origin, elements, latents, plate, scale, null);
        }

        public boolean dependsOn(String latent) {
            return latents == null || latents.contains(latent);
        }

        /** The factor summed over its elements and scaled: its term of the log joint. */
        public Node total(Graph graph) {
            Node sum = elements.rank() == 0 ? elements : graph.sum(elements);
            return scale == 1 ? sum : graph.mul(graph.constant(scale), sum);
        }
    }

    /**
     * A {@code ~} statement's variate and density: an objective that treats a latent's prior in
     * closed form (the analytic Gaussian KL) reads the family and its arguments here.
     *
     * @param variate   the name on the left of the ~ when it is a plain name, else null
     * @param family    the distribution's name, as the language writes it
     * @param arguments its argument nodes, in order
     */
    record Sampled(String variate, String family, List<Node> arguments) {
        public Sampled {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * @param factors    the log joint's terms; their sum over elements and factors is log p(data, latents)
     * @param derived    named deterministic functions of the latents to report with them, in order; a
     *                   latent the model maps to its support itself (bounds that are other latents)
     *                   is here under its own name, and this value replaces the one the guide
     *                   drew in what is reported
     * @param parameters the learnable parameters on their constrained scale, by name, to report
     *                   as point estimates
     * @param summarised deterministic functions of the draws reported by their summary alone, not
     *                   in draws.csv (an enumerated latent's conditional probabilities: their means
     *                   are the answer, and a mixture has thousands)
     */
    record Nodes(List<Factor> factors, Map<String, Node> derived, Map<String, Node> parameters,
            Map<String, Node> summarised) {
        public Nodes {
            factors = List.copyOf(factors);
        }

        public Nodes(List<Factor> factors, Map<String, Node> derived, Map<String, Node> parameters) {
            this(factors, derived, parameters, Map.of());
        }

        /** A model given as one summed log joint, one value per particle: a factor of every latent. */
        public static Nodes of(Node logJoint, Map<String, Node> derived) {
            return new Nodes(List.of(new Factor("the log joint", logJoint, null)), derived, Map.of());
        }

        /** log p(data, latents): every factor summed over its elements, then together; 0 for none. */
        public Node logJoint(Graph graph) {
            return total(graph, factors);
        }

        public static Node total(Graph graph, List<Factor> factors) {
            List<Node> totals = new ArrayList<>();
            for (Factor f : factors) {
                totals.add(f.total(graph));
            }
            if (totals.isEmpty()) {
                return graph.constant(0);
            }
            Node sum = totals.get(0);
            for (int i = 1; i < totals.size(); i++) {
                sum = graph.add(sum, totals.get(i));
            }
            return sum;
        }
    }
}
