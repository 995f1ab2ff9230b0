package dev.vmc.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.tensor.Blas;
import dev.vmc.runtime.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A product big enough to go to ND4J's BLAS must give what the Java loops give: the value and
 * both gradients of sum over particles of |A b_s|^2 / 2, checked against a direct computation.
 */
class NativeMatMulTest {
    @Test
    void sharedMatrixTimesPerParticleVectorsMatchesDirectComputation() {
        int m = 300, k = 40, particles = 400;
        assertTrue(Blas.worthIt((long) m * k * particles), "the test must exercise the native path");
        SplittableRandom random = new SplittableRandom(3);
        Tensor a0 = new Tensor(new int[] {m, k});
        for (int i = 0; i < a0.size(); i++) {
            a0.data[i] = random.nextGaussian() / 10;
        }
        Graph g = new Graph();
        Node a = g.parameter("a", a0);
        Node b = g.add(g.parameter("b", Tensor.filled(new int[] {k}, 0.5)), g.noise(Leaf.Noise.Kind.NORMAL, k));
        Node product = g.matmul(a, b);
        Node root = g.meanOverParticles(g.sum(g.mul(g.constant(0.5), g.apply(Unary.SQUARE, product))));
        ParameterStore store = ParameterStore.initial(g);
        Executor ex = new Executor(g, particles, store, new SplittableRandom(9));
        long before = Blas.calls();
        ex.forward();
        ex.backward(root);
        assertTrue(Blas.calls() > before, "expected native calls");

        double[] bs = ex.value(b).data;
        double[] c = new double[particles * m];
        double value = 0;
        for (int s = 0; s < particles; s++) {
            for (int i = 0; i < m; i++) {
                double acc = 0;
                for (int j = 0; j < k; j++) {
                    acc += a0.data[i * k + j] * bs[s * k + j];
                }
                c[s * m + i] = acc;
                value += 0.5 * acc * acc / particles;
            }
        }
        assertEquals(value, ex.value(root).item(), 1e-9 * Math.abs(value));
        double[] gradA = ex.gradient(a).data;
        double[] gradB = ex.gradient(g.parameters().get(1)).data;
        for (int i = 0; i < m; i += 37) {
            for (int j = 0; j < k; j += 7) {
                double expected = 0;
                for (int s = 0; s < particles; s++) {
                    expected += c[s * m + i] * bs[s * k + j] / particles;
                }
                assertEquals(expected, gradA[i * k + j], 1e-9 * Math.max(1, Math.abs(expected)));
            }
        }
        for (int j = 0; j < k; j++) {
            double expected = 0;
            for (int s = 0; s < particles; s++) {
                for (int i = 0; i < m; i++) {
                    expected += c[s * m + i] * a0.data[i * k + j] / particles;
                }
            }
            assertEquals(expected, gradB[j], 1e-9 * Math.max(1, Math.abs(expected)));
        }
    }
}
