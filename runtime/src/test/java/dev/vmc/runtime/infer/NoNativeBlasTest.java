package dev.vmc.runtime.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.MatMul;
import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.tensor.Blas;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runtime alone has no native BLAS (vmc-blas brings ND4J's, and its own test checks that
 * kernel against the Java loops): a product big enough to want one runs in Java loops, and the
 * next fit's messages say so, once.
 */
class NoNativeBlasTest {
    @Test
    void bigProductsRunInJavaLoopsAndAFitSaysSoOnce() {
        assertFalse(Blas.available(), "the runtime's tests must not see a native BLAS");
        assertTrue(Blas.describe().contains("dev.vmc:vmc-blas"), Blas.describe());
        assertThrows(IllegalStateException.class, () -> MatMul.sharedMatrix(4, 3, 2, true, true));

        // a fixed 16,384 x 128 data matrix times one 128-vector for each of 128 particles:
        // 2^28 multiply-adds, just enough to want BLAS (the kernel is only built, not run)
        int m = 1 << 14, k = 1 << 7, particles = 1 << 7;
        assertTrue(Blas.worthIt((long) particles * m * k));
        Layout[] in = {new Layout(new int[] {m, k}, false, particles, true), new Layout(new int[] {k}, true, particles)};
        Kernel kernel = MatMul.INSTANCE.kernel(in, new Layout(new int[] {m}, true, particles));
        assertEquals("Loops", kernel.getClass().getSimpleName());

        List<String> messages = new ArrayList<>();
        FitListener listener = new FitListener() {
            @Override
            public void message(String line) {
                messages.add(line);
            }
        };
        FitOptions options = FitOptions.defaults().withMaxSteps(200).withSeed(5);
        LinearGaussianModel model = new LinearGaussianModel(2.0, 1.5, 0.8);
        Fitter.fit(model, GaussianGuide.meanField(), options, listener);
        String note = "note: a matrix product of 268,435,456 multiply-adds runs in Java loops: no native BLAS is on"
                + " the class path (add dev.vmc:vmc-blas for ND4J's)";
        assertEquals(1, messages.stream().filter(note::equals).count(), messages.toString());

        // the note is about the class path, so it is given once per JVM
        MatMul.INSTANCE.kernel(in, new Layout(new int[] {m}, true, particles));
        assertNull(Blas.takeNote());
        messages.clear();
        Fitter.fit(model, GaussianGuide.meanField(), options, listener);
        assertTrue(messages.stream().noneMatch(line -> line.contains("BLAS")), messages.toString());
    }
}
