package dev.vmc.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The vector kernels' own exponentials and logarithms, through each activation and its
 * derivative, against Java's Math over a wide range (tiny values, both signs, past where exp
 * overflows), to within a few units in the last place of each type; derivatives computed
 * from the activation's value (1 - a^2, a (1 - a)) also within a few of 1's, as they cancel.
 */
class VectorActivationTest {
    private static final int ROWS = 7;
    private static final int COLS = 301; // longer than a chunk, with a tail

    @ParameterizedTest
    @EnumSource(Activation.class)
    void float32(Activation f) {
        VectorFloatNumerics vectors = new VectorFloatNumerics();
        int n = ROWS * COLS;
        float[] z = new float[n];
        float[] bias = new float[COLS];
        float[] out = new float[n];
        float[] g = new float[n];
        double[] values = values(n);
        for (int i = 0; i < n; i++) {
            z[i] = (float) values[i];
            g[i] = 1;
        }
        vectors.biasActivate(z, bias, 0, out, ROWS, COLS, f);
        vectors.activationGradient(g, z, out, n, f);
        for (int i = 0; i < n; i++) {
            double expected = f.value(z[i]);
            assertEquals(expected, out[i], 4 * Math.ulp((float) expected) + 1e-37, f + "(" + z[i] + ")");
            double slope = f.derivative(z[i], out[i]);
            assertEquals(slope, g[i], 4 * Math.ulp((float) slope) + 2 * Math.ulp(1f), f + "'(" + z[i] + ")");
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void float64(Activation f) {
        VectorDoubleNumerics vectors = new VectorDoubleNumerics();
        int n = ROWS * COLS;
        double[] z = values(n);
        double[] out = new double[n];
        double[] g = new double[n];
        java.util.Arrays.fill(g, 1);
        vectors.biasActivate(z, new double[COLS], 0, out, ROWS, COLS, f);
        vectors.activationGradient(g, z, out, n, f);
        for (int i = 0; i < n; i++) {
            double expected = f.value(z[i]);
            assertEquals(expected, out[i], 4 * Math.ulp(expected) + 1e-300, f + "(" + z[i] + ")");
            double slope = f.derivative(z[i], out[i]);
            assertEquals(slope, g[i], 4 * Math.ulp(slope) + 2 * Math.ulp(1.0), f + "'(" + z[i] + ")");
        }
    }

    /** From -120 to 120, denser near zero, with some tiny values and exact zeros. */
    private static double[] values(int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            double u = 2.0 * i / (n - 1) - 1;
            values[i] = i % 50 == 0 ? 0 : i % 17 == 0 ? u * 1e-9 : 120 * u * u * u;
        }
        return values;
    }
}
