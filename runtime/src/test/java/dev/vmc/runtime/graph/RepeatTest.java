package dev.vmc.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vmc.runtime.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RepeatTest {
    @Test
    void repeatsEachParticlesScalar() {
        Graph g = new Graph();
        Node x = g.noise(Leaf.Noise.Kind.NORMAL);
        Node repeated = g.apply(new Repeat(3), x);
        Executor exec = new Executor(g, 2, ParameterStore.initial(g), new SplittableRandom(4));
        exec.forward();
        double a = exec.value(x).data[0];
        double b = exec.value(x).data[1];
        assertArrayEquals(new double[] {a, a, a, b, b, b}, exec.value(repeated).data, 0);
    }

    /** The gradient of a repeated value is the sum over its copies, shared or per particle. */
    @Test
    void gradientMatchesFiniteDifferences() {
        Graph g = new Graph();
        Node p = g.parameter("p", Tensor.scalar(0.7));
        Node perParticle = g.add(p, g.noise(Leaf.Noise.Kind.NORMAL));
        Node weights = g.constant(Tensor.vector(1, -2, 3.5));
        Node root = g.meanOverParticles(g.add(g.sum(g.mul(weights, g.exp(g.apply(new Repeat(3), perParticle)))),
                g.sum(g.mul(weights, g.apply(new Repeat(3), p)))));
        GradientCheck.check(g, root, 3, 1e-6);
    }

    @Test
    void onlyScalarsRepeat() {
        Graph g = new Graph();
        assertThrows(ShapeException.class, () -> g.apply(new Repeat(2), g.constant(Tensor.vector(1, 2))));
        assertThrows(ShapeException.class, () -> new Repeat(-1));
    }
}
