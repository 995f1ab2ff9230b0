package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Values outside the support have log density -infinity, never NaN, and finite (zero) gradients. */
class OutOfSupportTest {
    private static void impossible(String name, double x, double... p) {
        double[] a = new double[3];
        System.arraycopy(p, 0, a, 0, p.length);
        ScalarDensity d = (ScalarDensity) Distributions.get(name);
        assertEquals(Double.NEGATIVE_INFINITY, d.logDensity(x, a[0], a[1], a[2]), name + " at " + x);
        double[] g = new double[4];
        d.gradient(x, a[0], a[1], a[2], g);
        for (int k = 0; k <= p.length; k++) {
            assertEquals(0, g[k], name + " at " + x + ": gradient " + k);
        }
    }

    @Test
    void continuousFamilies() {
        impossible("lognormal", -1, 0, 1);
        impossible("lognormal", 0, 0, 1);
        impossible("exponential", -1e-300, 2);
        impossible("gamma", -0.5, 2, 1);
        impossible("beta", -0.1, 2, 2);
        impossible("beta", 1.1, 2, 2);
        impossible("uniform", -1.0001, -1, 2);
        impossible("uniform", 2.5, -1, 2);
        impossible("half_normal", -0.5, 1);
        impossible("half_cauchy", -0.5, 1);
    }

    @Test
    void discreteFamilies() {
        for (double x : new double[] {-1, 0.5, 2, Double.NaN}) {
            impossible("bernoulli", x, 0.3);
            impossible("bernoulli_logit", x, 0.3);
        }
        for (double x : new double[] {-1, 2.5, 11, Double.POSITIVE_INFINITY}) {
            impossible("binomial", x, 10, 0.3);
            impossible("binomial_logit", x, 10, 0.3);
        }
        for (double x : new double[] {-1, 1.5, Double.POSITIVE_INFINITY}) {
            impossible("poisson", x, 2);
            impossible("poisson_log", x, 2);
        }
    }

    @Test
    void zeroProbabilityEventsAreMinusInfinityNotNaN() {
        ScalarDensity bernoulli = (ScalarDensity) Distributions.get("bernoulli");
        assertEquals(Double.NEGATIVE_INFINITY, bernoulli.logDensity(1, 0, 0, 0));
        assertEquals(Double.NEGATIVE_INFINITY, bernoulli.logDensity(0, 1, 0, 0));
        ScalarDensity binomial = (ScalarDensity) Distributions.get("binomial");
        assertEquals(Double.NEGATIVE_INFINITY, binomial.logDensity(2, 5, 0, 0));
        assertEquals(Double.NEGATIVE_INFINITY, binomial.logDensity(2, 5, 1, 0));
        ScalarDensity poisson = (ScalarDensity) Distributions.get("poisson");
        assertEquals(Double.NEGATIVE_INFINITY, poisson.logDensity(3, 0, 0, 0));
        ScalarDensity poissonLog = (ScalarDensity) Distributions.get("poisson_log");
        assertEquals(0, poissonLog.logDensity(0, Double.NEGATIVE_INFINITY, 0, 0));
    }

    @Test
    void oneImpossibleElementMakesTheSumImpossibleWithoutPoisoningTheGradient() {
        Graph g = new Graph();
        Node rate = g.parameter("rate", Tensor.scalar(1.5));
        Node root = Distributions.get("exponential").logDensity(g, g.constant(Tensor.vector(0.5, -2, 1)), java.util.List.of(rate));
        Executor exec = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
        exec.forward();
        assertEquals(Double.NEGATIVE_INFINITY, exec.value(root).item());
        exec.backward(root);
        assertTrue(exec.gradient(rate).allFinite());
        assertEquals(2 / 1.5 - 1.5, exec.gradient(rate).item(), 1e-12);
    }
}
