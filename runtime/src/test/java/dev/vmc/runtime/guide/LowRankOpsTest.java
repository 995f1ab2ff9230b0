package dev.vmc.runtime.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.runtime.DenseGaussian;
import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.GradientCheck;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.Unary;
import dev.vmc.runtime.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Woodbury ops of the low-rank guide against finite differences and a dense computation. */
class LowRankOpsTest {
    private static final int D = 5;

    private static Tensor logDiagonal(SplittableRandom random) {
        Tensor t = new Tensor(new int[] {D});
        for (int i = 0; i < D; i++) {
            t.data[i] = random.nextDouble(-0.5, 0.5);
        }
        return t;
    }

    private static Tensor factor(int r, SplittableRandom random) {
        Tensor t = new Tensor(new int[] {D, r});
        for (int k = 0; k < t.data.length; k++) {
            t.data[k] = random.nextGaussian();
        }
        return t;
    }

    /** D^2 + B B' from log D and B. */
    private static double[][] sigma(Tensor logD, Tensor b) {
        double[] diagonal = new double[D];
        for (int i = 0; i < D; i++) {
            diagonal[i] = Math.exp(2 * logD.data[i]);
        }
        return DenseGaussian.diagonalPlusLowRank(diagonal, GaussianGuide.rows(b));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, D})
    void logDeterminantGradientMatchesFiniteDifferences(int r) {
        SplittableRandom random = new SplittableRandom(r);
        Graph g = new Graph();
        Node logD = g.parameter("logD", logDiagonal(random));
        Node b = g.parameter("B", factor(r, random));
        GradientCheck.check(g, g.apply(LowRankLogDet.INSTANCE, logD, b), 1, 1e-6);
    }

    /**
     * x is per particle (a shared parameter plus noise), and the root squares each particle's
     * norm before averaging, so each particle's incoming gradient differs: a kernel that mixed
     * up particles would fail.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, D})
    void squaredNormGradientMatchesFiniteDifferencesWithBatchedX(int r) {
        SplittableRandom random = new SplittableRandom(10 + r);
        Graph g = new Graph();
        Node x = g.add(g.parameter("x", factor(1, random).reshape(D)), g.noise(Leaf.Noise.Kind.NORMAL, D));
        Node logD = g.parameter("logD", logDiagonal(random));
        Node b = g.parameter("B", factor(r, random));
        Node norm = g.apply(LowRankNorm.INSTANCE, x, logD, b);
        GradientCheck.check(g, g.meanOverParticles(g.apply(Unary.SQUARE, norm)), 4, 1e-6);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, D})
    void valuesMatchADenseComputation(int r) {
        SplittableRandom random = new SplittableRandom(20 + r);
        Tensor logD = logDiagonal(random);
        Tensor factor = factor(r, random);
        Graph g = new Graph();
        Node x = g.input("x", D);
        Node logDet = g.apply(LowRankLogDet.INSTANCE, g.constant(logD), g.constant(factor));
        Node norm = g.apply(LowRankNorm.INSTANCE, x, g.constant(logD), g.constant(factor));
        int particles = 3;
        Executor ex = new Executor(g, particles, ParameterStore.initial(g), new SplittableRandom(0));
        double[] xs = ex.value(x).data;
        for (int k = 0; k < xs.length; k++) {
            xs[k] = 2 * random.nextGaussian();
        }
        ex.forward();
        double[][] sigma = sigma(logD, factor);
        assertEquals(DenseGaussian.logDeterminant(sigma), ex.value(logDet).item(), 1e-12 * Math.abs(ex.value(logDet).item()) + 1e-13);
        for (int s = 0; s < particles; s++) {
            double[] one = new double[D];
            System.arraycopy(xs, s * D, one, 0, D);
            double expected = DenseGaussian.squaredNorm(sigma, one);
            assertEquals(expected, ex.value(norm).data[s], 1e-11 * expected, "particle " + s);
        }
    }
}
