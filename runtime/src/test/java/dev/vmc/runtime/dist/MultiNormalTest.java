package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.GradientCheck;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** multi_normal and multi_normal_cholesky against closed forms and independent normals, and their gradients. */
class MultiNormalTest {
    private static final double[] L = {1.5, 0, 0, -0.4, 0.8, 0, 0.3, 0.7, 2.1};

    private static double value(Graph g, Node n) {
        Executor e = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
        e.forward();
        return e.value(n).item();
    }

    private static Tensor matrix(double... values) {
        return new Tensor(new int[] {3, 3}, values);
    }

    /** -K/2 log 2 pi - log det L - |L^-1 (y - mu)|^2 / 2, with the solve written out by hand. */
    @Test
    void choleskyFormMatchesAHandComputation() {
        double[] y = {0.3, -1.1, 2.0};
        double[] mu = {0.1, 0.2, -0.5};
        double z0 = (y[0] - mu[0]) / 1.5;
        double z1 = (y[1] - mu[1] + 0.4 * z0) / 0.8;
        double z2 = (y[2] - mu[2] - 0.3 * z0 - 0.7 * z1) / 2.1;
        double expected = -1.5 * Special.LOG_2PI - Math.log(1.5 * 0.8 * 2.1) - 0.5 * (z0 * z0 + z1 * z1 + z2 * z2);
        Graph g = new Graph();
        Node lp = Distributions.get("multi_normal_cholesky").logDensity(g, g.constant(Tensor.vector(y)),
                List.of(g.constant(Tensor.vector(mu)), g.constant(matrix(L))));
        assertEquals(expected, value(g, lp), 1e-13);
        // the same covariance given whole: multi_normal factors it first
        double[] sigma = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    sigma[i * 3 + j] += L[i * 3 + k] * L[j * 3 + k];
                }
            }
        }
        Graph h = new Graph();
        Node full = Distributions.get("multi_normal").logDensity(h, h.constant(Tensor.vector(y)),
                List.of(h.constant(Tensor.vector(mu)), h.constant(matrix(sigma))));
        assertEquals(expected, value(h, full), 1e-12);
    }

    /** A diagonal covariance is independent normals; an array of vectors is a draw per row. */
    @Test
    void aDiagonalCovarianceIsIndependentNormals() {
        double[] rows = {0.3, -1.1, 2.0, 1.0, 0.0, -0.7};
        double[] mu = {0.1, 0.2, -0.5};
        double[] sd = {0.5, 1.2, 2.0};
        double expected = 0;
        for (int r = 0; r < 2; r++) {
            for (int k = 0; k < 3; k++) {
                double z = (rows[r * 3 + k] - mu[k]) / sd[k];
                expected += -0.5 * z * z - Math.log(sd[k]) - 0.5 * Special.LOG_2PI;
            }
        }
        Graph g = new Graph();
        Node lp = Distributions.get("multi_normal").logDensity(g, g.constant(new Tensor(new int[] {2, 3}, rows)),
                List.of(g.constant(Tensor.vector(mu)), g.constant(matrix(0.25, 0, 0, 0, 1.44, 0, 0, 0, 4))));
        assertEquals(expected, value(g, lp), 1e-13);
    }

    @Test
    void gradientsReachTheDrawsTheMeansAndTheFactor() {
        Graph g = new Graph();
        Node y = g.parameter("y", new Tensor(new int[] {2, 3}, new double[] {0.3, -1.1, 2.0, 1.0, 0.0, -0.7}));
        Node mu = g.add(g.parameter("mu", Tensor.vector(0.1, 0.2, -0.5)), g.noise(Leaf.Noise.Kind.NORMAL, 3));
        Node l = g.parameter("l", matrix(L));
        Node lp = Distributions.get("multi_normal_cholesky").logDensity(g, y, List.of(mu, l));
        GradientCheck.check(g, g.meanOverParticles(lp), 3, 1e-6);
    }

    @Test
    void covarianceGradientsGoThroughTheFactorisation() {
        Graph g = new Graph();
        Node y = g.constant(Tensor.vector(0.3, -1.1, 2.0));
        Node sigma = g.parameter("sigma", matrix(2.25, -0.6, 0.45, -0.6, 0.8, 0.44, 0.45, 0.44, 4.99));
        Node lp = Distributions.get("multi_normal").logDensity(g, y, List.of(g.constant(Tensor.vector(0, 0, 0)), sigma));
        GradientCheck.check(g, lp, 1, 1e-6);
    }
}
