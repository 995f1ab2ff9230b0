package dev.vmc.runtime.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.GradientCheck;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The maps of whole vectors (ordered, positive_ordered, unit_vector, simplex), alone and over arrays of vectors. */
class BlockMapsTest {
    private static final int K = 4;

    static Stream<Support> supports() {
        return Stream.of(Support.ORDERED, Support.POSITIVE_ORDERED, Support.SIMPLEX, Support.UNIT_VECTOR);
    }

    /** The maps that are bijections, whose log-Jacobian is a true log-determinant. */
    static Stream<Support> bijective() {
        return Stream.of(Support.ORDERED, Support.POSITIVE_ORDERED, Support.SIMPLEX);
    }

    private static double[] random(SplittableRandom random, int n, double radius) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextDouble(-radius, radius);
        }
        return y;
    }

    private static BlockMap map(Support s) {
        return Bijections.blockMap(s, new int[] {K});
    }

    @ParameterizedTest
    @MethodSource("supports")
    void constrainedValuesAreInTheSupportAndRoundTrip(Support s) {
        BlockMap map = map(s);
        SplittableRandom random = new SplittableRandom(21);
        for (int trial = 0; trial < 50; trial++) {
            double[] y = random(random, map.freeSize(), 3);
            double[] x = new double[K];
            map.constrain(y, 0, x, 0);
            assertNull(map.outside(x, 0), Arrays.toString(x) + " in " + s);
            double[] back = Bijections.unconstrainBlocks(x, new int[] {K}, s);
            double[] again = Bijections.constrainBlocks(back, new int[] {K}, s);
            for (int i = 0; i < K; i++) {
                assertEquals(x[i], again[i], 1e-12 * Math.max(1, Math.abs(x[i])), "x[" + i + "] at trial " + trial);
            }
            if (s != Support.UNIT_VECTOR) { // a unit vector's y is only known up to its length
                for (int i = 0; i < y.length; i++) {
                    assertEquals(y[i], back[i], 1e-9 * Math.max(1, Math.abs(y[i])), "y[" + i + "] at trial " + trial);
                }
            }
        }
    }

    /** Central differences with h = 1e-5 err by about 1e-10 relative here; 1e-7 is ample. */
    @ParameterizedTest
    @MethodSource("bijective")
    void logJacobianIsTheLogDeterminantOfFiniteDifferences(Support s) {
        BlockMap map = map(s);
        int free = map.freeSize();
        SplittableRandom random = new SplittableRandom(22);
        double h = 1e-5;
        for (int trial = 0; trial < 20; trial++) {
            double[] y = random(random, free, 2);
            double[][] jacobian = new double[free][free];
            for (int j = 0; j < free; j++) {
                double[] up = y.clone();
                double[] down = y.clone();
                up[j] += h;
                down[j] -= h;
                double[] xUp = new double[K];
                double[] xDown = new double[K];
                map.constrain(up, 0, xUp, 0);
                map.constrain(down, 0, xDown, 0);
                for (int i = 0; i < free; i++) { // the first free values: a simplex's last is fixed by them
                    jacobian[i][j] = (xUp[i] - xDown[i]) / (2 * h);
                }
            }
            double det = new LUDecomposition(new Array2DRowRealMatrix(jacobian)).getDeterminant();
            assertEquals(Math.log(Math.abs(det)), map.logAbsDet(y, 0), 1e-7, s + " at trial " + trial);
        }
    }

    @Test
    void unitVectorTermIsMinusHalfTheSquaredNorm() {
        double[] y = {0.3, -1.2, 2.0, 0.5};
        double ss = 0;
        for (double v : y) {
            ss += v * v;
        }
        assertEquals(-0.5 * ss, map(Support.UNIT_VECTOR).logAbsDet(y, 0), 1e-15);
    }

    /**
     * An array of two vectors, per particle, through the graph against central differences: the
     * constrained values weighted and summed, plus the log-Jacobian, which sums over both.
     */
    @ParameterizedTest
    @MethodSource("supports")
    void gradientsOverAnArrayOfVectorsMatchFiniteDifferences(Support s) {
        int free = map(s).freeSize();
        Graph g = new Graph();
        double[] start = random(new SplittableRandom(23), 2 * free, 1);
        Node y = g.parameter("y", new Tensor(new int[] {2, free}, start));
        Node perParticle = g.add(y, g.noise(Leaf.Noise.Kind.NORMAL, 2, free));
        Node x = Bijections.constrain(g, perParticle, s);
        assertTrue(Arrays.equals(new int[] {2, K}, x.shape), Arrays.toString(x.shape));
        double[] weights = {1, -2, 3, 0.5, -0.7, 0.2, 1.5, -1};
        Node weighted = g.sum(g.mul(g.constant(new Tensor(new int[] {2, K}, weights)), x));
        Node root = g.meanOverParticles(g.add(weighted, Bijections.logAbsDetJacobian(g, perParticle, s)));
        GradientCheck.check(g, root, 3, 1e-6);
    }

    @ParameterizedTest
    @MethodSource("supports")
    void eachParticleAndEachVectorIsMappedOnItsOwn(Support s) {
        int free = map(s).freeSize();
        Graph g = new Graph();
        Node u = g.noise(Leaf.Noise.Kind.NORMAL, 3, free);
        Node x = Bijections.constrain(g, u, s);
        Node logJ = Bijections.logAbsDetJacobian(g, u, s);
        Executor exec = new Executor(g, 2, ParameterStore.initial(g), new SplittableRandom(5));
        exec.forward();
        for (int p = 0; p < 2; p++) {
            double sum = 0;
            for (int b = 0; b < 3; b++) {
                int at = (p * 3 + b) * free;
                double[] one = Arrays.copyOfRange(exec.value(u).data, at, at + free);
                double[] expected = Bijections.constrainBlocks(one, new int[] {K}, s);
                for (int i = 0; i < K; i++) {
                    assertEquals(expected[i], exec.value(x).data[(p * 3 + b) * K + i], 0);
                }
                sum += map(s).logAbsDet(one, 0);
            }
            assertEquals(sum, exec.value(logJ).data[p], 1e-12);
        }
    }

    /** The matrix supports with a shape each: cholesky_factor_cov also non-square. */
    static Stream<org.junit.jupiter.params.provider.Arguments> matrices() {
        return Stream.of(org.junit.jupiter.params.provider.Arguments.of(Support.CHOLESKY_CORR, new int[] {4, 4}),
                org.junit.jupiter.params.provider.Arguments.of(Support.CHOLESKY_COV, new int[] {3, 3}),
                org.junit.jupiter.params.provider.Arguments.of(Support.CHOLESKY_COV, new int[] {4, 2}),
                org.junit.jupiter.params.provider.Arguments.of(Support.CORR_MATRIX, new int[] {4, 4}),
                org.junit.jupiter.params.provider.Arguments.of(Support.COV_MATRIX, new int[] {3, 3}));
    }

    /**
     * The matrix's coordinates that the free values determine, whose Jacobian the log-Jacobian
     * is: below the diagonal for the correlation types (the diagonal follows), on and below it
     * for the covariance types (a symmetric matrix's upper triangle repeats the lower).
     */
    private static int[] freeCoordinates(Support s, int[] shape) {
        boolean strict = s == Support.CHOLESKY_CORR || s == Support.CORR_MATRIX;
        java.util.List<Integer> at = new java.util.ArrayList<>();
        for (int i = 0; i < shape[0]; i++) {
            for (int j = 0; j < shape[1] && (strict ? j < i : j <= i); j++) {
                at.add(i * shape[1] + j);
            }
        }
        return at.stream().mapToInt(Integer::intValue).toArray();
    }

    @ParameterizedTest
    @MethodSource("matrices")
    void matrixMapsRoundTripAndTheirLogJacobianIsTheLogDeterminant(Support s, int[] shape) {
        BlockMap map = Bijections.blockMap(s, shape);
        int free = map.freeSize();
        int[] coordinates = freeCoordinates(s, shape);
        assertEquals(free, coordinates.length);
        SplittableRandom random = new SplittableRandom(24);
        double h = 1e-5;
        for (int trial = 0; trial < 10; trial++) {
            double[] y = random(random, free, 1.5);
            double[] x = new double[map.size()];
            map.constrain(y, 0, x, 0);
            assertNull(map.outside(x, 0), s + " " + Arrays.toString(x));
            double[] back = Bijections.unconstrainBlocks(x, shape, s);
            for (int i = 0; i < free; i++) {
                assertEquals(y[i], back[i], 1e-8 * Math.max(1, Math.abs(y[i])), s + " y[" + i + "] at trial " + trial);
            }
            double[][] jacobian = new double[free][free];
            for (int j = 0; j < free; j++) {
                double[] up = y.clone();
                double[] down = y.clone();
                up[j] += h;
                down[j] -= h;
                double[] xUp = new double[map.size()];
                double[] xDown = new double[map.size()];
                map.constrain(up, 0, xUp, 0);
                map.constrain(down, 0, xDown, 0);
                for (int i = 0; i < free; i++) {
                    jacobian[i][j] = (xUp[coordinates[i]] - xDown[coordinates[i]]) / (2 * h);
                }
            }
            double det = new LUDecomposition(new Array2DRowRealMatrix(jacobian)).getDeterminant();
            assertEquals(Math.log(Math.abs(det)), map.logAbsDet(y, 0), 1e-6, s + " at trial " + trial);
        }
    }

    /** Two matrices per particle through the graph: values weighted and summed, plus the log-Jacobian, against central differences. */
    @ParameterizedTest
    @MethodSource("matrices")
    void matrixGradientsMatchFiniteDifferences(Support s, int[] shape) {
        int free = Bijections.blockMap(s, shape).freeSize();
        int[] full = {2, shape[0], shape[1]};
        Graph g = new Graph();
        Node y = g.parameter("y", new Tensor(new int[] {2, free}, random(new SplittableRandom(25), 2 * free, 1)));
        Node perParticle = g.add(y, g.mul(g.constant(0.3), g.noise(Leaf.Noise.Kind.NORMAL, 2, free)));
        Node x = Bijections.constrain(g, perParticle, s, full);
        assertTrue(Arrays.equals(full, x.shape), Arrays.toString(x.shape));
        double[] weights = random(new SplittableRandom(26), 2 * shape[0] * shape[1], 2);
        Node weighted = g.sum(g.mul(g.constant(new Tensor(full, weights)), x));
        Node root = g.meanOverParticles(g.add(weighted, Bijections.logAbsDetJacobian(g, perParticle, s, full)));
        GradientCheck.check(g, root, 3, 1e-6);
    }

    @Test
    void matrixValuesOutsideAreNamed() {
        assertEquals("row 2 has squared length 0.5, not 1",
                Bijections.outside(new double[] {1, 0, 0.5, 0.5}, new int[] {2, 2}, Support.CHOLESKY_CORR));
        assertEquals("element [1, 2] is 1, above the diagonal, where a Cholesky factor is 0",
                Bijections.outside(new double[] {1, 1, 0, 1}, new int[] {2, 2}, Support.CHOLESKY_COV));
        assertEquals("it is not positive definite (its Cholesky factorisation fails at row 2)",
                Bijections.outside(new double[] {1, 2, 2, 1}, new int[] {2, 2}, Support.COV_MATRIX));
        assertEquals("element [2, 1] is 0.5 but element [1, 2] is 0.4, so it is not symmetric",
                Bijections.outside(new double[] {1, 0.4, 0.5, 1}, new int[] {2, 2}, Support.CORR_MATRIX));
        assertTrue(Arrays.equals(new int[] {3, 6}, Bijections.unconstrainedShape(new int[] {3, 4, 4}, Support.CHOLESKY_CORR)));
        assertTrue(Arrays.equals(new int[] {5}, Bijections.unconstrainedShape(new int[] {3, 2}, Support.CHOLESKY_COV)));
    }

    @Test
    void theUnconstrainedShapeReplacesTheLastAxis() {
        assertTrue(Arrays.equals(new int[] {3, 4}, Bijections.unconstrainedShape(new int[] {3, 5}, Support.SIMPLEX)));
        assertTrue(Arrays.equals(new int[] {3, 5}, Bijections.unconstrainedShape(new int[] {3, 5}, Support.ORDERED)));
    }

    @Test
    void valuesOutsideNameTheVectorAndElement() {
        assertEquals("vector 2: element 3 (1) is not greater than element 2 (2)",
                Bijections.outside(new double[] {0, 1, 2, 0, 2, 1}, new int[] {2, 3}, Support.ORDERED));
        assertEquals("element 1 is 0, not positive",
                Bijections.outside(new double[] {0, 1, 2}, new int[] {3}, Support.POSITIVE_ORDERED));
        assertEquals("its squared norm is 2.0, not 1",
                Bijections.outside(new double[] {1, 1}, new int[] {2}, Support.UNIT_VECTOR));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Bijections.unconstrainBlocks(new double[] {0.5, 0.6}, new int[] {2}, Support.SIMPLEX));
        assertTrue(e.getMessage().contains("sum to 1.1"), e.getMessage());
    }
}
