package dev.vmc.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.tensor.DataType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mlp in float32 against float64 on the same inputs: values and gradients agree to float32's
 * accuracy, at sizes that leave edge tiles and vector remainders everywhere, and at the
 * VAE encoder's shape.
 */
class MlpPrecisionTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new int[] {37, 53, 19}, Activation.SOFTPLUS, Activation.IDENTITY, 13, true),
                Arguments.of(new int[] {37, 53, 19}, Activation.TANH, Activation.SIGMOID, 13, false),
                Arguments.of(new int[] {37, 53, 19}, Activation.RELU, Activation.IDENTITY, 13, true),
                Arguments.of(new int[] {784, 400, 50}, Activation.SOFTPLUS, Activation.IDENTITY, 128, false));
    }

    @ParameterizedTest(name = "{0} {1}/{2}, {3} rows, x per particle: {4}")
    @MethodSource("cases")
    void float32AgreesWithFloat64(int[] widths, Activation hidden, Activation output, int rows, boolean batched) {
        Network network = new Network("net", widths, hidden, output);
        NetworkGraph wide = new NetworkGraph(network, rows, batched, 2, DataType.FLOAT64);
        NetworkGraph narrow = new NetworkGraph(network, rows, batched, 2, DataType.FLOAT32);
        narrow.copyInputsFrom(wide);
        wide.differentiate();
        narrow.differentiate();
        assertClose(wide.executor.value(wide.output).data, narrow.executor.value(narrow.output).data, "values");
        assertClose(wide.executor.gradient(wide.params).data, narrow.executor.gradient(narrow.params).data, "d/d params");
        assertClose(wide.executor.gradient(wide.x).data, narrow.executor.gradient(narrow.x).data, "d/d x");
    }

    /** Every element within 1e-4 of the largest magnitude (elementwise relative error means nothing near zero). */
    private static void assertClose(double[] expected, double[] actual, String what) {
        double scale = 0;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(scale > 0, what + " are all zero");
        assertTrue(worst <= 1e-4 * scale, what + ": worst difference " + worst + " against a largest value of " + scale);
    }
}
