package dev.vmc.runtime.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.GradientCheck;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.Unary;
import dev.vmc.runtime.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BijectionsTest {
    private static final double[] U = {-7, -2.5, -0.3, 0, 0.8, 3, 9};

    static Stream<Support> supports() {
        return Stream.of(Support.REAL, Support.POSITIVE, Support.lower(-2.5), Support.upper(3),
                Support.UNIT_INTERVAL, Support.interval(-1, 4), Support.interval(100, 100.001));
    }

    /** Values spread across the support, including near its ends. */
    private static double[] pointsIn(Support s) {
        double[] out = new double[U.length];
        for (int i = 0; i < U.length; i++) {
            out[i] = Bijections.constrain(U[i], s);
        }
        return out;
    }

    private static Executor run(Graph g, int particles) {
        Executor exec = new Executor(g, particles, ParameterStore.initial(g), new SplittableRandom(3));
        exec.forward();
        return exec;
    }

    @ParameterizedTest
    @MethodSource("supports")
    void unconstrainInvertsConstrain(Support s) {
        for (double u : U) {
            double x = Bijections.constrain(u, s);
            assertTrue(s.contains(x), x + " is in " + s);
            assertEquals(u, Bijections.unconstrain(x, s), 1e-8 * Math.max(1, Math.abs(u)), "u = " + u + " in " + s);
        }
        for (double x : new double[] {-2.4, -0.9, 0.001, 0.5, 0.999, 2.9, 3.99, 100.0005, 250}) {
            if (s.contains(x)) {
                assertEquals(x, Bijections.constrain(Bijections.unconstrain(x, s), s), 1e-12 * Math.max(1, Math.abs(x)),
                        "x = " + x + " in " + s);
            }
        }
    }

    /** The graph's log Jacobian against the log of the finite-difference derivative of the scalar map. */
    @ParameterizedTest
    @MethodSource("supports")
    void logJacobianIsTheLogOfTheDerivative(Support s) {
        Graph g = new Graph();
        Node u = g.constant(Tensor.vector(U));
        Node x = Bijections.constrain(g, u, s);
        Node logJacobian = Bijections.logAbsDetJacobian(g, u, s);
        Executor exec = run(g, 1);
        double expected = 0;
        double tolerance = 0;
        for (int i = 0; i < U.length; i++) {
            double xi = Bijections.constrain(U[i], s);
            assertEquals(xi, exec.value(x).data[i], 0, "graph and scalar maps agree");
            double h = 1e-5;
            double slope = (Bijections.constrain(U[i] + h, s) - Bijections.constrain(U[i] - h, s)) / (2 * h);
            expected += Math.log(Math.abs(slope));
            // truncation error, plus the rounding of x itself, which dominates far from 0 in a narrow interval
            tolerance += 1e-7 + 2 * Math.ulp(Math.abs(xi) + 1) / (2 * h * Math.abs(slope));
        }
        assertEquals(expected, exec.value(logJacobian).item(), tolerance, s.toString());
    }

    /**
     * Gradients of a function of the constrained value plus the log Jacobian, the unconstrained
     * value per particle (a parameter plus noise) as the automatic guide makes it.
     */
    @ParameterizedTest
    @MethodSource("supports")
    void gradientsMatchFiniteDifferences(Support s) {
        Graph g = new Graph();
        Node loc = g.parameter("loc", Tensor.vector(-1.5, 0.2, 2));
        Node u = g.add(loc, g.noise(Leaf.Noise.Kind.NORMAL, 3));
        Node x = Bijections.constrain(g, u, s);
        Node value = g.sum(g.apply(Unary.SIN, x));
        Node root = g.meanOverParticles(g.add(value, Bijections.logAbsDetJacobian(g, u, s)));
        GradientCheck.check(g, root, 4, 1e-5);
    }

    @ParameterizedTest
    @MethodSource("supports")
    void extremeUnconstrainedValuesGiveFiniteValuesAndGradients(Support s) {
        Graph g = new Graph();
        Node u = g.parameter("u", Tensor.vector(-40, 40));
        Node x = Bijections.constrain(g, u, s);
        Node logJacobian = Bijections.logAbsDetJacobian(g, u, s);
        Node root = g.add(g.sum(x), logJacobian);
        Executor exec = run(g, 1);
        assertTrue(exec.value(x).allFinite(), s.toString());
        assertTrue(exec.value(logJacobian).allFinite(), s.toString());
        for (double v : exec.value(x).data) {
            assertTrue(v >= s.lower() && v <= s.upper(), v + " within the closure of " + s);
        }
        exec.backward(root);
        assertTrue(exec.gradient(u).allFinite(), s.toString());
    }

    @Test
    void intervalEndsKeepRelativePrecision() {
        assertEquals(Math.exp(-40), Bijections.constrain(-40, Support.UNIT_INTERVAL), 1e-15 * Math.exp(-40));
        assertEquals(-Math.exp(-40), Bijections.constrain(40, Support.interval(-1, 0)), 1e-15 * Math.exp(-40));
        assertEquals(Math.log(1e-300), Bijections.unconstrain(1e-300, Support.UNIT_INTERVAL), 1e-12);
        double belowOne = Math.nextDown(1.0); // 1 - 2^-53
        assertEquals(53 * Math.log(2), Bijections.unconstrain(belowOne, Support.UNIT_INTERVAL), 1e-12);
        Graph g = new Graph();
        Node u = g.constant(Tensor.vector(-800, 800));
        Node logJacobian = Bijections.logAbsDetJacobian(g, u, Support.UNIT_INTERVAL);
        assertEquals(-1600, run(g, 1).value(logJacobian).item(), 1e-9);
    }

    @Test
    void mapsFollowTheSupport() {
        assertEquals(Math.E, Bijections.constrain(1, Support.POSITIVE), 1e-15);
        assertEquals(3 - Math.E, Bijections.constrain(1, Support.upper(3)), 1e-15);
        assertEquals(1.5, Bijections.constrain(0, Support.interval(-1, 4)), 1e-15);
        assertEquals(-0.7, Bijections.constrain(-0.7, Support.REAL));
        // an infinite bound counts as absent
        assertEquals(2 + Math.E, Bijections.constrain(1, Support.interval(2, Double.POSITIVE_INFINITY)), 1e-15);
        assertEquals(Math.log(0.25), Bijections.unconstrain(2.25, Support.interval(2, Double.POSITIVE_INFINITY)), 1e-15);
    }

    @Test
    void realsAreLeftAlone() {
        Graph g = new Graph();
        Node u = g.parameter("u", Tensor.vector(1, 2));
        assertSame(u, Bijections.constrain(g, u, Support.REAL));
        Node logJacobian = Bijections.logAbsDetJacobian(g, u, Support.REAL);
        assertEquals(0, run(g, 1).value(logJacobian).item());
    }

    @Test
    void perParticleInputGivesOneJacobianPerParticle() {
        Graph g = new Graph();
        Node u = g.add(g.constant(Tensor.vector(0.5, -1)), g.noise(Leaf.Noise.Kind.NORMAL, 2));
        Node logJacobian = Bijections.logAbsDetJacobian(g, u, Support.POSITIVE);
        assertTrue(logJacobian.batched);
        Executor exec = run(g, 5);
        double[] values = exec.value(u).data;
        for (int s = 0; s < 5; s++) {
            assertEquals(values[2 * s] + values[2 * s + 1], exec.value(logJacobian).data[s], 1e-12);
        }
    }

    @Test
    void valuesOutsideTheSupportAreRejectedWithTheSupportNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Bijections.unconstrain(0, Support.POSITIVE));
        assertTrue(e.getMessage().contains("(0, inf)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Bijections.unconstrain(1, Support.UNIT_INTERVAL));
        assertThrows(IllegalArgumentException.class, () -> Bijections.unconstrain(3.5, Support.upper(3)));
        assertThrows(IllegalArgumentException.class, () -> Bijections.unconstrain(Double.NaN, Support.REAL));
        assertThrows(IllegalArgumentException.class, () -> Bijections.unconstrain(Double.POSITIVE_INFINITY, Support.POSITIVE));
        assertThrows(IllegalArgumentException.class, () -> Bijections.constrain(Double.NaN, Support.POSITIVE));
    }

    @Test
    void discreteAndUnresolvedSupportsHaveNoMap() {
        assertThrows(IllegalArgumentException.class, () -> Bijections.forSupport(Support.BINARY));
        assertThrows(IllegalArgumentException.class, () -> Bijections.forSupport(Support.PARAMETER_BOUNDED));
        assertThrows(IllegalArgumentException.class,
                () -> Bijections.constrain(new Graph(), new Graph().constant(1), Support.NONNEGATIVE_INTEGER));
    }
}
