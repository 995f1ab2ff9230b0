package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the score-function estimator needs of a discrete guide: no gradient through the draw z,
 * and d log q(z) / d parameters with z held fixed, checked against central differences.
 */
class ScoreFunctionTest {
    private static final int PARTICLES = 3;
    private static final int SIZE = 6;

    /**
     * One case per family: the trainable parameter (a vector, one value per draw, or
     * categorical's weights shared by all), and binomial's trial count as a constant first.
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "bernoulli; 0.1, 0.3, 0.5, 0.7, 0.9, 0.4",
        "bernoulli_logit; -1, 0.5, 2, -0.3, 1, 0",
        "poisson; 0.5, 3.5, 12, 1, 7, 40",
        "poisson_log; -0.5, 1.2, 2.5, 0, 1, 3",
        "binomial; 0.1, 0.3, 0.5, 0.7, 0.9, 0.4",
        "binomial_logit; -1, 0.5, 2, -0.3, 1, 0",
        "categorical; 0.2, 0.3, 0.5",
        "categorical_logit; 0.5, -1, 2"})
    void logMassOfTheDrawHasTheGradientAndTheDrawHasNone(String name, String values) {
        Distribution d = Distributions.get(name);
        double[] theta = java.util.Arrays.stream(values.split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
        Graph g = new Graph();
        Node parameter = g.parameter("theta", Tensor.vector(theta));
        List<Node> parameters = withTrials(g, name, parameter);
        Node z = d.sample(g, parameters, new int[] {SIZE});
        Node logQ = g.meanOverParticles(d.logDensity(g, z, parameters));
        Node throughDrawAlone = g.meanOverParticles(g.sum(z));
        ParameterStore store = ParameterStore.initial(g);
        Executor exec = new Executor(g, PARTICLES, store, new SplittableRandom(5));
        exec.forward();

        exec.backward(throughDrawAlone);
        Tensor none = exec.gradient(parameter);
        if (none != null) {
            for (double v : none.data) {
                assertEquals(0, v, name + ": a gradient reached the parameters through the draw");
            }
        }

        exec.backward(logQ);
        double[] analytic = exec.gradient(parameter).data.clone();
        Tensor drawn = new Tensor(new int[] {PARTICLES, SIZE}, exec.value(z).data.clone());
        Set<Double> distinct = new HashSet<>();
        for (double v : drawn.data) {
            distinct.add(v);
        }
        assertTrue(distinct.size() > 1, name + ": the draws should not all be equal, or the check is weak");
        for (int i = 0; i < theta.length; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(theta[i]));
            double[] up = theta.clone();
            up[i] += h;
            double[] down = theta.clone();
            down[i] -= h;
            double numeric = (meanLogMass(name, drawn, up) - meanLogMass(name, drawn, down)) / (2 * h);
            assertFalse(numeric == 0 && analytic[i] == 0, name + "[" + i + "]: a zero gradient checks nothing");
            assertEquals(numeric, analytic[i], 1e-6 * Math.max(1, Math.abs(numeric)), name + " d/d theta[" + i + "]");
        }
    }

    /** The log mass of fixed draws (one row per particle), averaged over the particles. */
    private static double meanLogMass(String name, Tensor drawn, double[] theta) {
        Graph g = new Graph();
        List<Node> parameters = withTrials(g, name, g.constant(Tensor.vector(theta)));
        Node root = Distributions.get(name).logDensity(g, g.constant(drawn), parameters);
        Executor exec = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
        exec.forward();
        return exec.value(root).item() / PARTICLES;
    }

    private static List<Node> withTrials(Graph g, String name, Node parameter) {
        List<Node> parameters = new ArrayList<>();
        if (name.startsWith("binomial")) {
            parameters.add(g.constant(10));
        }
        parameters.add(parameter);
        return parameters;
    }

    /**
     * A discrete latent's guide: each datum's assignment z[n] drawn from its own row of logits,
     * q(z[n]) = categorical_logit(logits[n, :]). The gradient of sum_n log q(z[n]) in the logits,
     * draws held fixed, against central differences particle by particle.
     */
    @Test
    void rowsOfLogitsOnePerDatum() {
        int k = 3;
        double[] logits = {0.5, -1, 2, 1, 1, 1, -2, 0, 0.3, 0.2, 0.1, 0, 3, -3, 0, -1, 0.5, 0.25};
        int n = logits.length / k;
        Distribution d = Distributions.get("categorical_logit");
        Graph g = new Graph();
        Node parameter = g.parameter("logits", new Tensor(new int[] {n, k}, logits.clone()));
        Node z = d.sample(g, List.of(parameter), new int[] {n});
        Node logQ = g.meanOverParticles(d.logDensity(g, z, List.of(parameter)));
        Executor exec = new Executor(g, PARTICLES, ParameterStore.initial(g), new SplittableRandom(11));
        exec.forward();
        exec.backward(logQ);
        double[] analytic = exec.gradient(parameter).data.clone();
        double[] drawn = exec.value(z).data.clone();
        assertEquals(PARTICLES * n, drawn.length, "the draws should differ by particle");
        Set<Double> distinct = new HashSet<>();
        for (double v : drawn) {
            distinct.add(v);
        }
        assertEquals(k, distinct.size(), "every category should be drawn somewhere, or the check is weak");
        for (int i = 0; i < logits.length; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(logits[i]));
            double[] up = logits.clone();
            up[i] += h;
            double[] down = logits.clone();
            down[i] -= h;
            double numeric = (meanLogMassOfRows(drawn, up, n, k) - meanLogMassOfRows(drawn, down, n, k)) / (2 * h);
            assertEquals(numeric, analytic[i], 1e-6 * Math.max(1, Math.abs(numeric)), "d/d logits[" + i + "]");
        }
    }

    /** sum_n log q(z[n]) of each particle's fixed draws under rows of logits, averaged over the particles. */
    private static double meanLogMassOfRows(double[] drawn, double[] logits, int n, int k) {
        double total = 0;
        for (int s = 0; s < PARTICLES; s++) {
            Graph g = new Graph();
            Tensor row = new Tensor(new int[] {n}, java.util.Arrays.copyOfRange(drawn, s * n, (s + 1) * n));
            Node root = Distributions.get("categorical_logit").logDensity(g, g.constant(row),
                    List.of(g.constant(new Tensor(new int[] {n, k}, logits))));
            Executor exec = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
            exec.forward();
            total += exec.value(root).item();
        }
        return total / PARTICLES;
    }

    @Test
    void discreteFamiliesDrawButAreNotReparameterisable() {
        for (String name : List.of("bernoulli", "bernoulli_logit", "poisson", "poisson_log", "binomial", "binomial_logit",
                "categorical", "categorical_logit")) {
            Distribution d = Distributions.get(name);
            assertTrue(d.isDiscrete() && d.hasSampler(), name);
            assertFalse(d.isReparameterisable(), name + ": the planner must choose the score function for it");
        }
        for (String name : List.of("student_t", "gamma", "beta", "dirichlet")) {
            assertFalse(Distributions.get(name).hasSampler(), name);
        }
        assertTrue(Distributions.get("normal").hasSampler());
    }
}
