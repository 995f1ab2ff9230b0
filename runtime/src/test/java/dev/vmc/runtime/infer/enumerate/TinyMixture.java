package dev.vmc.runtime.infer.enumerate;

import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.Gather;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.tensor.Tensor;
import dev.vmc.runtime.transform.Support;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two Gaussian components with fixed weights and unit sds, means mu ~ normal(0, 3), and a
 * per-datum assignment z[n] in {1, 2}: the smallest model with per-element enumeration, written
 * against the runtime directly, as the compiler would lower it.
 */
final class TinyMixture implements Model {
    static final double[] WEIGHTS = {0.3, 0.7};
    final double[] x;

    TinyMixture(double... x) {
        this.x = x;
    }

    @Override
    public List<LatentSpec> latents() {
        return List.of(new LatentSpec("mu", new int[] {2}, Support.REAL),
                new LatentSpec("z", new int[] {x.length}, Support.integer(1, 2)));
    }

    @Override
    public Nodes build(Graph g, Map<String, Node> latents) {
        Node mu = latents.get("mu");
        Node z = latents.get("z");
        Node prior = Distributions.get("normal").logDensities(g, mu, List.of(g.constant(0), g.constant(3)));
        Node assignment = Distributions.get("categorical").logDensities(g, z, List.of(g.constant(Tensor.vector(WEIGHTS))));
        Node means = g.apply(Gather.INSTANCE, mu, g.sub(z, g.constant(1)));
        Node likelihood = Distributions.get("normal").logDensities(g, g.constant(Tensor.vector(x)), List.of(means, g.constant(1)));
        return new Nodes(List.of(new Factor("mu ~ normal(0, 3)", prior, Set.of("mu")),
                new Factor("z ~ categorical(w)", assignment, Set.of("z")),
                new Factor("x ~ normal(mu[z], 1)", likelihood, Set.of("mu", "z"))), Map.of(), Map.of());
    }

    /** log p(x, mu) with z summed out, computed by hand. */
    double marginal(double[] mu) {
        double total = 0;
        for (double m : mu) {
            total += normal(m, 0, 3);
        }
        for (double xn : x) {
            double a = Math.log(WEIGHTS[0]) + normal(xn, mu[0], 1);
            double b = Math.log(WEIGHTS[1]) + normal(xn, mu[1], 1);
            double max = Math.max(a, b);
            total += max + Math.log(Math.exp(a - max) + Math.exp(b - max));
        }
        return total;
    }

    static double normal(double x, double mean, double sd) {
        double r = (x - mean) / sd;
        return -0.5 * r * r - Math.log(sd) - 0.5 * Math.log(2 * Math.PI);
    }
}
