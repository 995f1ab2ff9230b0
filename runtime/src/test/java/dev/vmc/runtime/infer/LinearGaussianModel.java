package dev.vmc.runtime.infer;

import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.transform.Support;
import java.util.List;
import java.util.Map;

/**
 * The seeds' linear-Gaussian model, written against the runtime alone: z ~ normal(0, 1),
 * x ~ normal(w z, sigma). With q = normal(m, s) everything about the ELBO is known exactly.
 */
record LinearGaussianModel(double x, double w, double sigma) implements Model {
    double optimalMean() {
        return w * x / (w * w + sigma * sigma);
    }

    double optimalSd() {
        return Math.sqrt(sigma * sigma / (w * w + sigma * sigma));
    }

    /** The exact ELBO of q = normal(m, s). */
    double elbo(double m, double s) {
        double log2pi = Math.log(2 * Math.PI);
        double prior = -0.5 * (m * m + s * s) - 0.5 * log2pi;
        double residual = (x - w * m) * (x - w * m) + w * w * s * s;
        double likelihood = -0.5 * residual / (sigma * sigma) - Math.log(sigma) - 0.5 * log2pi;
        double entropy = Math.log(s) + 0.5 * (1 + log2pi);
        return prior + likelihood + entropy;
    }

    /** d ELBO / d m and d ELBO / d log s. */
    double[] elboGradient(double m, double s) {
        double dm = -m + w * (x - w * m) / (sigma * sigma);
        double dlogs = -s * s - w * w * s * s / (sigma * sigma) + 1;
        return new double[] {dm, dlogs};
    }

    @Override
    public List<LatentSpec> latents() {
        return List.of(new LatentSpec("z", Shapes.SCALAR, Support.REAL));
    }

    @Override
    public Nodes build(Graph g, Map<String, Node> latents) {
        Node z = latents.get("z");
        Node prior = Distributions.get("normal").logDensity(g, z, List.of(g.constant(0), g.constant(1)));
        Node likelihood = Distributions.get("normal").logDensity(g, g.constant(x),
                List.of(g.mul(g.constant(w), z), g.constant(sigma)));
        return Nodes.of(g.add(prior, likelihood), Map.of());
    }
}
