package dev.vmc.runtime.guide;

import dev.vmc.runtime.dist.Distribution;
import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;
import dev.vmc.runtime.transform.Bijections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Continuous latents whose gradient the score function estimates, as asked
 * ({@code --estimator mu=score}): the seeds' REINFORCE on a mean-field Gaussian. Each coordinate
 * on the unconstrained scale is normal(loc, exp(log_scale)); the draw is held (stop-gradient), so
 * no gradient flows through it, and its log q per element with the parameters live is what the
 * score function differentiates. It is there to compare and to teach: the pathwise estimator of
 * the same guide has far less variance.
 */
final class ScoredGaussianSites {
    private ScoredGaussianSites() {}

    static Guide.Nodes build(Graph graph, List<LatentSpec> latents) {
        Distribution normal = Distributions.get("normal");
        Map<String, Node> values = new LinkedHashMap<>();
        List<Site> sites = new ArrayList<>();
        List<Guide.ScoredSite> scored = new ArrayList<>();
        Node logQ = graph.constant(0);
        Node logJacobian = graph.constant(0);
        for (LatentSpec latent : latents) {
            graph.setOrigin("the score-function guide of " + latent.name());
            int[] shape = latent.unconstrainedShape();
            Node loc = graph.parameter("guide." + latent.name() + ".loc", new Tensor(shape));
            Node logScale = graph.parameter("guide." + latent.name() + ".log_scale",
                    Tensor.filled(shape, Math.log(GaussianGuide.INITIAL_SCALE)));
            Node scale = graph.exp(logScale);
            Node noise = graph.noise(Leaf.Noise.Kind.NORMAL, shape);
            Node u = graph.stopGradient(graph.add(loc, graph.mul(scale, noise)));
            logQ = graph.add(logQ, normal.logDensity(graph, u, List.of(graph.stopGradient(loc), graph.stopGradient(scale))));
            Node live = normal.logDensities(graph, u, List.of(loc, scale));
            if (live.rank() != 0 && Shapes.size(shape) != Shapes.size(latent.shape())) {
                live = graph.sum(live); // a simplex's coordinates are not its elements
            }
            Node value = Bijections.constrain(graph, u, latent.support(), latent.shape());
            Node jacobian = Bijections.logAbsDetJacobian(graph, u, latent.support(), latent.shape());
            logJacobian = graph.add(logJacobian, jacobian);
            values.put(latent.name(), value);
            scored.add(new Guide.ScoredSite(latent.name(), value, live, jacobian));
            sites.add(new Site(latent.name(), latent.shape(), latent.support(), "mean-field normal, its draw held",
                    Estimator.SCORE_FUNCTION, "its draw passes no gradient"));
        }
        return new Guide.Nodes(values, logQ, logJacobian, sites, Map.of(), scored);
    }
}
