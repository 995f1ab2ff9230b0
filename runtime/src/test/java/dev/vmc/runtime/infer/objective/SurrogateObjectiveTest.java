package dev.vmc.runtime.infer.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.GradientCheck;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The pieces on their own: the reported ELBO is untouched by the surrogates, the leave-one-out
 * baseline's values, gradient and particle count, and the decaying average's recursion.
 */
class SurrogateObjectiveTest {
    private static final int PARTICLES = 5;
    private static final int STEPS = 20;

    /** The ELBO stand-in, mean f, on the same seed with and without the surrogates: equal bit for bit. */
    @Test
    void theReportedElboIsWhatItWasWithoutTheSurrogate() {
        double[] without = elboValues(false);
        double[] with = elboValues(true);
        assertArrayEquals(without, with, 0);
    }

    private static double[] elboValues(boolean withSurrogates) {
        DiscreteToy toy = DiscreteToy.categorical(50, true);
        Graph g = toy.graph();
        Node elbo = g.meanOverParticles(toy.cost());
        Node objective = elbo;
        DecayingAverageBaseline decaying = null;
        if (withSurrogates) {
            decaying = DecayingAverageBaseline.of(g, toy.cost());
            Node a = ScoreFunction.surrogate(g, toy.logQ(), toy.cost(), decaying.node());
            Node b = ScoreFunction.surrogate(g, toy.logQ(), toy.cost(), LeaveOneOutBaseline.of(g, toy.cost()));
            SurrogateObjective built = SurrogateObjective.build(g, elbo, List.of(a, b));
            assertEquals(elbo, built.elbo());
            objective = built.objective();
        }
        Executor executor = new Executor(g, PARTICLES, ParameterStore.initial(g), new SplittableRandom(11));
        double[] values = new double[STEPS];
        for (int i = 0; i < STEPS; i++) {
            if (decaying != null) {
                decaying.writeTo(executor);
            }
            executor.forward();
            values[i] = executor.value(elbo).item();
            // the objective's value is the ELBO's exactly: the surrogates enter as s - stopGradient(s)
            assertEquals(values[i], executor.value(objective).item(), 0);
            executor.backward(objective);
            if (decaying != null) {
                decaying.update(executor);
            }
        }
        return values;
    }

    @Test
    void withNoSurrogatesTheObjectiveIsTheElbo() {
        Graph g = new Graph();
        Node elbo = g.meanOverParticles(g.noise(Leaf.Noise.Kind.NORMAL));
        SurrogateObjective built = SurrogateObjective.build(g, elbo, List.of());
        assertEquals(elbo, built.objective());
        assertThrows(IllegalArgumentException.class,
                () -> SurrogateObjective.build(g, g.noise(Leaf.Noise.Kind.NORMAL), List.of()));
    }

    @Test
    void leaveOneOutIsTheMeanOfTheOthers() {
        Graph g = new Graph();
        Node cost = g.noise(Leaf.Noise.Kind.NORMAL);
        Node baseline = LeaveOneOutBaseline.of(g, cost);
        Executor executor = new Executor(g, PARTICLES, ParameterStore.initial(g), new SplittableRandom(3));
        executor.forward();
        double[] f = executor.value(cost).data;
        double[] b = executor.value(baseline).data;
        for (int s = 0; s < PARTICLES; s++) {
            double others = 0;
            for (int t = 0; t < PARTICLES; t++) {
                others += t == s ? 0 : f[t];
            }
            assertEquals(others / (PARTICLES - 1), b[s], 1e-12);
        }
    }

    @Test
    void leaveOneOutGradientMatchesFiniteDifferences() {
        Graph g = new Graph();
        Node theta = g.parameter("theta", Tensor.scalar(0.7));
        Node cost = g.add(g.mul(theta, g.noise(Leaf.Noise.Kind.NORMAL)), g.mul(theta, theta));
        Node root = g.meanOverParticles(g.mul(LeaveOneOutBaseline.of(g, cost), g.noise(Leaf.Noise.Kind.NORMAL)));
        GradientCheck.check(g, root, PARTICLES, 1e-6);
    }

    @Test
    void leaveOneOutIsZeroWithOneParticleAndPerElementWithSeveral() {
        Graph g = new Graph();
        Node cost = g.noise(Leaf.Noise.Kind.NORMAL, 2);
        Node baseline = LeaveOneOutBaseline.of(g, cost);
        Executor one = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
        one.forward();
        assertEquals(0, one.value(baseline).data[0]);
        Executor three = new Executor(g, 3, ParameterStore.initial(g), new SplittableRandom(1));
        three.forward();
        double[] c = three.value(cost).data;
        double[] b = three.value(baseline).data;
        for (int s = 0; s < 3; s++) {
            for (int e = 0; e < 2; e++) {
                double others = 0;
                for (int t = 0; t < 3; t++) {
                    others += t == s ? 0 : c[t * 2 + e];
                }
                assertEquals(others / 2, b[s * 2 + e], 1e-15);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> LeaveOneOutBaseline.of(g, g.constant(1)));
    }

    @Test
    void decayingAverageStartsAtTheFirstMeanCostThenDecays() {
        Graph g = new Graph();
        Node cost = g.noise(Leaf.Noise.Kind.NORMAL);
        DecayingAverageBaseline baseline = DecayingAverageBaseline.of(g, cost);
        assertEquals(0, baseline.value());
        baseline.update(2);
        assertEquals(2, baseline.value());
        baseline.update(4);
        assertEquals(0.9 * 2 + 0.1 * 4, baseline.value(), 1e-15);

        Executor executor = new Executor(g, PARTICLES, ParameterStore.initial(g), new SplittableRandom(3));
        baseline.writeTo(executor);
        executor.forward();
        for (double v : executor.value(baseline.node()).data) {
            assertEquals(baseline.value(), v, "every particle sees the same baseline");
        }
        double mean = 0;
        for (double v : executor.value(cost).data) {
            mean += v / PARTICLES;
        }
        double before = baseline.value();
        baseline.update(executor);
        assertEquals(0.9 * before + 0.1 * mean, baseline.value(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> DecayingAverageBaseline.of(g, cost, 1));
    }

    @Test
    void theSurrogateWantsLogQPerParticleAndACostOfItsShapeOrScalar() {
        Graph g = new Graph();
        Node perParticle = g.noise(Leaf.Noise.Kind.NORMAL);
        assertThrows(IllegalArgumentException.class, () -> ScoreFunction.surrogate(g, g.constant(1), perParticle));
        ScoreFunction.surrogate(g, g.noise(Leaf.Noise.Kind.NORMAL, 2), perParticle); // one cost for every element
        assertThrows(RuntimeException.class,
                () -> ScoreFunction.surrogate(g, g.noise(Leaf.Noise.Kind.NORMAL, 2), g.noise(Leaf.Noise.Kind.NORMAL, 3)));
    }
}
