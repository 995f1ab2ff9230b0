package dev.vmc.runtime.pathfinder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CurvatureHistoryTest {
    /** A move on log p = -0.5 sum h_i x_i^2, whose Hessian of -log p is diag(h). */
    private static boolean move(CurvatureHistory c, double[] h, double[] from, double[] to) {
        double[] g0 = new double[h.length];
        double[] g1 = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            g0[i] = -h[i] * from[i];
            g1[i] = -h[i] * to[i];
        }
        return c.add(new Lbfgs.Point(from, 0, g0), new Lbfgs.Point(to, 0, g1));
    }

    @Test
    void rejectsPairsWithoutPositiveCurvature() {
        CurvatureHistory c = new CurvatureHistory(2, 5);
        double[] x0 = {0, 0};
        double[] x1 = {1, 0.5};
        // log p rising more steeply along the move (convex there): s'y < 0
        assertFalse(c.add(new Lbfgs.Point(x0, 0, new double[] {1, 0}), new Lbfgs.Point(x1, 1, new double[] {2, 0})));
        // a linear stretch: y = 0, so s'y = 0
        assertFalse(c.add(new Lbfgs.Point(x0, 0, new double[] {1, 1}), new Lbfgs.Point(x1, 1.5, new double[] {1, 1})));
        // y orthogonal to s
        assertFalse(c.add(new Lbfgs.Point(x0, 0, new double[] {1, 1}), new Lbfgs.Point(x1, 1, new double[] {1.5, 0})));
        assertTrue(c.pairs().isEmpty());
        assertArrayEquals(new double[] {1, 1}, c.diagonal());
        assertTrue(move(c, new double[] {1, 2}, x0, x1), "a concave log p gives s'y > 0");
        assertEquals(1, c.pairs().size());
    }

    @Test
    void keepsTheLastPairsOnlyOldestFirst() {
        CurvatureHistory c = new CurvatureHistory(2, 3);
        double[] h = {1, 2};
        double[] x = {0, 0};
        for (int k = 1; k <= 5; k++) {
            double[] next = {x[0] + k, x[1] - k};
            assertTrue(move(c, h, x, next));
            x = next;
        }
        List<double[][]> pairs = c.pairs();
        assertEquals(3, pairs.size());
        for (int k = 0; k < 3; k++) {
            double step = 3 + k; // moves 3, 4 and 5
            assertArrayEquals(new double[] {step, -step}, pairs.get(k)[0], 0, "s of pair " + k);
            assertArrayEquals(new double[] {h[0] * step, -h[1] * step}, pairs.get(k)[1], 0, "y of pair " + k);
        }
    }

    /** Random steps on a quadratic with curvatures from 0.25 to 4: alpha converges to 1 / h. */
    @Test
    void diagonalConvergesToTheInverseHessianOfADiagonalQuadratic() {
        double[] h = {0.25, 0.5, 1, 2, 3, 4};
        double[] alpha = walk(h, 300, 1);
        for (int i = 0; i < h.length; i++) {
            // seeds 1 to 3 are within 3e-7 after 200 moves, linearly converging; 300 moves here
            assertEquals(1 / h[i], alpha[i], 1e-6 / h[i], "alpha[" + i + "]");
        }
    }

    /** Curvatures spread over four orders of magnitude: the diagonal stays positive and improves. */
    @Test
    void diagonalStaysPositiveAndImprovesWhenBadlyScaled() {
        double[] h = {0.01, 0.1, 1, 3, 10, 100};
        double early = logError(h, walk(h, 5, 2));
        double late = logError(h, walk(h, 400, 2));
        assertTrue(late < 0.5 * early, "largest |log(alpha h)| " + early + " after 5 moves, " + late + " after 400");
    }

    /** The diagonal after n random moves, checked positive and finite after every move. */
    private static double[] walk(double[] h, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        CurvatureHistory c = new CurvatureHistory(h.length, 5);
        double[] x = new double[h.length];
        for (int k = 0; k < n; k++) {
            double[] next = new double[h.length];
            for (int i = 0; i < h.length; i++) {
                next[i] = x[i] + random.nextGaussian();
            }
            assertTrue(move(c, h, x, next));
            x = next;
            for (double a : c.diagonal()) {
                assertTrue(a > 0 && Double.isFinite(a), "alpha " + a + " after move " + k);
            }
        }
        return c.diagonal();
    }

    private static double logError(double[] h, double[] alpha) {
        double worst = 0;
        for (int i = 0; i < h.length; i++) {
            worst = Math.max(worst, Math.abs(Math.log(alpha[i] * h[i])));
        }
        return worst;
    }
}
