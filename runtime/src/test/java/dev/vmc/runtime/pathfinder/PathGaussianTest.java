package dev.vmc.runtime.pathfinder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.DenseGaussian;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pathfinder's compact Gaussian against dense computations: the covariance against the
 * textbook recursive BFGS inverse update, which shares no code with the compact form.
 */
class PathGaussianTest {
    /** Random pairs with s'y > 0 (d, number of pairs); 2j > d makes the compact form rank deficient. */
    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of(6, 0), Arguments.of(6, 1), Arguments.of(6, 3), Arguments.of(8, 4),
                Arguments.of(5, 4), Arguments.of(12, 6));
    }

    private record Case(double[] x, double[] g, double[] alpha, List<double[][]> pairs, PathGaussian q) {}

    private static Case random(int d, int j) {
        SplittableRandom random = new SplittableRandom(100 * d + j);
        double[] x = new double[d];
        double[] g = new double[d];
        double[] alpha = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = random.nextGaussian();
            g[i] = random.nextGaussian();
            alpha[i] = Math.exp(random.nextDouble(-1, 1));
        }
        List<double[][]> pairs = new ArrayList<>();
        while (pairs.size() < j) {
            double[] s = new double[d];
            double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                s[i] = random.nextGaussian();
                y[i] = random.nextGaussian();
            }
            double sy = Lbfgs.dot(s, y);
            // curvature clearly positive: s'y at least a fifth of |s||y|, so H stays well conditioned
            if (Math.abs(sy) > 0.2 * Math.sqrt(Lbfgs.dot(s, s) * Lbfgs.dot(y, y))) {
                if (sy < 0) {
                    for (int i = 0; i < d; i++) {
                        y[i] = -y[i];
                    }
                }
                pairs.add(new double[][] {s, y});
            }
        }
        PathGaussian q = PathGaussian.at(x, g, alpha, pairs);
        assertNotNull(q, "positive curvature pairs give a positive definite H");
        return new Case(x, g, alpha, pairs, q);
    }

    /** H <- (I - rho s y') H (I - rho y s') + rho s s', rho = 1 / s'y, for each pair in order from diag(alpha). */
    private static double[][] recursiveBfgs(double[] alpha, List<double[][]> pairs) {
        int d = alpha.length;
        double[][] h = new double[d][d];
        for (int i = 0; i < d; i++) {
            h[i][i] = alpha[i];
        }
        for (double[][] pair : pairs) {
            double[] s = pair[0];
            double[] y = pair[1];
            double rho = 1 / Lbfgs.dot(s, y);
            double[][] e = new double[d][d]; // I - rho s y'
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < d; k++) {
                    e[i][k] = (i == k ? 1 : 0) - rho * s[i] * y[k];
                }
            }
            double[][] next = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int l = 0; l < d; l++) {
                    double acc = rho * s[i] * s[l];
                    for (int a = 0; a < d; a++) {
                        for (int b = 0; b < d; b++) {
                            acc += e[i][a] * h[a][b] * e[l][b];
                        }
                    }
                    next[i][l] = acc;
                }
            }
            h = next;
        }
        return h;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void covarianceIsTheRecursiveBfgsInverseHessian(int d, int j) {
        Case c = random(d, j);
        double[][] h = recursiveBfgs(c.alpha(), c.pairs());
        double[][] sigma = c.q().covariance();
        assertTrue(DenseGaussian.maxDifference(h, sigma) <= 1e-10 * DenseGaussian.maxAbs(h),
                "largest difference " + DenseGaussian.maxDifference(h, sigma) + " in entries up to " + DenseGaussian.maxAbs(h));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void meanIsTheQuasiNewtonStep(int d, int j) {
        Case c = random(d, j);
        double[][] h = recursiveBfgs(c.alpha(), c.pairs());
        double[] expected = c.x().clone();
        for (int i = 0; i < d; i++) {
            expected[i] += Lbfgs.dot(h[i], c.g());
        }
        assertArrayEquals(expected, c.q().mean(), 1e-10 * Math.max(1, DenseGaussian.maxAbs(new double[][] {expected})));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void variancesAndPrecisionDiagonalAreThoseOfTheDenseCovariance(int d, int j) {
        Case c = random(d, j);
        double[][] sigma = c.q().covariance();
        double[][] precision = DenseGaussian.inverse(sigma);
        double[] variances = c.q().variances();
        double[] precisionDiagonal = c.q().precisionDiagonal();
        for (int i = 0; i < d; i++) {
            assertEquals(sigma[i][i], variances[i], 1e-12 * sigma[i][i], "variance " + i);
            assertEquals(precision[i][i], precisionDiagonal[i], 1e-9 * precision[i][i], "precision " + i);
        }
    }

    /**
     * draw is affine in xi, xi -> mean + A xi; its columns from unit noises must give A A' =
     * Sigma, and its density must be the dense normal density of the draw.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void drawsHaveTheCovarianceAndTheirDensity(int d, int j) {
        Case c = random(d, j);
        double[][] sigma = c.q().covariance();
        double[] mean = c.q().mean();
        double[][] a = new double[d][d];
        double[] out = new double[d];
        for (int k = 0; k < d; k++) {
            double[] unit = new double[d];
            unit[k] = 1;
            c.q().draw(unit, out);
            for (int i = 0; i < d; i++) {
                a[i][k] = out[i] - mean[i];
            }
        }
        assertTrue(DenseGaussian.maxDifference(DenseGaussian.outer(a), sigma) <= 1e-10 * DenseGaussian.maxAbs(sigma));
        SplittableRandom random = new SplittableRandom(d);
        for (int t = 0; t < 5; t++) {
            double[] xi = new double[d];
            for (int i = 0; i < d; i++) {
                xi[i] = random.nextGaussian();
            }
            c.q().draw(xi, out);
            double expected = DenseGaussian.logDensity(mean, sigma, out);
            assertEquals(expected, c.q().logDensityOfDraw(xi), 1e-9 * Math.max(1, Math.abs(expected)));
        }
    }

    /** The eigen-form GuideStart reads: Sigma = D^1/2 (I + V diag(values) V') D^1/2. */
    @ParameterizedTest
    @MethodSource("cases")
    void whitenedLowRankRebuildsTheCovariance(int d, int j) {
        Case c = random(d, j);
        PathGaussian.Eigen e = c.q().whitenedLowRank();
        double[] diagonal = c.q().diagonal();
        double[][] rebuilt = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int l = 0; l < d; l++) {
                double acc = i == l ? 1 : 0;
                for (int k = 0; k < e.values().length; k++) {
                    acc += e.directions()[i][k] * e.values()[k] * e.directions()[l][k];
                }
                rebuilt[i][l] = Math.sqrt(diagonal[i] * diagonal[l]) * acc;
            }
        }
        double[][] sigma = c.q().covariance();
        assertTrue(DenseGaussian.maxDifference(rebuilt, sigma) <= 1e-10 * DenseGaussian.maxAbs(sigma));
    }
}
