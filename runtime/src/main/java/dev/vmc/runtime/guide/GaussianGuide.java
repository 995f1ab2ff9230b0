package dev.vmc.runtime.guide;

import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.model.FlatLatents;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.tensor.Tensor;
import dev.vmc.runtime.transform.Support;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The automatic guide, as in Stan's ADVI: every latent is mapped to the unconstrained space,
 * all of them are flattened into one vector u, and u is Gaussian, u = loc + scale * eps.
 * Mean-field scales each coordinate; full-rank multiplies by a Cholesky factor. Flattening
 * means one noise draw, one affine map and one entropy for the whole model, whatever its size.
 */
public abstract class GaussianGuide implements Guide {
    /** Initial standard deviation on the unconstrained scale: small, so early gradients are not noise. */
    static final double INITIAL_SCALE = 0.1;

    public static GaussianGuide meanField() {
        return new MeanField();
    }

    public static GaussianGuide fullRank() {
        return new FullRank();
    }

    /** The scale applied to the noise, and the sum of the log of its diagonal (log |det scale|). */
    protected record Scale(Node scaledNoise, Node logDeterminant) {}

    protected abstract Scale scale(Graph graph, Node noise, int dimension);

    protected abstract String family();

    @Override
    public Nodes build(Graph graph, List<LatentSpec> latents) {
        graph.setOrigin("the automatic " + name() + " guide");
        int d = new FlatLatents(latents).dimension();
        Node noise = graph.noise(Leaf.Noise.Kind.NORMAL, d);
        Node loc = graph.parameter("guide.loc", new Tensor(new int[] {d}));
        Scale scale = scale(graph, noise, d);
        Node u = graph.add(loc, scale.scaledNoise());

        Node standardLogDensity = Distributions.get("normal")
                .logDensity(graph, noise, List.of(graph.constant(0), graph.constant(1)));
        Node logQ = graph.sub(standardLogDensity, scale.logDeterminant());
        Node entropy = graph.add(scale.logDeterminant(), graph.constant(0.5 * d * (1 + Special.LOG_2PI)));

        FlatLatents.Split split = new FlatLatents(latents).split(graph, u, "the automatic guide");
        List<Site> sites = new ArrayList<>();
        for (LatentSpec latent : latents) {
            sites.add(new Site(latent.name(), latent.shape(), latent.support(), family() + describeMap(latent.support()),
                    Estimator.REPARAMETERISED, "the Gaussian guide is reparameterisable"));
        }
        return new Nodes(split.values(), logQ, split.logJacobian(), entropy, sites, Map.of());
    }

    private static String describeMap(Support s) {
        switch (s.kind()) {
            case LOWER: return ", through exp";
            case UPPER: return ", through -exp";
            case INTERVAL: return ", through a scaled logit";
            default: return "";
        }
    }

    private static final class MeanField extends GaussianGuide {
        public String name() {
            return "meanfield";
        }

        protected String family() {
            return "mean-field normal";
        }

        protected Scale scale(Graph graph, Node noise, int d) {
            Node logScale = graph.parameter("guide.log_scale", Tensor.filled(new int[] {d}, Math.log(INITIAL_SCALE)));
            return new Scale(graph.mul(graph.exp(logScale), noise), graph.sum(logScale));
        }
    }

    private static final class FullRank extends GaussianGuide {
        public String name() {
            return "fullrank";
        }

        protected String family() {
            return "full-rank normal";
        }

        protected Scale scale(Graph graph, Node noise, int d) {
            Tensor init = new Tensor(new int[] {d, d});
            for (int i = 0; i < d; i++) {
                init.data[i * d + i] = Math.log(INITIAL_SCALE);
            }
            Node raw = graph.parameter("guide.scale_tril", init);
            Node factor = graph.apply(CholeskyFactor.INSTANCE, raw);
            Node logDiagonal = graph.apply(Diagonal.INSTANCE, raw);
            return new Scale(graph.matmul(factor, noise), graph.sum(logDiagonal));
        }
    }
}
