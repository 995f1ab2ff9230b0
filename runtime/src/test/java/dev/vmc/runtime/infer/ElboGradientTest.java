package dev.vmc.runtime.infer;

import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.GradientCheck;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.guide.Guide;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;
import dev.vmc.runtime.transform.Support;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole ELBO graph, guide and model together, differentiated against finite differences
 * with the noise held fixed: covers the flattening, the constraining maps and their
 * Jacobians and the Cholesky factor in one go. The root is the mean of log p: log q holds the
 * guide's parameters constant on purpose (the sticking-the-landing gradient), so its gradient
 * is not the derivative of its value; ClosedFormTest checks that the whole estimator is unbiased.
 */
class ElboGradientTest {
    /** Three latents, one per kind of constraint, and a learnable model parameter. */
    private static final Model MODEL = new Model() {
        public List<LatentSpec> latents() {
            return List.of(new LatentSpec("mu", Shapes.SCALAR, Support.REAL),
                    new LatentSpec("tau", Shapes.SCALAR, Support.POSITIVE),
                    new LatentSpec("p", new int[] {3}, Support.interval(0, 1)));
        }

        public Nodes build(Graph g, Map<String, Node> z) {
            Node shift = g.parameter("shift", Tensor.scalar(0.3));
            Node logJoint = g.add(
                    Distributions.get("normal").logDensity(g, z.get("mu"), List.of(g.constant(0), g.constant(1))),
                    Distributions.get("gamma").logDensity(g, z.get("tau"), List.of(g.constant(2), g.constant(1))));
            logJoint = g.add(logJoint,
                    Distributions.get("beta").logDensity(g, z.get("p"), List.of(g.constant(2), g.constant(3))));
            Node y = g.constant(Tensor.vector(0.5, 1.5, -0.2));
            Node loc = g.add(g.add(z.get("mu"), shift), z.get("p"));
            logJoint = g.add(logJoint, Distributions.get("normal").logDensity(g, y, List.of(loc, z.get("tau"))));
            return Nodes.of(logJoint, Map.of());
        }
    };

    private static void check(Guide guide) {
        ElboGraph elbo = ElboGraph.build(MODEL, guide);
        // move off the initial point so that no parameter sits where a derivative vanishes
        for (Node p : elbo.graph.parameters()) {
            Tensor init = ((dev.vmc.runtime.graph.Leaf.Parameter) p.op).initial();
            for (int i = 0; i < init.size(); i++) {
                init.data[i] += 0.1 * ((i * 7 + 3) % 5 - 2);
            }
        }
        GradientCheck.check(elbo.graph, elbo.graph.meanOverParticles(elbo.logP), 4, 1e-5);
    }

    @Test
    void meanFieldElboGradientMatchesFiniteDifferences() {
        check(GaussianGuide.meanField());
    }

    @Test
    void fullRankElboGradientMatchesFiniteDifferences() {
        check(GaussianGuide.fullRank());
    }

    @Test
    void lowRankElboGradientMatchesFiniteDifferences() {
        check(GaussianGuide.lowRank());
    }
}
