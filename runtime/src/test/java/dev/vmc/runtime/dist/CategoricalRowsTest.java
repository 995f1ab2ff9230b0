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
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The categorical log densities with weights [N, K], one row per element of a variate [N]
 * (what a discrete latent's guide needs), checked against a direct computation, against the
 * shared [K] form, and against finite differences; and the [K] form against its own counted
 * formula, bit for bit, so that the rows did not disturb it.
 */
class CategoricalRowsTest {
    private static final List<String> FAMILIES = List.of("categorical", "categorical_logit");
    private static final int PARTICLES = 3;
    private static final double[] X = {2, 1, 3, 3};
    /** Four rows of three: row n scores element n. Probabilities need not share a row to be told apart. */
    private static final double[] THETA = {0.2, 0.3, 0.5, 0.6, 0.1, 0.3, 0.25, 0.25, 0.5, 0.1, 0.1, 0.8};
    private static final double[] BETA = {0.5, -1, 2, 3, 0, -2, -0.5, 0.25, 1, 1.5, 1.5, -3};

    private static double[] weightsFor(String name) {
        return name.equals("categorical") ? THETA : BETA;
    }

    private static Tensor rows(double[] w) {
        return new Tensor(new int[] {w.length / 3, 3}, w.clone());
    }

    /** log p(category c) under the 3 weights at offset, written out from the definitions. */
    private static double direct(String name, double[] w, int offset, int c) {
        if (name.equals("categorical")) {
            return Math.log(w[offset + c]);
        }
        double m = Math.max(w[offset], Math.max(w[offset + 1], w[offset + 2]));
        double lse = m + Math.log(Math.exp(w[offset] - m) + Math.exp(w[offset + 1] - m) + Math.exp(w[offset + 2] - m));
        return w[offset + c] - lse;
    }

    private static double directRows(String name, double[] x, int xOffset, double[] w, int wOffset, int n) {
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += direct(name, w, wOffset + 3 * i, (int) x[xOffset + i] - 1);
        }
        return acc;
    }

    @Test
    void eachElementIsScoredByItsOwnRow() {
        for (String name : FAMILIES) {
            double[] w = weightsFor(name);
            assertEquals(directRows(name, X, 0, w, 0, 4), CategoricalTest.logDensity(name, Tensor.vector(X), rows(w)), 1e-12, name);
        }
    }

    /**
     * Weights per particle (a parameter times 1 + 0.01 noise), data per particle (0 * noise
     * added), and each mixed with a shared other, against the direct sum for the particle's own
     * values as the executor holds them.
     */
    @Test
    void perParticleWeightsAndVariatesMatchTheDirectComputation() {
        for (String name : FAMILIES) {
            Graph g = new Graph();
            Node shared = g.constant(rows(weightsFor(name)));
            Node noise = g.noise(Leaf.Noise.Kind.UNIFORM, 4, 3);
            Node perParticle = g.mul(shared, g.add(g.constant(1), g.mul(g.constant(0.01), noise)));
            Node sharedX = g.constant(Tensor.vector(X));
            Node batchedX = g.add(g.constant(Tensor.vector(1, 3, 2, 1)), g.mul(g.constant(0), g.noise(Leaf.Noise.Kind.UNIFORM, 4)));
            Distribution d = Distributions.get(name);
            Node[][] cases = {{sharedX, perParticle}, {batchedX, shared}, {batchedX, perParticle}};
            Node[] roots = new Node[cases.length];
            for (int i = 0; i < cases.length; i++) {
                roots[i] = d.logDensity(g, cases[i][0], List.of(cases[i][1]));
            }
            Executor exec = new Executor(g, PARTICLES, ParameterStore.initial(g), new SplittableRandom(3));
            exec.forward();
            for (int i = 0; i < cases.length; i++) {
                double[] x = exec.value(cases[i][0]).data;
                double[] w = exec.value(cases[i][1]).data;
                int xStride = x.length == 4 ? 0 : 4;
                int wStride = w.length == 12 ? 0 : 12;
                assertEquals(PARTICLES, exec.value(roots[i]).data.length, name + " case " + i + " should vary by particle");
                for (int s = 0; s < PARTICLES; s++) {
                    assertEquals(directRows(name, x, s * xStride, w, s * wStride, 4), exec.value(roots[i]).data[s], 1e-12,
                            name + " case " + i + ", particle " + s);
                }
            }
        }
    }

    /**
     * The shared form still counts: its value is sum_k count_k * log p(k) summed in category
     * order, to the last bit. Rows that all equal the vector agree with it to rounding only,
     * since they add the same logs in element order (and, for logits, subtract the log-sum-exp
     * once per element rather than N times at once).
     */
    @Test
    void theSharedVectorIsUnchangedAndAgreesWithEqualRows() {
        double[] x = {1, 3, 3, 2, 3};
        int[] counts = {1, 1, 3};
        for (String name : FAMILIES) {
            double[] vector = name.equals("categorical") ? new double[] {0.2, 0.3, 0.5} : new double[] {0.5, -1, 2};
            double counted = 0;
            for (int k = 0; k < 3; k++) {
                counted += counts[k] * (name.equals("categorical") ? Math.log(vector[k]) : vector[k]);
            }
            if (name.equals("categorical_logit")) {
                counted -= 5 * Special.logSumExp(vector, 0, 3);
            }
            double shared = CategoricalTest.logDensity(name, Tensor.vector(x), Tensor.vector(vector));
            assertEquals(Double.doubleToRawLongBits(counted), Double.doubleToRawLongBits(shared), name + ": " + counted + " vs " + shared);

            double[] repeated = new double[15];
            for (int n = 0; n < 5; n++) {
                System.arraycopy(vector, 0, repeated, 3 * n, 3);
            }
            double byRows = CategoricalTest.logDensity(name, Tensor.vector(x), rows(repeated));
            assertEquals(shared, byRows, 1e-14 * Math.abs(shared), name);
        }
    }

    /** Rows per particle, data per particle, and both, in one graph, against central differences. */
    @Test
    void gradientsMatchFiniteDifferences() {
        for (String name : FAMILIES) {
            Graph g = new Graph();
            Node w = g.parameter("w", rows(weightsFor(name)));
            Node noise = g.noise(Leaf.Noise.Kind.UNIFORM, 4, 3);
            Node perParticle = g.mul(w, g.add(g.constant(1), g.mul(g.constant(0.01), noise)));
            Node batchedX = g.add(g.constant(Tensor.vector(1, 3, 2, 1)), g.mul(g.constant(0), g.noise(Leaf.Noise.Kind.UNIFORM, 4)));
            Distribution d = Distributions.get(name);
            Node sum = g.add(d.logDensity(g, g.constant(Tensor.vector(X)), List.of(perParticle)),
                    g.add(d.logDensity(g, batchedX, List.of(w)), d.logDensity(g, batchedX, List.of(perParticle))));
            GradientCheck.check(g, g.meanOverParticles(sum), 4, 1e-6);
        }
    }

    /**
     * Logits of 800 and -infinity: the log-sum-exp keeps the log mass and its gradient finite
     * wherever the chosen category is possible, and an impossible choice is -infinity.
     */
    @Test
    void extremeLogitsStayFinite() {
        double inf = Double.NEGATIVE_INFINITY;
        Tensor beta = rows(new double[] {800, 0, inf, inf, 800, 799});
        Graph g = new Graph();
        Node w = g.parameter("beta", beta);
        Node root = Distributions.get("categorical_logit").logDensity(g, g.constant(Tensor.vector(1, 3)), List.of(w));
        Executor exec = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
        exec.forward();
        double p3 = 1 / (1 + Math.E); // softmax(800, 799)[2]
        assertEquals(Math.log(p3), exec.value(root).item(), 1e-12);
        exec.backward(root);
        double[] grad = exec.gradient(w).data;
        double[] expected = {0, -Math.exp(-800), 0, 0, -(1 - p3), 1 - p3};
        for (int i = 0; i < grad.length; i++) {
            assertTrue(Double.isFinite(grad[i]), "d/d beta[" + i + "] = " + grad[i]);
            assertEquals(expected[i], grad[i], 1e-12, "d/d beta[" + i + "]");
        }
        assertEquals(inf, CategoricalTest.logDensity("categorical_logit", Tensor.vector(3, 2), beta));
    }

    @Test
    void valuesOutsideOneToKAreImpossibleAndPassNoGradient() {
        for (String name : FAMILIES) {
            for (double bad : new double[] {0, 4, 1.5, -1, Double.NaN}) {
                Tensor x = Tensor.vector(1, bad, 2, 3);
                assertEquals(Double.NEGATIVE_INFINITY, CategoricalTest.logDensity(name, x, rows(weightsFor(name))), name + ", x = " + bad);
            }
            Graph g = new Graph();
            Node w = g.parameter("w", rows(weightsFor(name)));
            Node root = Distributions.get(name).logDensity(g, g.constant(Tensor.vector(1, 0, 2, 3)), List.of(w));
            Executor exec = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
            exec.forward();
            exec.backward(root);
            for (int k = 3; k < 6; k++) {
                assertEquals(0, exec.gradient(w).data[k], name + ": the row of an impossible value");
            }
        }
    }

    @Test
    void shapeErrorsNameTheShapes() {
        Distribution d = Distributions.get("categorical_logit");
        Graph g = new Graph();
        Node weights = g.constant(new Tensor(new int[] {4, 3}, new double[12]));
        ShapeException wrongLength = assertThrows(ShapeException.class,
                () -> d.logDensity(g, g.constant(Tensor.vector(1, 2, 3)), List.of(weights)));
        assertTrue(wrongLength.getMessage().contains("[4,3]") && wrongLength.getMessage().contains("[3]"), wrongLength.getMessage());
        ShapeException matrixVariate = assertThrows(ShapeException.class,
                () -> d.logDensity(g, g.constant(new Tensor(new int[] {4, 1}, new double[] {1, 2, 3, 1})), List.of(weights)));
        assertTrue(matrixVariate.getMessage().contains("[4,1]"), matrixVariate.getMessage());
        Node cube = g.constant(new Tensor(new int[] {2, 2, 3}, new double[12]));
        ShapeException rank3 = assertThrows(ShapeException.class,
                () -> d.logDensity(g, g.constant(Tensor.vector(1, 2)), List.of(cube)));
        assertTrue(rank3.getMessage().contains("[2,2,3]"), rank3.getMessage());
        Node empty = g.constant(new Tensor(new int[] {2, 0}, new double[0]));
        assertThrows(ShapeException.class, () -> d.logDensity(g, g.constant(Tensor.vector(1, 2)), List.of(empty)));
    }
}
