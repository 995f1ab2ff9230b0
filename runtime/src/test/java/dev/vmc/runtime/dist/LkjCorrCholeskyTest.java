package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.GradientCheck;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * lkj_corr_cholesky against hand computations whose normalising constants are known
 * independently (a Beta integral for K = 2, the volume pi^2 / 2 of the 3 x 3 correlation
 * matrices for K = 3), and its gradients in L and eta.
 */
class LkjCorrCholeskyTest {
    private static double logDensity(double[] l, int k, double eta) {
        Graph g = new Graph();
        Node lp = Distributions.get("lkj_corr_cholesky").logDensity(g, g.constant(new Tensor(new int[] {k, k}, l)),
                List.of(g.constant(eta)));
        Executor e = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
        e.forward();
        return e.value(lp).item();
    }

    /** K = 2: r = L[2, 1] has density (1 - r^2)^(eta - 1) / B(1/2, eta); B(1/2, 5/2) = 3 pi / 8. */
    @Test
    void twoByTwoIsTheBetaDensityOfTheCorrelation() {
        double r = 0.35;
        double[] l = {1, 0, r, Math.sqrt(1 - r * r)};
        assertEquals(1.5 * Math.log(1 - r * r) - Math.log(3 * Math.PI / 8), logDensity(l, 2, 2.5), 1e-13);
        // eta = 1: uniform on (-1, 1)
        assertEquals(-Math.log(2), logDensity(l, 2, 1), 1e-13);
    }

    /**
     * K = 3: (2 eta - 1) log L22 + (2 eta - 2) log L33, plus the constant: -log(pi^2 / 2) at eta = 1
     * (uniform over the correlation matrices, whose volume is pi^2 / 2) and log(16 / 3) - 2 log pi at
     * eta = 2, from the lgammas of integers and half-integers written out.
     */
    @Test
    void threeByThreeMatchesAHandComputation() {
        double a = 0.3;
        double b = -0.5;
        double c = 0.2; // L21, L31, L32
        double l22 = Math.sqrt(1 - a * a);
        double l33 = Math.sqrt(1 - b * b - c * c);
        double[] l = {1, 0, 0, a, l22, 0, b, c, l33};
        assertEquals(Math.log(l22) - Math.log(Math.PI * Math.PI / 2), logDensity(l, 3, 1), 1e-13);
        assertEquals(3 * Math.log(l22) + 2 * Math.log(l33) + Math.log(16.0 / 3) - 2 * Math.log(Math.PI),
                logDensity(l, 3, 2), 1e-13);
    }

    /** Per particle (noise on L and eta), so the batched paths of every op are exercised. */
    @Test
    void gradientsInTheFactorAndEtaMatchFiniteDifferences() {
        Graph g = new Graph();
        Node l = g.parameter("L", new Tensor(new int[] {3, 3}, new double[] {1, 0, 0, 0.3, 0.9, 0, -0.5, 0.2, 0.8}));
        Node eta = g.parameter("eta", Tensor.scalar(1.7));
        Node noisyL = g.add(l, g.mul(g.noise(Leaf.Noise.Kind.UNIFORM, 3, 3), g.constant(0.05)));
        Node noisyEta = g.add(eta, g.mul(g.noise(Leaf.Noise.Kind.UNIFORM), g.constant(0.1)));
        Node lp = Distributions.get("lkj_corr_cholesky").logDensity(g, noisyL, List.of(noisyEta));
        GradientCheck.check(g, g.meanOverParticles(lp), 3, 1e-6);
    }
}
