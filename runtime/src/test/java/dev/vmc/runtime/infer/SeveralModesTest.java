package dev.vmc.runtime.infer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Reduce;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;
import dev.vmc.runtime.transform.Support;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Paths that end in different modes are reported, as multi-path Pathfinder reports them. */
class SeveralModesTest {
    /** An even mixture of normal(-6, 1) and normal(6, 1): starts in (-2, 2) reach either mode. */
    private static final Model TWO_MODES = new Model() {
        public List<LatentSpec> latents() {
            return List.of(new LatentSpec("x", Shapes.SCALAR, Support.REAL));
        }

        public Nodes build(Graph g, Map<String, Node> z) {
            // log(0.5 N(x; -6, 1) + 0.5 N(x; 6, 1)): the two components' log densities side by side, then log-sum-exp
            Node left = Distributions.get("normal").logDensity(g, z.get("x"), List.of(g.constant(-6), g.constant(1)));
            Node right = Distributions.get("normal").logDensity(g, z.get("x"), List.of(g.constant(6), g.constant(1)));
            Node pair = g.reshape(g.add(g.mul(left, g.constant(Tensor.vector(1, 0))), g.mul(right, g.constant(Tensor.vector(0, 1)))), 2);
            return Nodes.of(g.add(g.apply(Reduce.LOG_SUM_EXP, pair), g.constant(Math.log(0.5))), Map.of());
        }
    };

    @Test
    void pathsInDifferentModesAreReported() {
        List<String> messages = new ArrayList<>();
        Fitter.fit(TWO_MODES, GuideChoice.automatic(), FitOptions.defaults().withPaths(6).withSeed(2), new FitListener() {
            public void message(String line) {
                messages.add(line);
            }
        });
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("warning: path") && m.contains("several modes")),
                String.join("\n", messages));
    }
}
