package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OpGradientTest {
    private static Tensor values(double... v) {
        return Tensor.vector(v);
    }

    /** Reduces a node to one number through a sum and a particle mean, so backward can start there. */
    private static Node scalarRoot(Graph g, Node n) {
        Node s = g.sum(n);
        return s.batched ? g.meanOverParticles(s) : s;
    }

    @ParameterizedTest
    @EnumSource(Unary.class)
    void unaryGradientsMatchFiniteDifferences(Unary fn) {
        Graph g = new Graph();
        // in (0, 1) so that log, sqrt, logit and lgamma are all defined; log1m_exp needs x < 0
        Node x = fn == Unary.LOG1M_EXP ? g.parameter("x", values(-0.2, -0.45, -3))
                : g.parameter("x", values(0.2, 0.45, 0.7));
        GradientCheck.check(g, scalarRoot(g, g.apply(fn, x)), 1, 1e-5);
    }

    @ParameterizedTest
    @EnumSource(Binary.class)
    void binaryGradientsMatchFiniteDifferencesWithBroadcasting(Binary fn) {
        Graph g = new Graph();
        Node a = g.parameter("a", values(0.3, 1.2, 2.0));
        Node b = g.parameter("b", Tensor.scalar(1.7));
        Node noise = g.noise(Leaf.Noise.Kind.UNIFORM, 3);
        Node batched = g.add(a, noise); // per particle, so both particle and model broadcasting are exercised
        // log(exp(a) - exp(b)) needs a > b: a is shifted above b = 1.7
        Node first = fn == Binary.LOG_DIFF_EXP ? g.add(batched, g.constant(2)) : batched;
        GradientCheck.check(g, scalarRoot(g, g.apply(fn, first, b)), 4, 1e-5);
    }

    /** prod (with a zero element, whose cofactor is no quotient), max, min and running sums, per particle. */
    @ParameterizedTest
    @EnumSource(value = Reduce.class, names = {"PROD", "MAX", "MIN"})
    void productAndExtremeGradientsMatchFiniteDifferences(Reduce fn) {
        Graph g = new Graph();
        Node x = g.add(g.parameter("x", values(0.3, -1.2, 2.0, 0.8)), g.noise(Leaf.Noise.Kind.UNIFORM, 4));
        Node withZero = g.mul(x, g.constant(values(1, 1, 0, 1)));
        Node root = g.add(g.meanOverParticles(g.apply(fn, x)), g.meanOverParticles(g.apply(fn, withZero)));
        GradientCheck.check(g, root, 3, 1e-5);
    }

    @Test
    void cumulativeSumGradientsMatchFiniteDifferences() {
        Graph g = new Graph();
        Node x = g.add(g.parameter("x", values(0.3, -1.2, 2.0)), g.noise(Leaf.Noise.Kind.NORMAL, 3));
        GradientCheck.check(g, scalarRoot(g, g.apply(Unary.SQUARE, g.apply(CumulativeSum.INSTANCE, x))), 2, 1e-5);
    }

    @Test
    void triangularSolveGradientsReachBothTheMatrixAndTheVector() {
        Graph g = new Graph();
        Node l = g.parameter("l", new Tensor(new int[] {3, 3}, new double[] {1.5, 9, 9, -0.4, 0.8, 9, 0.3, 0.7, 2.1}));
        Node b = g.parameter("b", values(0.4, -0.3, 2));
        Node x = g.apply(TriangularSolve.INSTANCE, l, g.add(b, g.noise(Leaf.Noise.Kind.NORMAL, 3)));
        GradientCheck.check(g, scalarRoot(g, g.apply(Unary.SQUARE, x)), 3, 1e-5);
    }

    @Test
    void triangularSolveSolves() {
        Graph g = new Graph();
        Node l = g.constant(new Tensor(new int[] {2, 2}, new double[] {2, 99, -1, 4}));
        Node x = g.apply(TriangularSolve.INSTANCE, l, g.constant(values(4, 10)));
        Executor e = new Executor(g, 1, ParameterStore.initial(g), new java.util.SplittableRandom(1));
        e.forward();
        // 2 x1 = 4, -x1 + 4 x2 = 10; the entry above the diagonal is ignored
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {2, 3}, e.value(x).data, 1e-15);
    }

    @Test
    void noGradientFlowsThroughAStop() {
        Graph g = new Graph();
        Node a = g.parameter("a", values(0.5, 2));
        Node root = g.sum(g.mul(a, g.stopGradient(a))); // value a . a, gradient a, not 2a
        Executor e = new Executor(g, 1, ParameterStore.initial(g), new java.util.SplittableRandom(1));
        e.forward();
        e.backward(root);
        org.junit.jupiter.api.Assertions.assertEquals(4.25, e.value(root).item(), 1e-15);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.5, 2}, e.gradient(a).data, 1e-15);
    }

    @Test
    void matrixVectorAndMatrixMatrixProducts() {
        Graph g = new Graph();
        Node m = g.parameter("m", new Tensor(new int[] {2, 3}, new double[] {1, -2, 0.5, 3, 0.1, -1}));
        Node v = g.parameter("v", values(0.4, -0.3, 2));
        Node noise = g.noise(Leaf.Noise.Kind.NORMAL, 3);
        Node mv = g.matmul(m, g.add(v, noise));
        Node mm = g.matmul(m, g.apply(Transpose.INSTANCE, m));
        Node root = g.add(scalarRoot(g, g.apply(Unary.SQUARE, mv)), g.sum(g.apply(Unary.SQUARE, mm)));
        GradientCheck.check(g, root, 3, 1e-5);
    }

    /**
     * A regression's X * beta at sizes that reach every loop of MatMul's matrix-vector case:
     * 6 rows (a block of four and two left over) and 5 particles (a block of four particles
     * and one left over); a data matrix, a parameter matrix shared by the particles, and a
     * per-particle matrix.
     */
    @Test
    void matrixVectorProductsAcrossRowAndParticleBlocks() {
        Graph g = new Graph();
        double[] values = new double[18];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sin(1 + i);
        }
        Node data = g.constant(new Tensor(new int[] {6, 3}, values));
        Node m = g.parameter("m", new Tensor(new int[] {6, 3}, values.clone()));
        Node v = g.add(g.parameter("v", values(0.4, -0.3, 2)), g.noise(Leaf.Noise.Kind.NORMAL, 3));
        Node perParticle = g.add(m, g.noise(Leaf.Noise.Kind.NORMAL, 6, 3));
        Node root = g.add(g.add(scalarRoot(g, g.apply(Unary.SQUARE, g.matmul(data, v))),
                scalarRoot(g, g.apply(Unary.SQUARE, g.matmul(m, v)))),
                scalarRoot(g, g.apply(Unary.SQUARE, g.matmul(perParticle, v))));
        GradientCheck.check(g, root, 5, 1e-5);
    }

    /** alpha + X * beta: a scalar, shared or per particle, added to a vector gets one gradient sum per particle. */
    @ParameterizedTest
    @EnumSource(value = Binary.class, names = {"ADD", "SUB"})
    void scalarOperandGradientsOfSumsAndDifferences(Binary fn) {
        Graph g = new Graph();
        Node vector = g.add(g.parameter("a", values(0.3, 1.2, 2.0)), g.noise(Leaf.Noise.Kind.UNIFORM, 3));
        Node shared = g.parameter("b", Tensor.scalar(1.7));
        Node perParticle = g.add(g.parameter("c", Tensor.scalar(-0.6)), g.noise(Leaf.Noise.Kind.NORMAL));
        Node root = g.add(scalarRoot(g, g.apply(Unary.SQUARE, g.apply(fn, vector, shared))),
                scalarRoot(g, g.apply(Unary.SQUARE, g.apply(fn, perParticle, vector))));
        GradientCheck.check(g, root, 4, 1e-5);
    }

    @Test
    void gatherTakeReshapeAndLogSumExp() {
        Graph g = new Graph();
        Node alpha = g.parameter("alpha", values(0.5, -1, 2, 0.25));
        Node idx = g.constant(values(0, 2, 2, 3, 0));
        Node gathered = g.apply(Gather.INSTANCE, g.add(alpha, g.noise(Leaf.Noise.Kind.NORMAL, 4)), idx);
        Node taken = g.reshape(g.apply(new Take(1, new int[] {2, 2}), gathered), 4);
        Node root = g.add(scalarRoot(g, g.apply(Unary.SQUARE, taken)),
                g.meanOverParticles(g.apply(Reduce.LOG_SUM_EXP, gathered)));
        GradientCheck.check(g, root, 2, 1e-5);
    }

    @Test
    void logSumExpOverTheLastAxisGivesOneValuePerRow() {
        Graph g = new Graph();
        Node m = g.parameter("m", new Tensor(new int[] {2, 3}, new double[] {0.5, -1, 2, 0.25, 3, -0.7}));
        Node perParticle = g.add(m, g.reshape(g.noise(Leaf.Noise.Kind.NORMAL, 6), 2, 3));
        Node rows = g.apply(Reduce.LOG_SUM_EXP_LAST_AXIS, perParticle);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {2}, rows.shape);
        GradientCheck.check(g, scalarRoot(g, g.apply(Unary.SQUARE, rows)), 3, 1e-5);

        Graph h = new Graph();
        Node fixed = h.apply(Reduce.LOG_SUM_EXP_LAST_AXIS, h.constant(new Tensor(new int[] {2, 2},
                new double[] {0, 0, 1000, Math.log(3) + 1000})));
        Executor e = new Executor(h, 1, ParameterStore.initial(h), new java.util.SplittableRandom(1));
        e.forward();
        // log(1 + 1) and 1000 + log(1 + 3), without overflow
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {Math.log(2), 1000 + Math.log(4)},
                e.value(fixed).data, 1e-12);
    }

    @Test
    void sumOverTheLastAxisGivesOneValuePerRow() {
        Graph g = new Graph();
        Node m = g.parameter("m", new Tensor(new int[] {2, 3}, new double[] {0.5, -1, 2, 0.25, 3, -0.7}));
        Node perParticle = g.add(m, g.reshape(g.noise(Leaf.Noise.Kind.NORMAL, 6), 2, 3));
        Node rows = g.apply(Reduce.SUM_LAST_AXIS, perParticle);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {2}, rows.shape);
        GradientCheck.check(g, scalarRoot(g, g.apply(Unary.SQUARE, rows)), 3, 1e-5);
        Graph h = new Graph();
        Node fixed = h.apply(Reduce.SUM_LAST_AXIS, h.constant(new Tensor(new int[] {2, 2}, new double[] {1, 2, 3, 4})));
        Executor e = new Executor(h, 1, ParameterStore.initial(h), new java.util.SplittableRandom(1));
        e.forward();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {3, 7}, e.value(fixed).data, 0);
    }

    @Test
    void argmaxOverTheLastAxisTakesTheFirstLargest() {
        Graph h = new Graph();
        Node best = h.apply(ArgmaxLastAxis.INSTANCE, h.constant(new Tensor(new int[] {3, 3},
                new double[] {1, 5, 2, -1, -3, -2, 4, 0, 4})));
        Executor e = new Executor(h, 1, ParameterStore.initial(h), new java.util.SplittableRandom(1));
        e.forward();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 0, 0}, e.value(best).data, 0);
        org.junit.jupiter.api.Assertions.assertFalse(ArgmaxLastAxis.INSTANCE.passesGradient());
    }

    /** mu[z] with z different in each particle: each particle reads its own rows, and only mu gets a gradient. */
    @Test
    void gatherWithIndicesThatDifferByParticle() {
        Graph g = new Graph();
        Node mu = g.parameter("mu", values(1, 2, 3));
        Node z = g.input("z", 2); // per particle, written below
        Node picked = g.apply(Gather.INSTANCE, mu, z);
        org.junit.jupiter.api.Assertions.assertTrue(picked.batched);
        Node root = g.meanOverParticles(g.sum(picked));
        Executor e = new Executor(g, 2, ParameterStore.initial(g), new java.util.SplittableRandom(1));
        System.arraycopy(new double[] {0, 2, 1, 1}, 0, e.value(z).data, 0, 4);
        e.forward();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 3, 2, 2}, e.value(picked).data);
        e.backward(root);
        // each row's gradient is how often it was read, over the two particles
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.5, 1, 0.5}, e.gradient(mu).data, 1e-15);
    }
}
