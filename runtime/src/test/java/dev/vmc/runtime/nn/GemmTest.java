package dev.vmc.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each arithmetic's product against a naive triple loop in doubles, for NN, NT, TN (and TT),
 * at sizes that leave edge tiles in both directions and cross the blocks along m, n and k,
 * with offsets into the operands and into C, accumulating and not.
 */
class GemmTest {
    /** m, n, k: single elements, edge tiles, more than one k block (256), m block (144) and n block (512). */
    private static final int[][] SIZES = {{1, 1, 1}, {7, 13, 5}, {6, 32, 9}, {37, 53, 19}, {13, 600, 17}, {150, 70, 300},
        {128, 45, 3}};

    static Stream<Arguments> arithmetics() {
        return Stream.of(
                Arguments.of("float loops", (Supplier<Numerics<?>>) FloatNumerics::new, true),
                Arguments.of("double loops", (Supplier<Numerics<?>>) DoubleNumerics::new, false),
                Arguments.of("float vectors", (Supplier<Numerics<?>>) VectorFloatNumerics::new, true),
                Arguments.of("double vectors", (Supplier<Numerics<?>>) VectorDoubleNumerics::new, false));
    }

    @Test
    void theBuildRunsTestsWithTheVectorApi() {
        assertTrue(VectorSupport.PRESENT, "surefire's argLine should add jdk.incubator.vector");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arithmetics")
    void productsMatchTheNaiveLoop(String label, Supplier<Numerics<?>> make, boolean single) {
        for (int[] size : SIZES) {
            for (boolean transA : new boolean[] {false, true}) {
                for (boolean transB : new boolean[] {false, true}) {
                    for (boolean accumulate : new boolean[] {false, true}) {
                        check(make.get(), single, size[0], size[1], size[2], transA, transB, accumulate);
                    }
                }
            }
        }
    }

    private static <A> void check(Numerics<A> numerics, boolean single, int m, int n, int k, boolean transA, boolean transB,
            boolean accumulate) {
        SplittableRandom random = new SplittableRandom(m * 31L + n * 7L + k);
        int offA = 3;
        int offB = 5;
        int offC = 2;
        double[] a = values(random, offA + m * k, single);
        double[] b = values(random, offB + k * n, single);
        double[] c = values(random, offC + m * n + 4, single);
        A ta = numerics.allocate(a.length);
        A tb = numerics.allocate(b.length);
        A tc = numerics.allocate(c.length);
        numerics.load(a, 0, ta, 0, a.length);
        numerics.load(b, 0, tb, 0, b.length);
        numerics.load(c, 0, tc, 0, c.length);
        numerics.gemm(transA, transB, m, n, k, ta, offA, tb, offB, tc, offC, accumulate);
        double[] got = new double[c.length];
        numerics.export(tc, 0, got, 0, c.length, false);
        String what = String.format("%d x %d x %d, %s%s%s", m, n, k, transA ? "T" : "N", transB ? "T" : "N",
                accumulate ? ", accumulating" : "");
        double tolerance = (single ? 2e-6 : 1e-13) * k;
        for (int i = 0; i < c.length; i++) {
            int r = (i - offC) / n;
            boolean inside = i >= offC && r < m;
            double expected = c[i];
            if (inside) {
                int j = (i - offC) % n;
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double aip = transA ? a[offA + p * m + r] : a[offA + r * k + p];
                    double bpj = transB ? b[offB + j * k + p] : b[offB + p * n + j];
                    sum += aip * bpj;
                }
                expected = accumulate ? c[i] + sum : sum;
            }
            assertEquals(expected, got[i], tolerance * Math.max(1, Math.abs(expected)), what + ", element " + i);
        }
    }

    /** Gaussian values, rounded to float32 for a float arithmetic so that only the arithmetic's rounding differs. */
    private static double[] values(SplittableRandom random, int n, boolean single) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = single ? (float) random.nextGaussian() : random.nextGaussian();
        }
        return values;
    }
}
