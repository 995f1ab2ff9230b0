package dev.vmc.runtime.train;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.Precision;
import dev.vmc.runtime.infer.ElboGraph;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.tensor.DataType;
import dev.vmc.runtime.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws from the model itself: each plated latent from its normal prior, then the likelihood's
 * mean decoded from it, which is what a generative model imagines. Needs every latent on the
 * plate with one normal prior statement whose arguments do not depend on other draws.
 */
final class PriorSamples {
    /** The decoded means, or why there are none. */
    record Drawn(double[][] samples, String why) {}

    private PriorSamples() {}

    static Drawn decode(Model model, ElboGraph elbo, ParameterStore store, int count, DataType type, SplittableRandom random) {
        Map<String, Tensor[]> priors = new LinkedHashMap<>();
        Executor first = Executor.forwardOnly(elbo.graph, 1, store, new SplittableRandom(0), Precision.DOUBLE, type);
        Minibatches.inOrder(model.plate(), elbo.graph).fill(first, 0);
        first.forward();
        for (LatentSpec latent : model.latents()) {
            var statements = elbo.rows.priors().stream().filter(f -> f.sampled().variate().equals(latent.name())).toList();
            if (statements.size() != 1 || !statements.get(0).sampled().family().equals("normal")) {
                return new Drawn(null, "no samples: latent " + latent.name() + " needs one normal prior statement on the plate");
            }
            Node a = statements.get(0).sampled().arguments().get(0);
            Node b = statements.get(0).sampled().arguments().get(1);
            if (dependsOnDraws(elbo.graph, a) || dependsOnDraws(elbo.graph, b)) {
                return new Drawn(null, "no samples: the prior of " + latent.name() + " depends on other draws");
            }
            priors.put(latent.name(), new Tensor[] {first.value(a).copy(), first.value(b).copy()});
        }
        Graph graph = new Graph();
        Map<String, Node> values = new LinkedHashMap<>();
        for (LatentSpec latent : model.latents()) {
            Tensor[] ab = priors.get(latent.name());
            Node noise = graph.noise(Leaf.Noise.Kind.NORMAL, latent.shape());
            values.put(latent.name(), graph.add(graph.constant(ab[0]), graph.mul(graph.constant(ab[1]), noise)));
        }
        Model.Nodes p = model.build(graph, values);
        Node mean = null;
        for (Model.Factor f : p.factors()) {
            boolean onData = f.plate() != null && f.sampled() != null && !values.containsKey(f.sampled().variate());
            if (onData && (mean = Means.of(graph, f)) != null) {
                break;
            }
        }
        if (mean == null) {
            return new Drawn(null, "no samples: no plated likelihood with a mean to picture");
        }
        Executor executor = Executor.forwardOnly(graph, 1, Evaluation.loaded(graph, store), random, Precision.DOUBLE, type);
        Minibatches.inOrder(model.plate(), graph).fill(executor, 0);
        executor.forward();
        int width = mean.modelSize() / mean.shape[0];
        int rows = Math.min(count, mean.shape[0]);
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = java.util.Arrays.copyOfRange(executor.value(mean).data, r * width, (r + 1) * width);
        }
        return new Drawn(out, null);
    }

    private static boolean dependsOnDraws(Graph graph, Node node) {
        boolean[] up = graph.ancestorsOf(node);
        for (Node n : graph.nodes()) {
            if (up[n.id] && n.op instanceof Leaf.Noise) {
                return true;
            }
        }
        return false;
    }
}
