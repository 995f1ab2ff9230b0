package dev.vmc.runtime.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.GradientCheck;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The mean-field guide's fused squared norm against finite differences and its formula. */
class ScaledSquaredNormTest {
    private static Node norm(Graph g) {
        Node x = g.add(g.parameter("x", Tensor.vector(0.3, -1.2, 2.0)), g.noise(Leaf.Noise.Kind.NORMAL, 3));
        Node loc = g.parameter("loc", Tensor.vector(0.5, 0.1, -0.7));
        Node logScale = g.parameter("log_scale", Tensor.vector(-0.4, 0.2, 0.9));
        return g.apply(ScaledSquaredNorm.INSTANCE, x, loc, logScale);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Graph g = new Graph();
        Node n = norm(g);
        GradientCheck.check(g, g.meanOverParticles(g.mul(n, n)), 4, 1e-6);
    }

    @Test
    void valueIsTheSumOfSquaredStandardisedDeviations() {
        Graph g = new Graph();
        Node x = g.constant(Tensor.vector(1, 2, 3));
        Node loc = g.constant(Tensor.vector(0, 1, 5));
        Node logScale = g.constant(Tensor.vector(0, Math.log(2), Math.log(4)));
        Node n = g.apply(ScaledSquaredNorm.INSTANCE, x, loc, logScale);
        Executor e = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
        e.forward();
        assertEquals(1 + 0.25 + 0.25, e.value(n).item(), 1e-15);
    }
}
