package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.GradientCheck;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Tensor;
import dev.vmc.runtime.transform.Support;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class DirichletTest {
    private static double logDensity(Tensor x, Tensor alpha) {
        Graph g = new Graph();
        Node root = Distributions.get("dirichlet").logDensity(g, g.constant(x), List.of(g.constant(alpha)));
        Executor exec = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
        exec.forward();
        return exec.value(root).item();
    }

    /** With whole alphas the normaliser is a ratio of factorials: Gamma(10) / (Gamma(2) Gamma(3) Gamma(5)) = 7560. */
    @Test
    void matchesTheFormulaWithFactorials() {
        double[] x = {0.2, 0.3, 0.5};
        double expected = Math.log(7560) + Math.log(0.2) + 2 * Math.log(0.3) + 4 * Math.log(0.5);
        assertEquals(expected, logDensity(Tensor.vector(x), Tensor.vector(2, 3, 5)), 1e-12);
    }

    @Test
    void matchesTheFormulaWithCommonsMathLogGamma() {
        double[] x = {0.05, 0.6, 0.15, 0.2};
        double[] alpha = {0.7, 2.5, 1, 13.25};
        double sum = 0;
        double expected = 0;
        for (int k = 0; k < x.length; k++) {
            sum += alpha[k];
            expected += (alpha[k] - 1) * Math.log(x[k]) - Gamma.logGamma(alpha[k]);
        }
        expected += Gamma.logGamma(sum);
        assertEquals(expected, logDensity(Tensor.vector(x), Tensor.vector(alpha)), 1e-12);
    }

    /** Two categories: the first value is beta(alpha_1, alpha_2). */
    @Test
    void twoCategoriesAreABeta() {
        for (double p : new double[] {0.01, 0.3, 0.77}) {
            double expected = new BetaDistribution(1.5, 4.2).logDensity(p);
            assertEquals(expected, logDensity(Tensor.vector(p, 1 - p), Tensor.vector(1.5, 4.2)), 1e-10, "at " + p);
        }
    }

    /** dirichlet(1, 2, 1) at (0, 0.5, 0.5): Gamma(4) / Gamma(2) = 6, times 0.5^1. */
    @Test
    void aZeroValueCostsNothingWhereItsAlphaIsOne() {
        assertEquals(Math.log(6 * 0.5), logDensity(Tensor.vector(0, 0.5, 0.5), Tensor.vector(1, 2, 1)), 1e-12);
    }

    @Test
    void negativeValuesAreImpossible() {
        assertEquals(Double.NEGATIVE_INFINITY, logDensity(Tensor.vector(-0.1, 0.6, 0.5), Tensor.vector(2, 3, 5)));
    }

    /** x and alpha both per particle (through noise), and each shared, against central differences. */
    @Test
    void partialsMatchFiniteDifferences() {
        Graph g = new Graph();
        Node x = g.parameter("x", Tensor.vector(0.2, 0.3, 0.5));
        Node alpha = g.parameter("alpha", Tensor.vector(0.8, 3, 5.5));
        Node noise = g.noise(Leaf.Noise.Kind.UNIFORM, 3);
        Node jitter = g.add(g.constant(1), g.mul(g.constant(0.01), noise));
        Distribution d = Distributions.get("dirichlet");
        Node bothPerParticle = d.logDensity(g, g.mul(x, jitter), List.of(g.mul(alpha, jitter)));
        Node xPerParticle = d.logDensity(g, g.mul(x, jitter), List.of(alpha));
        Node alphaPerParticle = d.logDensity(g, x, List.of(g.mul(alpha, jitter)));
        Node root = g.meanOverParticles(g.add(bothPerParticle, g.add(xPerParticle, alphaPerParticle)));
        GradientCheck.check(g, root, 4, 1e-6);
    }

    @Test
    void alphaMustHaveTheVariatesSize() {
        Graph g = new Graph();
        assertThrows(ShapeException.class, () -> Distributions.get("dirichlet")
                .logDensity(g, g.constant(Tensor.vector(0.5, 0.5)), List.of(g.constant(Tensor.vector(1, 1, 1)))));
    }

    @Test
    void signature() {
        Distribution d = Distributions.get("dirichlet");
        assertEquals(List.of("alpha"), d.parameterNames());
        assertEquals(List.of(Support.POSITIVE), d.parameterSupports());
        assertEquals(1, d.parameterRank(0));
        assertEquals(Support.SIMPLEX, d.support());
        assertTrue(!d.isDiscrete() && !d.isReparameterisable());
    }
}
