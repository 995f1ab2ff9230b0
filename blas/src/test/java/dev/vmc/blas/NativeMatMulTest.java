package dev.vmc.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.MatMul;
import dev.vmc.runtime.tensor.Blas;
import dev.vmc.runtime.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * With this module on the class path the runtime finds ND4J's BLAS, sends products from
 * {@link Blas#THRESHOLD} multiply-adds to it, and its kernel for a shared matrix times one
 * vector per particle gives what the Java loops give (whose gradients the runtime's
 * OpGradientTest checks against finite differences): the product and both gradients, for a
 * parameter matrix and for a fixed (data) one, over two steps so that the fixed matrix's copy
 * on the native side is reused.
 */
class NativeMatMulTest {
    @Test
    void theRuntimeFindsThisBlasForBigProductsOnly() {
        assertTrue(Blas.available(), Blas.describe());
        assertEquals(new Nd4jBlas().name(), Blas.describe());
        int m = 1 << 14, k = 1 << 7;
        Layout matrix = new Layout(new int[] {m, k}, false, 128, true);
        assertEquals("SharedMatrixNative", kernel(matrix, k, m, 128).getClass().getSimpleName()); // 2^28
        assertEquals("Loops", kernel(matrix, k, m, 127).getClass().getSimpleName());
        assertNull(Blas.takeNote());
    }

    private static Kernel kernel(Layout matrix, int k, int m, int particles) {
        return MatMul.INSTANCE.kernel(new Layout[] {matrix, new Layout(new int[] {k}, true, particles)},
                new Layout(new int[] {m}, true, particles));
    }

    @Test
    void nativeKernelMatchesTheJavaLoops() {
        int m = 300, k = 40, particles = 9;
        SplittableRandom random = new SplittableRandom(3);
        Tensor a = random(random, m, k);
        Tensor[] in = {a, random(random, particles, k)};
        Tensor gOut = random(random, particles, m);
        for (boolean fixed : new boolean[] {false, true}) {
            Kernel loops = MatMul.sharedMatrix(m, k, particles, fixed, false);
            Kernel blas = MatMul.sharedMatrix(m, k, particles, fixed, true);
            for (int step = 0; step < 2; step++) {
                Tensor expected = new Tensor(new int[] {particles, m});
                Tensor actual = new Tensor(new int[] {particles, m});
                Tensor[] expectedGrads = {fixed ? null : new Tensor(a.shape), new Tensor(new int[] {particles, k})};
                Tensor[] actualGrads = {fixed ? null : new Tensor(a.shape), new Tensor(new int[] {particles, k})};
                long before = Blas.calls();
                blas.forward(in, actual);
                blas.backward(in, actual, gOut, actualGrads);
                assertTrue(Blas.calls() > before, "expected native calls");
                loops.forward(in, expected);
                loops.backward(in, expected, gOut, expectedGrads);
                assertClose(expected, actual);
                for (int i = 0; i < 2; i++) {
                    if (expectedGrads[i] != null) {
                        assertClose(expectedGrads[i], actualGrads[i]);
                    }
                }
            }
        }
    }

    private static void assertClose(Tensor expected, Tensor actual) {
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.data[i], actual.data[i], 1e-9 * Math.max(1, Math.abs(expected.data[i])), "element " + i);
        }
    }

    private static Tensor random(SplittableRandom random, int rows, int cols) {
        Tensor t = new Tensor(new int[] {rows, cols});
        for (int i = 0; i < t.size(); i++) {
            t.data[i] = random.nextGaussian();
        }
        return t;
    }
}
