package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.GradientCheck;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** multinomial's log mass against Stan's and R's, its edge cases, and its gradient in theta. */
class MultinomialTest {
    static double logMass(double[] counts, double[] theta) {
        Graph g = new Graph();
        Node root = Distributions.get("multinomial").logDensity(g, g.constant(Tensor.vector(counts)),
                List.of(g.constant(Tensor.vector(theta))));
        Executor exec = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
        exec.forward();
        return exec.value(root).item();
    }

    /** rstan 2.21's multinomial_lpmf, printed to 17 digits (the first also R's dmultinom). */
    @Test
    void agreesWithStan() {
        assertEquals(-6.065140366499314, logMass(new double[] {3, 0, 5, 2}, new double[] {0.1, 0.2, 0.4, 0.3}), 1e-12);
        assertEquals(-4.8520302639196169, logMass(new double[] {0, 0, 7}, new double[] {0.2, 0.3, 0.5}), 1e-12);
        assertEquals(-38.898492495765147, logMass(new double[] {100, 250, 1, 0}, new double[] {0.3, 0.6, 0.05, 0.05}), 1e-11);
    }

    /** Over every way to put 4 counts in 3 categories the masses sum to 1. */
    @Test
    void massesOverAFixedTotalSumToOne() {
        double[] theta = {0.15, 0.6, 0.25};
        double total = 0;
        for (int a = 0; a <= 4; a++) {
            for (int b = 0; a + b <= 4; b++) {
                total += Math.exp(logMass(new double[] {a, b, 4 - a - b}, theta));
            }
        }
        assertEquals(1, total, 1e-14);
    }

    @Test
    void edgeCases() {
        // no counts where the probability is 0: 0 log 0 = 0
        assertEquals(Math.log(3) + 3 * Math.log(0.5), logMass(new double[] {1, 2, 0}, new double[] {0.5, 0.5, 0}), 1e-14);
        // counts where it is 0, or counts that are not counts
        assertEquals(Double.NEGATIVE_INFINITY, logMass(new double[] {1, 2, 1}, new double[] {0.5, 0.5, 0}));
        assertEquals(Double.NEGATIVE_INFINITY, logMass(new double[] {1, -1, 2}, new double[] {0.2, 0.3, 0.5}));
        assertEquals(Double.NEGATIVE_INFINITY, logMass(new double[] {1, 1.5, 2}, new double[] {0.2, 0.3, 0.5}));
        // no counts at all: the one outcome, probability 1
        assertEquals(0, logMass(new double[] {0, 0}, new double[] {0.4, 0.6}), 0);
        assertThrows(ShapeException.class, () -> logMass(new double[] {1, 2}, new double[] {0.2, 0.3, 0.5}));
    }

    /** d/d theta, shared and per particle, against central differences. */
    @Test
    void gradientMatchesFiniteDifferences() {
        for (int particles : new int[] {1, 3}) {
            Graph g = new Graph();
            Node theta = GraphGradientTest.jitter(g, g.parameter("theta", Tensor.vector(0.1, 0.2, 0.4, 0.3)));
            Node root = Distributions.get("multinomial").logDensity(g, g.constant(Tensor.vector(3, 0, 5, 2)), List.of(theta));
            GradientCheck.check(g, g.meanOverParticles(root), particles, 1e-6);
        }
    }
}
