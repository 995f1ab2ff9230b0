package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.GradientCheck;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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

    /**
     * The parameters as vectors: {@code elementwise} gives one value per variate (DensityOp's
     * unit-stride case, e.g. normal with a sigma per element), otherwise the variates are a
     * 2 x 3 matrix and each parameter one row of 3 (the case DensityOp gathers). The
     * shared-scalar case is the test above.
     */
    private static Node vectorCase(Graph g, DensityCase c, boolean elementwise, List<Node> parameters) {
        Distribution d = c.density();
        double[] xs = c.graphVariates();
        double[] variates = elementwise ? xs : new double[] {xs[0], xs[1], xs[2], xs[0], xs[1], xs[2]};
        Tensor xTensor = elementwise ? Tensor.vector(variates) : new Tensor(new int[] {2, 3}, variates);
        Node x = d.isDiscrete() ? g.constant(xTensor) : jitter(g, g.parameter("x", xTensor));
        for (int k = 0; k < c.arity(); k++) {
            double[] values = new double[3];
            for (int j = 0; j < 3; j++) {
                values[j] = c.graphParameters()[k] * (1 + 0.01 * j);
            }
            if (c.isParameterInteger(k)) {
                parameters.add(g.constant(c.graphParameters()[k]));
            } else {
                Node p = g.parameter("p" + k, Tensor.vector(values));
                parameters.add(k == 0 ? jitter(g, p) : p);
            }
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void vectorParameterGradientsMatchFiniteDifferences(DensityCase c) {
        for (boolean elementwise : new boolean[] {true, false}) {
            Graph g = new Graph();
            List<Node> parameters = new ArrayList<>();
            Node x = vectorCase(g, c, elementwise, parameters);
            GradientCheck.check(g, g.meanOverParticles(c.density().logDensity(g, x, parameters)), PARTICLES, 1e-5);
        }
    }

    /** DensityOp's bulk loops (normal's own, the others' per-element default) sum the scalar log densities. */
    @ParameterizedTest
    @MethodSource("cases")
    void bulkLogDensityIsTheSumOfScalarOnes(DensityCase c) {
        for (boolean elementwise : new boolean[] {true, false}) {
            Graph g = new Graph();
            List<Node> parameters = new ArrayList<>();
            Node x = vectorCase(g, c, elementwise, parameters);
            Node root = c.density().logDensity(g, x, parameters);
            ParameterStore store = ParameterStore.initial(g);
            Executor exec = new Executor(g, PARTICLES, store, new SplittableRandom(3));
            exec.forward();
            for (int s = 0; s < PARTICLES; s++) {
                double expected = 0;
                double[] variates = exec.value(x).data;
                int width = x.batched ? variates.length / PARTICLES : variates.length;
                for (int e = 0; e < width; e++) {
                    double[] args = new double[4];
                    args[0] = variates[(x.batched ? s * width : 0) + e];
                    for (int k = 0; k < parameters.size(); k++) {
                        Node p = parameters.get(k);
                        double[] v = exec.value(p).data;
                        int size = p.batched ? v.length / PARTICLES : v.length;
                        args[k + 1] = v[(p.batched ? s * size : 0) + e % size];
                    }
                    expected += c.density().logDensity(args[0], args[1], args[2], args[3]);
                }
                assertEquals(expected, exec.value(root).data[root.batched ? s : 0], 1e-12 * Math.max(1, Math.abs(expected)),
                        c + (elementwise ? " elementwise" : " row-broadcast") + ", particle " + s);
            }
        }
    }
}
