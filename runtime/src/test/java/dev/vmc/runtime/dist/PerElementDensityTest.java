package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.Broadcast;
import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.GradientCheck;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Distribution#logDensities}, the per-element log densities a factor hands inference, for
 * every registered family: they sum to {@link Distribution#logDensity} whatever the broadcasting
 * (scalar parameters against a vector variate, vectors elementwise, a row against a matrix, a
 * scalar variate against vector parameters, weights shared or one row per draw), shared or per
 * particle, at 1 and 3 particles; and the gradient of a fixed random weighting of the elements
 * matches central differences, which checks that each element's upstream gradient reaches the
 * operands it was computed from.
 */
class PerElementDensityTest {
    /** A family's operands for one case; only the variate and parameters, the family is looked up by name. */
    record Operands(String family, Node x, List<Node> parameters) {
        Distribution distribution() {
            return Distributions.get(family);
        }
    }

    /** A way of building a family's operands into a graph, shared (false) or per particle (true). */
    record Case(String label, String family, BiFunction<Graph, Boolean, Operands> build) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** How the scalar families' operands broadcast against each other. */
    enum Shape {
        SCALAR_PARAMETERS, ELEMENTWISE, ROW_AGAINST_MATRIX, SCALAR_VARIATE
    }

    private static final double[] THETA = {0.2, 0.3, 0.5};
    private static final double[] BETA = {0.5, -1, 2};

    /** Every case; {@link #everyRegisteredFamilyHasCases} keeps it complete. */
    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (DensityCase c : DensityCase.all()) {
            for (Shape shape : Shape.values()) {
                cases.add(new Case(c + " " + shape, c.name(), (g, perParticle) -> scalarOperands(g, c, shape, perParticle)));
            }
        }
        for (String name : List.of("categorical", "categorical_logit")) {
            double[] w = name.equals("categorical") ? THETA : BETA;
            cases.add(new Case(name + " scalar", name, (g, p) -> categorical(g, name, Tensor.scalar(2), Tensor.vector(w), p)));
            cases.add(new Case(name + " [3, 5]", name, (g, p) -> categorical(g, name, variates(3, 5), Tensor.vector(w), p)));
            cases.add(new Case(name + " rows", name, (g, p) -> categorical(g, name, Tensor.vector(2, 1, 3, 3),
                    new Tensor(new int[] {4, 3}, rows(w, 4)), p)));
        }
        for (boolean rows : new boolean[] {false, true}) {
            Tensor cuts = rows ? new Tensor(new int[] {4, 3}, new double[] {-1, 0.5, 2, -0.8, 0.6, 2.2, -1.2, 0, 1, -0.5, 0.4, 3})
                    : Tensor.vector(-1, 0.5, 2);
            cases.add(new Case("ordered_logistic " + (rows ? "rows" : "shared"), "ordered_logistic", (g, p) -> new Operands(
                    "ordered_logistic", perParticleData(g, g.constant(Tensor.vector(1, 4, 2, 3)), p),
                    List.of(maybeJitter(g, g.parameter("eta", Tensor.vector(0.3, -1.2, 2.5, 0.1)), p), g.parameter("c", cuts)))));
        }
        // one draw, the whole array of counts, so one element
        cases.add(new Case("multinomial", "multinomial", (g, p) -> new Operands("multinomial",
                perParticleData(g, g.constant(Tensor.vector(3, 0, 5, 2)), p),
                List.of(maybeJitter(g, g.parameter("theta", Tensor.vector(0.1, 0.2, 0.4, 0.3)), p)))));
        cases.add(new Case("dirichlet", "dirichlet", (g, p) -> new Operands("dirichlet",
                maybeJitter(g, g.parameter("x", Tensor.vector(0.2, 0.3, 0.5)), p),
                List.of(g.parameter("alpha", Tensor.vector(1.5, 2, 4))))));
        // draws are vectors: two rows, so two elements, each a whole draw's log density
        cases.add(new Case("multi_normal_cholesky rows", "multi_normal_cholesky", (g, p) -> new Operands("multi_normal_cholesky",
                maybeJitter(g, g.parameter("x", new Tensor(new int[] {2, 2}, new double[] {0.3, -1, 1.2, 0.4})), p),
                List.of(g.parameter("mu", Tensor.vector(0.1, -0.2)),
                        g.parameter("L", new Tensor(new int[] {2, 2}, new double[] {1.3, 0, -0.4, 0.7}))))));
        cases.add(new Case("multi_normal one draw", "multi_normal", (g, p) -> new Operands("multi_normal",
                maybeJitter(g, g.parameter("x", Tensor.vector(0.3, -1)), p),
                List.of(g.parameter("mu", Tensor.vector(0.1, -0.2)),
                        g.parameter("Sigma", new Tensor(new int[] {2, 2}, new double[] {1.5, 0.3, 0.3, 0.8}))))));
        // one whole matrix, so one element
        cases.add(new Case("lkj_corr_cholesky [3, 3]", "lkj_corr_cholesky", (g, p) -> new Operands("lkj_corr_cholesky",
                maybeJitter(g, g.parameter("x", new Tensor(new int[] {3, 3}, new double[] {1, 0, 0, 0.3, 0.9, 0, -0.5, 0.2, 0.8})), p),
                List.of(g.parameter("eta", Tensor.scalar(1.7))))));
        return cases;
    }

    static Stream<Arguments> casesAtParticles() {
        return cases().stream().flatMap(c -> Stream.of(1, 3).flatMap(
                particles -> Stream.of(false, true).map(perParticle -> Arguments.of(c, particles, perParticle))));
    }

    @ParameterizedTest(name = "{0}, {1} particles, per particle {2}")
    @MethodSource("casesAtParticles")
    void elementsSumToTheSummedLogDensity(Case c, int particles, boolean perParticle) {
        Graph g = new Graph();
        Operands o = c.build().apply(g, perParticle);
        Node elements = o.distribution().logDensities(g, o.x(), o.parameters());
        Node summed = o.distribution().logDensity(g, o.x(), o.parameters());
        assertEquals(summed.batched, elements.batched, c + ": per particle when the sum is");
        Executor exec = new Executor(g, particles, ParameterStore.initial(g), new SplittableRandom(5));
        exec.forward();
        double[] values = exec.value(elements).data;
        int width = elements.modelSize();
        for (int s = 0; s < (summed.batched ? particles : 1); s++) {
            double total = 0;
            for (int e = 0; e < width; e++) {
                total += values[s * width + e];
            }
            double expected = exec.value(summed).data[s];
            assertEquals(expected, total, 1e-12 * Math.max(1, Math.abs(expected)), c + ", particle " + s);
        }
    }

    /** d/d every continuous operand of sum_e w_e * element_e, w fixed random weights of either sign. */
    @ParameterizedTest(name = "{0}, {1} particles, per particle {2}")
    @MethodSource("casesAtParticles")
    void weightedElementGradientsMatchFiniteDifferences(Case c, int particles, boolean perParticle) {
        Graph g = new Graph();
        Operands o = c.build().apply(g, perParticle);
        Node elements = o.distribution().logDensities(g, o.x(), o.parameters());
        SplittableRandom random = new SplittableRandom(11);
        double[] w = new double[elements.modelSize()];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextDouble(-1, 1);
        }
        Node weighted = g.sum(g.mul(elements, g.constant(new Tensor(elements.shape, w))));
        GradientCheck.check(g, g.meanOverParticles(weighted), particles, 1e-5);
    }

    /** Each element is the family's scalar log density at the operands broadcast onto it. */
    @ParameterizedTest
    @MethodSource("scalarCases")
    void scalarElementsAreTheScalarDensityOfTheirOwnOperands(Case c) {
        int particles = 3;
        Graph g = new Graph();
        Operands o = c.build().apply(g, true);
        ScalarDensity d = (ScalarDensity) o.distribution();
        Node elements = d.logDensities(g, o.x(), o.parameters());
        Executor exec = new Executor(g, particles, ParameterStore.initial(g), new SplittableRandom(5));
        exec.forward();
        Layout out = new Layout(elements.shape, elements.batched, particles);
        List<Node> operands = new ArrayList<>(List.of(o.x()));
        operands.addAll(o.parameters());
        double[] args = new double[4];
        for (int i = 0; i < out.size(); i++) {
            for (int k = 0; k < operands.size(); k++) {
                Node n = operands.get(k);
                int[] map = Broadcast.indexMap(new Layout(n.shape, n.batched, particles), out);
                args[k] = exec.value(n).data[Broadcast.at(map, i)];
            }
            double expected = d.logDensity(args[0], args[1], args[2], args[3]);
            assertEquals(expected, exec.value(elements).data[i], 1e-12 * Math.max(1, Math.abs(expected)), c + ", element " + i);
        }
    }

    static Stream<Case> scalarCases() {
        return cases().stream().filter(c -> Distributions.get(c.family()) instanceof ScalarDensity);
    }

    @Test
    void everyRegisteredFamilyHasCases() {
        Set<String> registered = Distributions.all().stream().map(Distribution::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = cases().stream().map(Case::family).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(registered, covered);
    }

    /**
     * Shared probabilities and a variate [3, 5]: one draw per element from the one simplex, so
     * the output is [3, 5], each element the log probability of its own value; an impossible
     * value is -infinity at its element alone; and the op is elementwise in the variate.
     */
    @Test
    void sharedProbabilitiesScoreAVariateOfAnyShapeElementByElement() {
        for (String name : List.of("categorical", "categorical_logit")) {
            Tensor weights = Tensor.vector(name.equals("categorical") ? THETA : BETA);
            Tensor x = variates(3, 5);
            x.data[7] = 4; // outside 1..3
            Graph g = new Graph();
            Node elements = Distributions.get(name).logDensities(g, g.constant(x), List.of(g.constant(weights)));
            assertArrayEquals(new int[] {3, 5}, elements.shape);
            assertTrue(elements.op.isElementwise(), name);
            Executor exec = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
            exec.forward();
            for (int i = 0; i < 15; i++) {
                double expected = i == 7 ? Double.NEGATIVE_INFINITY
                        : CategoricalTest.logDensity(name, Tensor.scalar(x.data[i]), weights);
                assertEquals(expected, exec.value(elements).data[i], 1e-15, name + " element " + i);
            }
        }
    }

    /** Graph dumps tell the modes apart, and only the per-element scalar op is elementwise. */
    @Test
    void perElementOpsAreNamedAndElementwise() {
        Graph g = new Graph();
        Node x = g.constant(Tensor.vector(0.1, 0.2));
        List<Node> parameters = List.of(g.constant(0), g.constant(1));
        Node summed = Distributions.get("normal").logDensity(g, x, parameters);
        Node elements = Distributions.get("normal").logDensities(g, x, parameters);
        assertEquals("normal log density", summed.op.name());
        assertEquals("normal log density per element", elements.op.name());
        assertFalse(summed.op.isElementwise());
        assertTrue(elements.op.isElementwise());
        assertEquals(0, summed.rank());
        assertArrayEquals(new int[] {2}, elements.shape);

        Node rows = g.constant(new Tensor(new int[] {2, 3}, rows(THETA, 2)));
        Node byRow = Distributions.get("categorical").logDensities(g, g.constant(Tensor.vector(1, 3)), List.of(rows));
        assertFalse(byRow.op.isElementwise(), "row n is not broadcast onto element n");
        assertNotEquals(Distributions.get("categorical").logDensity(g, g.constant(Tensor.vector(1, 3)), List.of(rows)).op.name(),
                byRow.op.name());
    }

    /** The scalar families' operands in the given shape; see {@link GraphGradientTest} for the values' origins. */
    private static Operands scalarOperands(Graph g, DensityCase c, Shape shape, boolean perParticle) {
        double[] xs = c.graphVariates();
        Tensor xTensor = switch (shape) {
            case SCALAR_PARAMETERS, ELEMENTWISE -> Tensor.vector(xs.clone());
            case ROW_AGAINST_MATRIX -> new Tensor(new int[] {2, 3}, new double[] {xs[0], xs[1], xs[2], xs[2], xs[0], xs[1]});
            case SCALAR_VARIATE -> Tensor.scalar(xs[0]);
        };
        boolean discrete = c.density().isDiscrete();
        Node x = discrete ? perParticleData(g, g.constant(xTensor), perParticle)
                : maybeJitter(g, g.parameter("x", xTensor), perParticle);
        List<Node> parameters = new ArrayList<>();
        boolean jittered = false;
        for (int k = 0; k < c.arity(); k++) {
            double value = c.graphParameters()[k];
            if (c.isParameterInteger(k)) {
                parameters.add(g.constant(value));
                continue;
            }
            Tensor p = shape == Shape.SCALAR_PARAMETERS ? Tensor.scalar(value)
                    : Tensor.vector(value, value * 1.01, value * 1.02);
            parameters.add(maybeJitter(g, g.parameter("p" + k, p), perParticle && !jittered));
            jittered = true;
        }
        return new Operands(c.name(), x, parameters);
    }

    private static Operands categorical(Graph g, String name, Tensor x, Tensor weights, boolean perParticle) {
        return new Operands(name, perParticleData(g, g.constant(x), perParticle),
                List.of(maybeJitter(g, g.parameter("w", weights), perParticle)));
    }

    private static Node maybeJitter(Graph g, Node v, boolean perParticle) {
        return perParticle ? GraphGradientTest.jitter(g, v) : v;
    }

    /** Discrete data made per particle by adding 0 * noise, which keeps its values whole. */
    private static Node perParticleData(Graph g, Node x, boolean perParticle) {
        return perParticle ? g.add(x, g.mul(g.constant(0), g.noise(Leaf.Noise.Kind.UNIFORM, x.shape))) : x;
    }

    /** Categories 1..3 in a fixed pattern, in the given shape. */
    private static Tensor variates(int... shape) {
        double[] values = new double[Shapes.size(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1 + (i * 7 + i / 3) % 3;
        }
        return new Tensor(shape, values);
    }

    /** n rows of the weights, each scaled a little differently so that rows can be told apart. */
    private static double[] rows(double[] w, int n) {
        double[] out = new double[n * w.length];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < w.length; j++) {
                out[r * w.length + j] = w[j] * (1 + 0.1 * r);
            }
        }
        return out;
    }
}
