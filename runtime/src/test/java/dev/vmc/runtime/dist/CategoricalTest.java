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
import org.junit.jupiter.api.Test;

class CategoricalTest {
    private static final double[] THETA = {0.2, 0.3, 0.5};
    private static final double[] BETA = {0.5, -1, 2};

    /** The log density of x under the named family with constant weights: one forward pass. */
    static double logDensity(String name, Tensor x, Tensor weights) {
        Graph g = new Graph();
        Node root = Distributions.get(name).logDensity(g, g.constant(x), List.of(g.constant(weights)));
        Executor exec = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
        exec.forward();
        return exec.value(root).item();
    }

    private static double logSumExp(double... v) {
        double m = Math.max(Math.max(v[0], v[1]), v[2]);
        return m + Math.log(Math.exp(v[0] - m) + Math.exp(v[1] - m) + Math.exp(v[2] - m));
    }

    @Test
    void logMassIsTheSumOfTheChosenLogProbabilities() {
        Tensor x = Tensor.vector(1, 3, 3, 2);
        double expected = Math.log(0.2) + 2 * Math.log(0.5) + Math.log(0.3);
        assertEquals(expected, logDensity("categorical", x, Tensor.vector(THETA)), 1e-12);
        double lse = logSumExp(BETA);
        double expectedLogit = BETA[0] + 2 * BETA[2] + BETA[1] - 4 * lse;
        assertEquals(expectedLogit, logDensity("categorical_logit", x, Tensor.vector(BETA)), 1e-12);
    }

    @Test
    void variateOfAnyShapeAndAScalarVariate() {
        Tensor matrix = new Tensor(new int[] {2, 2}, new double[] {1, 3, 3, 2});
        assertEquals(logDensity("categorical", Tensor.vector(1, 3, 3, 2), Tensor.vector(THETA)),
                logDensity("categorical", matrix, Tensor.vector(THETA)), 1e-12);
        assertEquals(Math.log(0.3), logDensity("categorical", Tensor.scalar(2), Tensor.vector(THETA)), 1e-12);
    }

    @Test
    void massesSumToOne() {
        for (String name : List.of("categorical", "categorical_logit")) {
            Tensor w = Tensor.vector(name.equals("categorical") ? THETA : BETA);
            double total = 0;
            for (int k = 1; k <= 3; k++) {
                total += Math.exp(logDensity(name, Tensor.scalar(k), w));
            }
            assertEquals(1, total, 1e-12, name);
        }
    }

    @Test
    void extremeLogitsStayFinite() {
        Tensor beta = Tensor.vector(1000, 0, -1000);
        assertEquals(0, logDensity("categorical_logit", Tensor.scalar(1), beta), 1e-12);
        assertEquals(-2000, logDensity("categorical_logit", Tensor.scalar(3), beta), 1e-9);
    }

    @Test
    void valuesOutsideOneToKAreImpossible() {
        for (double bad : new double[] {0, 4, 1.5, -1, Double.NaN}) {
            Tensor x = Tensor.vector(1, bad);
            assertEquals(Double.NEGATIVE_INFINITY, logDensity("categorical", x, Tensor.vector(THETA)), "x = " + bad);
            assertEquals(Double.NEGATIVE_INFINITY, logDensity("categorical_logit", x, Tensor.vector(BETA)), "x = " + bad);
        }
    }

    @Test
    void aZeroProbabilityIsHarmlessUnlessChosen() {
        Tensor theta = Tensor.vector(0, 0.4, 0.6);
        assertEquals(Math.log(0.4) + Math.log(0.6), logDensity("categorical", Tensor.vector(2, 3), theta), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, logDensity("categorical", Tensor.vector(1, 3), theta));
    }

    /** Weights per particle (through noise) against a matrix of data, and data per particle too. */
    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor data = new Tensor(new int[] {2, 3}, new double[] {1, 3, 3, 2, 3, 1});
        for (String name : List.of("categorical", "categorical_logit")) {
            Graph g = new Graph();
            Node w = g.parameter("w", Tensor.vector(name.equals("categorical") ? THETA : BETA));
            Node noise = g.noise(Leaf.Noise.Kind.UNIFORM, 3);
            Node perParticle = g.mul(w, g.add(g.constant(1), g.mul(g.constant(0.01), noise)));
            Node shared = Distributions.get(name).logDensity(g, g.constant(data), List.of(perParticle));
            // the same data made per particle (adding 0 * noise) exercises the batched-variate path
            Node batchedData = g.add(g.constant(Tensor.vector(2, 2, 1)), g.mul(g.constant(0), noise));
            Node batched = Distributions.get(name).logDensity(g, batchedData, List.of(w));
            Node root = g.meanOverParticles(g.add(shared, batched));
            GradientCheck.check(g, root, 4, 1e-6);
        }
    }

    /** A matrix of weights needs one row per element of a vector variate (see CategoricalRowsTest). */
    @Test
    void weightsMustBeAVectorOrOneRowPerElement() {
        Graph g = new Graph();
        Node matrix = g.constant(new Tensor(new int[] {2, 3}, new double[6]));
        assertThrows(ShapeException.class,
                () -> Distributions.get("categorical").logDensity(g, g.constant(Tensor.vector(1, 2, 3)), List.of(matrix)));
    }

    @Test
    void signature() {
        for (String name : List.of("categorical", "categorical_logit")) {
            Distribution d = Distributions.get(name);
            assertEquals(1, d.parameterRank(0));
            assertEquals(Support.Kind.INTEGER, d.support().kind());
            assertEquals(1, d.support().lower());
            assertTrue(d.isDiscrete());
        }
    }
}
