package dev.vmc.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.runtime.tensor.DataType;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Mlp's float64 gradients with respect to its parameters and its input against central finite differences. */
class MlpGradientTest {
    private static final int ROWS = 4;
    private static final int PARTICLES = 2;

    /** Every activation as the hidden one, each with another as the output's, x per particle and shared. */
    static Stream<Arguments> cases() {
        Activation[] all = Activation.values();
        return Arrays.stream(all).flatMap(hidden -> Stream.of(true, false).map(batched ->
                Arguments.of(hidden, all[(hidden.ordinal() + 1) % all.length], batched)));
    }

    @ParameterizedTest(name = "{0} hidden, {1} output, x per particle: {2}")
    @MethodSource("cases")
    void gradientsMatchFiniteDifferences(Activation hidden, Activation output, boolean batched) {
        Network network = new Network("net", new int[] {5, 7, 3}, hidden, output);
        NetworkGraph g = new NetworkGraph(network, ROWS, batched, PARTICLES, DataType.FLOAT64);
        g.differentiate();
        double[] paramsGradient = g.executor.gradient(g.params).data.clone();
        double[] xGradient = g.executor.gradient(g.x).data.clone();
        check(g, g.store.get("params").data, paramsGradient, "params");
        check(g, g.xValues(), xGradient, "x");
    }

    private static void check(NetworkGraph g, double[] values, double[] analytic, String what) {
        assertEquals(values.length, analytic.length, what);
        for (int i = 0; i < values.length; i++) {
            double saved = values[i];
            double h = 1e-6;
            values[i] = saved + h;
            double up = g.evaluate();
            values[i] = saved - h;
            double down = g.evaluate();
            values[i] = saved;
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, analytic[i], 1e-6 * Math.max(1, Math.abs(numeric)), "d root / d " + what + "[" + i + "]");
        }
    }
}
