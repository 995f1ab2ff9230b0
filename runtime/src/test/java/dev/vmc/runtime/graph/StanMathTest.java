package dev.vmc.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The values of Stan's math functions against direct computations (or published values where
 * the direct one is what the op avoids), and at the extremes where the naive formula fails.
 * Their gradients are checked against finite differences in {@link OpGradientTest}.
 */
class StanMathTest {
    private static double[] run(Op op, double[]... inputs) {
        Graph g = new Graph();
        Node[] nodes = new Node[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            nodes[i] = g.constant(Tensor.vector(inputs[i]));
        }
        Node out = g.apply(op, nodes);
        Executor e = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
        e.forward();
        return e.value(out).data;
    }

    private static double one(Op op, double... args) {
        double[][] inputs = new double[args.length][];
        for (int i = 0; i < args.length; i++) {
            inputs[i] = new double[] {args[i]};
        }
        return run(op, inputs)[0];
    }

    @Test
    void unaryFunctionsAgreeWithTheirDefinitions() {
        double x = 0.35;
        assertEquals(Math.log(1 - x), one(Unary.LOG1M, x), 1e-15);
        assertEquals(1 - Math.exp(-Math.exp(x)), one(Unary.INV_CLOGLOG, x), 1e-15);
        assertEquals(Math.log(1 - Math.exp(-x)), one(Unary.LOG1M_EXP, -x), 1e-15);
        assertEquals(Math.pow(x, 1.0 / 3), one(Unary.CBRT, x), 1e-15);
        assertEquals(-2, one(Unary.CBRT, -8), 0);
        assertEquals(1 / x, one(Unary.INV, x), 1e-15);
        assertEquals(1 / Math.sqrt(x), one(Unary.INV_SQRT, x), 1e-15);
        assertEquals(1 / (x * x), one(Unary.INV_SQUARE, x), 1e-14);
        assertEquals(1 / (1 + Math.exp(-(0.07056 * x * x * x + 1.5976 * x))), one(Unary.PHI_APPROX, x), 1e-15);
        // published values: erf(0.5), erfc(2), Phi(1), Phi(-1.96)
        assertEquals(0.5204998778130465, one(Unary.ERF, 0.5), 1e-15);
        assertEquals(0.004677734981047266, one(Unary.ERFC, 2), 1e-17);
        assertEquals(0.8413447460685429, one(Unary.PHI, 1), 1e-15);
        assertEquals(0.024997895148220435, one(Unary.PHI, -1.96), 1e-16);
        // Phi_approx is within 1e-4 of Phi, as Stan documents it
        for (double z = -4; z <= 4; z += 0.25) {
            assertEquals(one(Unary.PHI, z), one(Unary.PHI_APPROX, z), 1.5e-4, "at " + z);
        }
    }

    @Test
    void unaryFunctionsKeepTheirDigitsWhereTheNaiveFormulaLosesThem() {
        assertEquals(-1e-20, one(Unary.LOG1M, 1e-20), 1e-35);
        assertEquals(Math.log(1e-20), one(Unary.LOG1M_EXP, -1e-20), 1e-12);
        assertEquals(-Math.exp(-50), one(Unary.LOG1M_EXP, -50), 1e-35);
        assertEquals(Double.NEGATIVE_INFINITY, one(Unary.LOG1M_EXP, 0));
        assertTrue(Double.isNaN(one(Unary.LOG1M_EXP, 0.5)));
        // 1 - exp(-e) = e - e^2 / 2 + ... for e = exp(-30), where 1 - exp(-e) would keep 2 digits
        assertEquals(Math.exp(-30) - Math.exp(-60) / 2, one(Unary.INV_CLOGLOG, -30), 1e-28);
        // Phi(-10) = 7.6e-24: 1 + erf(x) would round it to 0
        assertEquals(7.619853024160527e-24, one(Unary.PHI, -10), 1e-36);
        assertEquals(0, one(Unary.PHI, -40), 0);
        assertEquals(1, one(Unary.PHI, 9), 0);
    }

    @Test
    void binaryFunctionsAgreeWithTheirDefinitions() {
        assertEquals(Math.log(Math.exp(1.5) - Math.exp(0.2)), one(Binary.LOG_DIFF_EXP, 1.5, 0.2), 1e-15);
        // exp(1000) overflows; the difference of logs does not
        assertEquals(1000 + Math.log(1 - Math.exp(-1)), one(Binary.LOG_DIFF_EXP, 1000, 999), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, one(Binary.LOG_DIFF_EXP, 2, 2));
        assertEquals(2, one(Binary.LOG_DIFF_EXP, 2, Double.NEGATIVE_INFINITY), 0);
        assertTrue(Double.isNaN(one(Binary.LOG_DIFF_EXP, 1, 2)));
        assertArrayEquals(new double[] {2, 0}, run(Binary.FDIM, new double[] {3, 1}, new double[] {1, 3}), 0);
        assertArrayEquals(new double[] {1, 1, 2}, run(Binary.FMIN, new double[] {1, 3, Double.NaN}, new double[] {2, 1, 2}), 0);
        assertArrayEquals(new double[] {2, 3, 2}, run(Binary.FMAX, new double[] {1, 3, 2}, new double[] {2, 1, Double.NaN}), 0);
        assertEquals(5, one(Binary.HYPOT, 3, 4), 0);
        assertEquals(1e300 * Math.sqrt(2), one(Binary.HYPOT, 1e300, 1e300), 1e285);
        // B(2, 3) = 1! 2! / 4! = 1 / 12
        assertEquals(Math.log(1.0 / 12), one(Binary.LBETA, 2, 3), 1e-14);
    }

    @Test
    void productsExtremesAndRunningSums() {
        double[] x = {1.5, -2, 4, 0.5};
        assertEquals(-6, run(Reduce.PROD, x)[0], 1e-15);
        assertEquals(4, run(Reduce.MAX, x)[0], 0);
        assertEquals(-2, run(Reduce.MIN, x)[0], 0);
        assertEquals(Double.NEGATIVE_INFINITY, run(Reduce.MAX, new double[0])[0]);
        assertEquals(Double.POSITIVE_INFINITY, run(Reduce.MIN, new double[0])[0]);
        assertTrue(Double.isNaN(run(Reduce.MAX, new double[] {1, Double.NaN, 3})[0]));
        assertArrayEquals(new double[] {1.5, -0.5, 3.5, 4}, run(CumulativeSum.INSTANCE, x), 1e-15);
    }
}
