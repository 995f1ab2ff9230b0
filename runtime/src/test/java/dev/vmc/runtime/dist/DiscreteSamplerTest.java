package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The discrete samplers' draws against the exact mass functions ({@link Frequencies}: chi-square
 * at significance 1e-4 on 100,000 draws), extremes included, and their shapes and determinism.
 */
class DiscreteSamplerTest {
    private static final int DRAWS = 100_000;

    /** Draws of the given shape, each parameter a constant shared by every draw, one particle. */
    private static double[] draw(String name, int[] shape, Tensor... parameters) {
        Graph g = new Graph();
        List<Node> p = new ArrayList<>();
        for (Tensor t : parameters) {
            p.add(g.constant(t));
        }
        Node sample = Distributions.get(name).sample(g, p, shape);
        Executor exec = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(20261201L + name.hashCode()));
        exec.forward();
        return exec.value(sample).data.clone();
    }

    private static double[] draws(String name, double... parameters) {
        return draw(name, new int[] {DRAWS}, Arrays.stream(parameters).mapToObj(Tensor::scalar).toArray(Tensor[]::new));
    }

    private static IntToDoubleFunction binomialMass(int n, double p) {
        BinomialDistribution b = new BinomialDistribution(null, n, p);
        return b::probability;
    }

    private static IntToDoubleFunction poissonMass(double lambda) {
        PoissonDistribution d = new PoissonDistribution(null, lambda, PoissonDistribution.DEFAULT_EPSILON,
                PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        return d::probability;
    }

    /** Beyond lambda + 40 sqrt(lambda) + 40 the poisson mass is far below 1e-100. */
    private static int poissonMax(double lambda) {
        return (int) Math.ceil(lambda + 40 * Math.sqrt(lambda) + 40);
    }

    private static double invLogit(double alpha) {
        return 1 / (1 + Math.exp(-alpha));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, 0.3, 1e-3})
    void bernoulliFrequencies(double p) {
        Frequencies.assertMatch(draws("bernoulli", p), binomialMass(1, p), 1, "bernoulli(" + p + ")");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-40, 40, 0.7, -5})
    void bernoulliLogitFrequencies(double alpha) {
        Frequencies.assertMatch(draws("bernoulli_logit", alpha), binomialMass(1, invLogit(alpha)), 1,
                "bernoulli_logit(" + alpha + ")");
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 3.5, 40, 1e4})
    void poissonFrequencies(double lambda) {
        Frequencies.assertMatch(draws("poisson", lambda), poissonMass(lambda), poissonMax(lambda), "poisson(" + lambda + ")");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-40, -6.9, 1.2, 9.2})
    void poissonLogFrequencies(double alpha) {
        double lambda = Math.exp(alpha);
        Frequencies.assertMatch(draws("poisson_log", alpha), poissonMass(lambda), poissonMax(lambda),
                "poisson_log(" + alpha + ")");
    }

    @ParameterizedTest
    @CsvSource({"0, 0.3", "1000, 0", "1000, 1", "10, 0.35", "1000, 1e-4", "1000, 0.9999", "1000, 0.5"})
    void binomialFrequencies(int n, double p) {
        Frequencies.assertMatch(draws("binomial", n, p), binomialMass(n, p), n, "binomial(" + n + ", " + p + ")");
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "20, 0.4", "1000, -9", "1000, 9", "1000, 40", "1000, -40"})
    void binomialLogitFrequencies(int n, double alpha) {
        Frequencies.assertMatch(draws("binomial_logit", n, alpha), binomialMass(n, invLogit(alpha)), n,
                "binomial_logit(" + n + ", " + alpha + ")");
    }

    /**
     * The three negative binomial forms at mean mu and dispersion phi against Commons Math's
     * Pascal masses (whole phi only there): r = phi successes of probability phi / (mu + phi).
     */
    @ParameterizedTest
    @CsvSource({"3.5, 2", "0.2, 1", "40, 5", "12, 30"})
    void negativeBinomialFrequencies(double mu, int phi) {
        var pascal = new org.apache.commons.math3.distribution.PascalDistribution(phi, phi / (mu + phi));
        int max = (int) (mu + 12 * Math.sqrt(mu + mu * mu / phi) + 10);
        Frequencies.assertMatch(draws("neg_binomial_2", mu, phi), pascal::probability, max, "neg_binomial_2");
        Frequencies.assertMatch(draws("neg_binomial_2_log", Math.log(mu), phi), pascal::probability, max, "neg_binomial_2_log");
        Frequencies.assertMatch(draws("neg_binomial", phi, phi / mu), pascal::probability, max, "neg_binomial");
        var d = (ScalarDensity) Distributions.get("neg_binomial_2");
        var log = (ScalarDensity) Distributions.get("neg_binomial_2_log");
        var shapeRate = (ScalarDensity) Distributions.get("neg_binomial");
        for (int k : new int[] {0, 1, 3, 17}) {
            double expected = pascal.logProbability(k);
            assertEquals(expected, d.logDensity(k, mu, phi, 0), 1e-10 * Math.max(1, Math.abs(expected)), "mass at " + k);
            assertEquals(expected, log.logDensity(k, Math.log(mu), phi, 0), 1e-10 * Math.max(1, Math.abs(expected)));
            assertEquals(expected, shapeRate.logDensity(k, phi, phi / mu, 0), 1e-10 * Math.max(1, Math.abs(expected)));
        }
    }

    @Test
    void categoricalFrequenciesWithAnImpossibleCategory() {
        double[] theta = {0.2, 0, 0.5, 0.3};
        double[] x = draw("categorical", new int[] {DRAWS}, Tensor.vector(theta));
        // categories are 1..K: shift them to 0..K-1 for the test
        Frequencies.assertMatch(shifted(x), k -> theta[k], theta.length - 1, "categorical");
    }

    @Test
    void aSingleCategoryIsAlwaysDrawn() {
        for (double x : draw("categorical", new int[] {DRAWS}, Tensor.vector(1))) {
            assertEquals(1, x);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5, -1, 2, -40", "800, 801, -Infinity, 799"})
    void categoricalLogitFrequencies(String logits) {
        double[] beta = Arrays.stream(logits.split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
        double max = Arrays.stream(beta).max().orElseThrow();
        double total = Arrays.stream(beta).map(b -> Math.exp(b - max)).sum();
        double[] x = draw("categorical_logit", new int[] {DRAWS}, Tensor.vector(beta));
        Frequencies.assertMatch(shifted(x), k -> Math.exp(beta[k] - max) / total, beta.length - 1,
                "categorical_logit(" + logits + ")");
    }

    private static double[] shifted(double[] categories) {
        return Arrays.stream(categories).map(c -> c - 1).toArray();
    }

    /** Mean and variance within 4 standard errors ({@link SampleStatistics}) where the support is wide. */
    @Test
    void wideSupportsHaveTheRightMoments() {
        new SampleStatistics(draws("poisson", 1e4)).assertMean(1e4, 1e4, "poisson(1e4)");
        new SampleStatistics(draws("poisson", 1e4)).assertVariance(1e4, "poisson(1e4)");
        new SampleStatistics(draws("binomial", 1000, 0.5)).assertMean(500, 250, "binomial(1000, 0.5)");
        new SampleStatistics(draws("binomial", 1000, 0.5)).assertVariance(250, "binomial(1000, 0.5)");
    }

    /** One parameter value per draw takes the kernel's other path (a table per draw): the draws must not change. */
    @ParameterizedTest
    @CsvSource({"poisson, 1e4", "poisson, 2.5", "bernoulli_logit, 0.3", "binomial_logit, 0.3"})
    void aParameterPerDrawGivesTheSameDrawsAsOneShared(String name, double value) {
        int size = 2_000;
        boolean binomial = name.startsWith("binomial");
        Tensor shared = Tensor.scalar(value);
        Tensor perDraw = Tensor.filled(new int[] {size}, value);
        double[] a = binomial ? draw(name, new int[] {size}, Tensor.scalar(50), shared) : draw(name, new int[] {size}, shared);
        double[] b = binomial ? draw(name, new int[] {size}, Tensor.scalar(50), perDraw) : draw(name, new int[] {size}, perDraw);
        assertArrayEquals(a, b);
    }

    @Test
    void parametersGoElementwiseWithBroadcasting() {
        double[] x = draw("bernoulli", new int[] {2, 4}, Tensor.vector(0, 1, 1, 0));
        assertArrayEquals(new double[] {0, 1, 1, 0, 0, 1, 1, 0}, x);
        double[] n = draw("binomial", new int[] {2, 3}, Tensor.vector(0, 7, 3), Tensor.scalar(1));
        assertArrayEquals(new double[] {0, 7, 3, 0, 7, 3}, n);
    }

    @Test
    void categoricalWeightsByRowGiveEachDrawItsOwnRow() {
        Tensor oneHot = new Tensor(new int[] {4, 3}, new double[] {0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0});
        assertArrayEquals(new double[] {2, 1, 3, 2}, draw("categorical", new int[] {4}, oneHot));
        Tensor logits = new Tensor(new int[] {2, 3}, new double[] {-50, 50, -50, 50, -50, -50});
        assertArrayEquals(new double[] {2, 1, 2, 1, 2, 1}, draw("categorical_logit", new int[] {3, 2}, logits));
    }

    @Test
    void shapesThatDoNotFitAreRejected() {
        assertThrows(ShapeException.class, () -> draw("poisson", new int[] {2}, Tensor.vector(1, 2, 3)));
        assertThrows(ShapeException.class,
                () -> draw("categorical", new int[] {3}, new Tensor(new int[] {2, 2}, new double[] {0.5, 0.5, 0.5, 0.5})));
        assertThrows(ShapeException.class, () -> draw("categorical", new int[] {3}, Tensor.scalar(1)));
    }

    /** Parameters outside their supports give NaN, which the executor's non-finite diagnostics point to. */
    @Test
    void parametersOutsideTheirSupportsGiveNaN() {
        assertTrue(Double.isNaN(draw("bernoulli", new int[] {1}, Tensor.scalar(1.5))[0]));
        assertTrue(Double.isNaN(draw("poisson", new int[] {1}, Tensor.scalar(-1))[0]));
        assertTrue(Double.isNaN(draw("binomial", new int[] {1}, Tensor.scalar(2.5), Tensor.scalar(0.5))[0]));
        assertTrue(Double.isNaN(draw("binomial", new int[] {1}, Tensor.scalar(3), Tensor.scalar(-0.1))[0]));
        assertTrue(Double.isNaN(draw("categorical", new int[] {1}, Tensor.vector(-0.1, 1.1))[0]));
        assertTrue(Double.isNaN(draw("categorical_logit", new int[] {1}, Tensor.vector(Double.NaN, 1))[0]));
    }

    @Test
    void theSameSeedGivesTheSameDrawsAndParticlesDiffer() {
        for (String name : List.of("bernoulli", "poisson", "categorical")) {
            Graph g = new Graph();
            Node parameter = g.constant(name.equals("categorical") ? Tensor.vector(0.2, 0.3, 0.5) : Tensor.scalar(0.4));
            Node sample = Distributions.get(name).sample(g, List.of(parameter), new int[] {50});
            assertTrue(sample.batched, "a draw differs between particles");
            double[][] runs = new double[2][];
            for (int r = 0; r < 2; r++) {
                Executor exec = new Executor(g, 4, ParameterStore.initial(g), new SplittableRandom(99));
                exec.forward();
                runs[r] = exec.value(sample).data.clone();
                exec.forward();
                assertFalse(Arrays.equals(runs[r], exec.value(sample).data), name + ": each step draws afresh");
            }
            assertArrayEquals(runs[0], runs[1], name);
            for (int s = 1; s < 4; s++) {
                assertFalse(Arrays.equals(Arrays.copyOfRange(runs[0], 0, 50), Arrays.copyOfRange(runs[0], 50 * s, 50 * s + 50)),
                        name + ": particle " + s + " repeats particle 0");
            }
        }
    }

    /** Single precision can round a uniform up to exactly 1: the draw must still have positive mass. */
    @Test
    void aUniformRoundedUpToOneStillDrawsInTheSupport() {
        Graph g = new Graph();
        Node theta = g.constant(Tensor.vector(0.5, 0.5, 0));
        Node sample = Distributions.get("categorical").sample(g, List.of(theta), new int[] {2});
        Kernel kernel = sample.op.kernel(
                new Layout[] {new Layout(new int[] {2}, true, 1), new Layout(new int[] {3}, false, 1)},
                new Layout(new int[] {2}, true, 1));
        Tensor out = new Tensor(new int[] {1, 2});
        kernel.forward(new Tensor[] {new Tensor(new int[] {1, 2}, new double[] {1, 0}), Tensor.vector(0.5, 0.5, 0)}, out);
        assertArrayEquals(new double[] {2, 1}, out.data);
    }
}
