package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.GradientCheck;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reverse-mode gradients of each summed log density through the graph: scalar parameters
 * broadcast against a vector variate, one parameter and (for continuous families) the variate
 * made per-particle with noise, so both kinds of broadcasting in {@link DensityOp} are exercised.
 */
class GraphGradientTest {
    private static final int PARTICLES = 3;

    static Stream<DensityCase> cases() {
        return DensityCase.all().stream();
    }

    /** v * (1 + 0.01 u): per particle, and inside the support of any positive or unit-interval value. */
    static Node jitter(Graph g, Node v) {
        Node u = g.noise(Leaf.Noise.Kind.UNIFORM, v.shape);
        return g.mul(v, g.add(g.constant(1), g.mul(g.constant(0.01), u)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void logDensityGradientsMatchFiniteDifferences(DensityCase c) {
        Graph g = new Graph();
        Distribution d = c.density();
        Node x = d.isDiscrete()
                ? g.constant(Tensor.vector(c.graphVariates()))
                : jitter(g, g.parameter("x", Tensor.vector(c.graphVariates())));
        List<Node> parameters = new ArrayList<>();
        boolean jittered = false;
        for (int k = 0; k < c.arity(); k++) {
            double value = c.graphParameters()[k];
            if (c.isParameterInteger(k)) {
                parameters.add(g.constant(value));
            } else if (!jittered) {
                parameters.add(jitter(g, g.parameter("p" + k, Tensor.scalar(value))));
                jittered = true;
            } else {
                parameters.add(g.parameter("p" + k, Tensor.scalar(value)));
            }
        }
        Node root = g.meanOverParticles(d.logDensity(g, x, parameters));
        GradientCheck.check(g, root, PARTICLES, 1e-5);
    }
}
