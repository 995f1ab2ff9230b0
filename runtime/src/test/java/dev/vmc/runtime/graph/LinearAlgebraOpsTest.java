package dev.vmc.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** cholesky_decompose, the GP covariances and diag_matrix: values against direct computations, gradients against differences. */
class LinearAlgebraOpsTest {
    /** A symmetric positive definite 3 x 3 matrix. */
    private static final double[] SPD = {4, 1.2, -0.6, 1.2, 3, 0.5, -0.6, 0.5, 2};

    private static Tensor value(Graph g, Node n) {
        Executor e = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
        e.forward();
        return e.value(n);
    }

    /** Weights every element differently, so a gradient in the wrong place shows. */
    private static Node weightedSum(Graph g, Node n) {
        double[] w = new double[n.modelSize()];
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.3 + 0.17 * i - 0.02 * i * i;
        }
        Node s = g.sum(g.mul(n, g.constant(new Tensor(n.shape, w))));
        return s.batched ? g.meanOverParticles(s) : s;
    }

    @Test
    void choleskyFactorsTimesTheirTransposeGiveTheMatrixBack() {
        Graph g = new Graph();
        Node l = g.apply(Cholesky.INSTANCE, g.constant(new Tensor(new int[] {3, 3}, SPD)));
        double[] f = value(g, l).data;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += f[i * 3 + k] * f[j * 3 + k];
                }
                assertEquals(SPD[i * 3 + j], sum, 1e-14, "(L L')[" + i + "," + j + "]");
                if (j > i) {
                    assertEquals(0, f[i * 3 + j], 0, "above the diagonal");
                }
            }
        }
        assertEquals(2, f[0], 0); // sqrt(4)
    }

    @Test
    void aMatrixThatIsNotPositiveDefiniteGivesNaN() {
        Graph g = new Graph();
        Node l = g.apply(Cholesky.INSTANCE, g.constant(new Tensor(new int[] {2, 2}, new double[] {1, 2, 2, 1})));
        assertTrue(Double.isNaN(value(g, l).data[0]));
    }

    /** The gradient reaches A's lower triangle, the entries read; per particle, so every stride is exercised. */
    @Test
    void choleskyGradientsMatchFiniteDifferences() {
        Graph g = new Graph();
        Node a = g.parameter("a", new Tensor(new int[] {3, 3}, SPD));
        Node perParticle = g.add(a, g.mul(g.noise(Leaf.Noise.Kind.UNIFORM), g.constant(Tensor.filled(new int[] {3, 3}, 0.1))));
        GradientCheck.check(g, weightedSum(g, g.apply(Cholesky.INSTANCE, perParticle)), 3, 1e-6);
    }

    @Test
    void choleskyGradientsOfASharedMatrixMatchFiniteDifferences() {
        Graph g = new Graph();
        Node a = g.parameter("a", new Tensor(new int[] {4, 4},
                new double[] {5, 1, 0.5, -1, 1, 4, 0.3, 0.2, 0.5, 0.3, 3, 0.7, -1, 0.2, 0.7, 6}));
        Node l = g.apply(Cholesky.INSTANCE, a);
        GradientCheck.check(g, weightedSum(g, l), 1, 1e-6);
    }

    /** A per-particle factor and a per-particle matrix of three columns: every stride of the solve and its gradient. */
    @Test
    void triangularSolveOfMatricesPerParticleMatchesFiniteDifferences() {
        Graph g = new Graph();
        Node l = g.parameter("l", new Tensor(new int[] {3, 3}, new double[] {1.5, 9, 9, -0.4, 0.8, 9, 0.3, 0.7, 2.1}));
        Node b = g.parameter("b", new Tensor(new int[] {3, 2}, new double[] {0.4, -0.3, 2, 1, -1.2, 0.6}));
        Node noisyL = g.add(l, g.mul(g.noise(Leaf.Noise.Kind.UNIFORM), g.constant(Tensor.filled(new int[] {3, 3}, 0.1))));
        Node noisyB = g.add(b, g.noise(Leaf.Noise.Kind.NORMAL, 3, 2));
        GradientCheck.check(g, weightedSum(g, g.apply(TriangularSolve.INSTANCE, noisyL, noisyB)), 3, 1e-5);
    }

    @Test
    void triangularSolveOfAMatrixSolvesEachColumn() {
        Graph g = new Graph();
        Node l = g.constant(new Tensor(new int[] {2, 2}, new double[] {2, 99, -1, 4}));
        Node x = g.apply(TriangularSolve.INSTANCE, l, g.constant(new Tensor(new int[] {2, 2}, new double[] {4, 2, 10, 3})));
        // columns (4, 10) and (2, 3): 2 x1 = b1, -x1 + 4 x2 = b2; the entry above the diagonal is ignored
        assertArrayEquals(new double[] {2, 1, 3, 1}, value(g, x).data, 1e-15);
    }

    @Test
    void expQuadCovarianceMatchesItsFormula() {
        Graph g = new Graph();
        double[] x = {-1, 0.5, 2};
        Node k = g.apply(GpCovariance.EXP_QUAD, g.constant(Tensor.vector(x)), g.constant(Tensor.vector(x)), g.constant(1.5),
                g.constant(0.8));
        double[] v = value(g, k).data;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double d = x[i] - x[j];
                assertEquals(2.25 * Math.exp(-d * d / (2 * 0.64)), v[i * 3 + j], 1e-15);
            }
        }
    }

    @Test
    void maternCovariancesMatchTheirFormulas() {
        Graph g = new Graph();
        Node x1 = g.constant(new Tensor(new int[] {2, 2}, new double[] {0, 0, 1, 2}));
        Node x2 = g.constant(new Tensor(new int[] {1, 2}, new double[] {0.5, -1}));
        double[] m32 = value(g, g.apply(GpCovariance.MATERN32, x1, x2, g.constant(2), g.constant(1.7))).data;
        double[] m52 = value(g, g.apply(GpCovariance.MATERN52, x1, x2, g.constant(2), g.constant(1.7))).data;
        double[][] points = {{0, 0}, {1, 2}};
        for (int i = 0; i < 2; i++) {
            double dx = points[i][0] - 0.5;
            double dy = points[i][1] + 1;
            double r = Math.sqrt(dx * dx + dy * dy) / 1.7;
            assertEquals(4 * (1 + Math.sqrt(3) * r) * Math.exp(-Math.sqrt(3) * r), m32[i], 1e-14);
            assertEquals(4 * (1 + Math.sqrt(5) * r + 5 * r * r / 3) * Math.exp(-Math.sqrt(5) * r), m52[i], 1e-14);
        }
    }

    /** Points, magnitude and length-scale all get gradients, per particle, including the d = 0 diagonal. */
    @ParameterizedTest
    @EnumSource(GpCovariance.class)
    void covarianceGradientsMatchFiniteDifferences(GpCovariance kernel) {
        Graph g = new Graph();
        Node x = g.parameter("x", new Tensor(new int[] {3, 2}, new double[] {0.1, -0.4, 1.2, 0.3, -0.7, 0.9}));
        Node y = g.parameter("y", new Tensor(new int[] {2, 2}, new double[] {0.5, 0.5, -1, 0.2}));
        Node alpha = g.add(g.parameter("alpha", Tensor.scalar(1.3)), g.mul(g.noise(Leaf.Noise.Kind.UNIFORM),
                g.constant(0.1)));
        Node rho = g.parameter("rho", Tensor.scalar(0.9));
        Node root = g.add(weightedSum(g, g.apply(kernel, x, x, alpha, rho)), weightedSum(g, g.apply(kernel, x, y, alpha, rho)));
        GradientCheck.check(g, root, 2, 1e-6);
    }

    @Test
    void diagMatrixPutsTheVectorOnTheDiagonal() {
        Graph g = new Graph();
        Node v = g.parameter("v", Tensor.vector(1, -2, 3));
        Node d = g.apply(DiagMatrix.INSTANCE, v);
        assertArrayEquals(new double[] {1, 0, 0, 0, -2, 0, 0, 0, 3}, value(g, d).data, 0);
        GradientCheck.check(g, weightedSum(g, g.apply(Unary.SQUARE, d)), 1, 1e-6);
    }
}
