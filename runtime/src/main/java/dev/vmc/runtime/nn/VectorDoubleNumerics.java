package dev.vmc.runtime.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DoubleNumerics} with the Vector API where the time goes: the product's microkernel and
 * the activation passes. Only created when {@link VectorSupport#PRESENT}. The double twin of
 * {@link VectorFloatNumerics}.
 *
 * <p>The microkernel keeps a 6 x (2 vectors) tile of C in twelve registers and, per step along
 * k, loads two vectors of the packed B strip and broadcasts six values of the packed A strip
 * into twelve fused multiply-adds: with 8-lane (AVX-512) vectors that is 6 x 16 doubles and 14
 * of 32 vector registers, so nothing spills. The exponentials and logarithms of the activations
 * are the Vector API's lanewise EXP/LOG1P/TANH, which HotSpot compiles to Intel's SVML on x86.
 */
final class VectorDoubleNumerics extends DoubleNumerics {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 6;

    VectorDoubleNumerics() {
        super(MR, 2 * L);
    }

    @Override
    void kernel(int kc, double[] pa, int ia, double[] pb, int ib, double[] c, int at, int ldc) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        DoubleVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0; p < kc; p++, ia += MR, ib += 2 * L) {
            DoubleVector b0 = DoubleVector.fromArray(S, pb, ib);
            DoubleVector b1 = DoubleVector.fromArray(S, pb, ib + L);
            DoubleVector a = DoubleVector.broadcast(S, pa[ia]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = DoubleVector.broadcast(S, pa[ia + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = DoubleVector.broadcast(S, pa[ia + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = DoubleVector.broadcast(S, pa[ia + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = DoubleVector.broadcast(S, pa[ia + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = DoubleVector.broadcast(S, pa[ia + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
        }
        addRow(c, at, c00, c01);
        addRow(c, at + ldc, c10, c11);
        addRow(c, at + 2 * ldc, c20, c21);
        addRow(c, at + 3 * ldc, c30, c31);
        addRow(c, at + 4 * ldc, c40, c41);
        addRow(c, at + 5 * ldc, c50, c51);
    }

    private static void addRow(double[] c, int at, DoubleVector left, DoubleVector right) {
        DoubleVector.fromArray(S, c, at).add(left).intoArray(c, at);
        DoubleVector.fromArray(S, c, at + L).add(right).intoArray(c, at + L);
    }

    /*
     * The activations below are switched on inside the loops rather than in helper methods
     * returning vectors: the Vector API's own methods are always inlined, but a helper of ours
     * may not be, and a vector returned from a call that is not inlined is boxed on the heap
     * (megabytes per pass, seen when one kernel ran several activations).
     */

    @Override
    void biasActivate(double[] z, double[] bias, int biasAt, double[] out, int rows, int cols, Activation f) {
        int bound = S.loopBound(cols);
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector v = DoubleVector.fromArray(S, z, row + j).add(DoubleVector.fromArray(S, bias, biasAt + j));
                v.intoArray(z, row + j);
                DoubleVector a = switch (f) {
                    case IDENTITY -> v;
                    case RELU -> v.max(0.0);
                    case TANH -> v.lanewise(VectorOperators.TANH);
                    case SOFTPLUS -> v.max(0.0).add(v.abs().neg().lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P));
                    case SIGMOID -> DoubleVector.broadcast(S, 1.0).div(v.neg().lanewise(VectorOperators.EXP).add(1.0));
                };
                a.intoArray(out, row + j);
            }
            for (; j < cols; j++) {
                double v = z[row + j] + bias[biasAt + j];
                z[row + j] = v;
                out[row + j] = f.value(v);
            }
        }
    }

    @Override
    void activationGradient(double[] g, double[] z, double[] a, int n, Activation f) {
        if (f == Activation.IDENTITY) {
            return;
        }
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector gv = DoubleVector.fromArray(S, g, i);
            DoubleVector zv = DoubleVector.fromArray(S, z, i);
            DoubleVector av = DoubleVector.fromArray(S, a, i);
            DoubleVector dz = switch (f) {
                case IDENTITY -> gv;
                case RELU -> gv.blend(0.0, zv.compare(VectorOperators.LE, 0.0));
                case TANH -> gv.sub(gv.mul(av).mul(av));
                case SOFTPLUS -> gv.div(zv.neg().lanewise(VectorOperators.EXP).add(1.0));
                case SIGMOID -> gv.mul(av).mul(av.neg().add(1.0));
            };
            dz.intoArray(g, i);
        }
        for (; i < n; i++) {
            g[i] *= f.derivative(z[i], a[i]);
        }
    }
}
