package dev.vmc.runtime.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatNumerics} with the Vector API where the time goes: the product's microkernel and
 * the activation passes. Only created when {@link VectorSupport#PRESENT}.
 *
 * <p>The microkernel keeps a 6 x (2 vectors) tile of C in twelve registers and, per step along
 * k, loads two vectors of the packed B strip and broadcasts six values of the packed A strip
 * into twelve fused multiply-adds: with 16-lane (AVX-512) vectors that is 6 x 32 floats and 14
 * of 32 vector registers, so nothing spills. The exponentials and logarithms of the activations
 * are the Vector API's lanewise EXP/LOG1P/TANH, which HotSpot compiles to Intel's SVML on x86.
 */
final class VectorFloatNumerics extends FloatNumerics {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 6;

    VectorFloatNumerics() {
        super(MR, 2 * L);
    }

    @Override
    void kernel(int kc, float[] pa, int ia, float[] pb, int ib, float[] c, int at, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0; p < kc; p++, ia += MR, ib += 2 * L) {
            FloatVector b0 = FloatVector.fromArray(S, pb, ib);
            FloatVector b1 = FloatVector.fromArray(S, pb, ib + L);
            FloatVector a = FloatVector.broadcast(S, pa[ia]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = FloatVector.broadcast(S, pa[ia + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = FloatVector.broadcast(S, pa[ia + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = FloatVector.broadcast(S, pa[ia + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = FloatVector.broadcast(S, pa[ia + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = FloatVector.broadcast(S, pa[ia + 5]);
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

    private static void addRow(float[] c, int at, FloatVector left, FloatVector right) {
        FloatVector.fromArray(S, c, at).add(left).intoArray(c, at);
        FloatVector.fromArray(S, c, at + L).add(right).intoArray(c, at + L);
    }

    /*
     * The activations below are switched on inside the loops rather than in helper methods
     * returning vectors: the Vector API's own methods are always inlined, but a helper of ours
     * may not be, and a vector returned from a call that is not inlined is boxed on the heap
     * (megabytes per pass, seen when one kernel ran several activations).
     */

    @Override
    void biasActivate(float[] z, float[] bias, int biasAt, float[] out, int rows, int cols, Activation f) {
        int bound = S.loopBound(cols);
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector v = FloatVector.fromArray(S, z, row + j).add(FloatVector.fromArray(S, bias, biasAt + j));
                v.intoArray(z, row + j);
                FloatVector a = switch (f) {
                    case IDENTITY -> v;
                    case RELU -> v.max(0f);
                    case TANH -> v.lanewise(VectorOperators.TANH);
                    case SOFTPLUS -> v.max(0f).add(v.abs().neg().lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P));
                    case SIGMOID -> FloatVector.broadcast(S, 1f).div(v.neg().lanewise(VectorOperators.EXP).add(1f));
                };
                a.intoArray(out, row + j);
            }
            for (; j < cols; j++) {
                float v = z[row + j] + bias[biasAt + j];
                z[row + j] = v;
                out[row + j] = (float) f.value(v);
            }
        }
    }

    @Override
    void activationGradient(float[] g, float[] z, float[] a, int n, Activation f) {
        if (f == Activation.IDENTITY) {
            return;
        }
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector gv = FloatVector.fromArray(S, g, i);
            FloatVector zv = FloatVector.fromArray(S, z, i);
            FloatVector av = FloatVector.fromArray(S, a, i);
            FloatVector dz = switch (f) {
                case IDENTITY -> gv;
                case RELU -> gv.blend(0f, zv.compare(VectorOperators.LE, 0f));
                case TANH -> gv.sub(gv.mul(av).mul(av));
                case SOFTPLUS -> gv.div(zv.neg().lanewise(VectorOperators.EXP).add(1f));
                case SIGMOID -> gv.mul(av).mul(av.neg().add(1f));
            };
            dz.intoArray(g, i);
        }
        for (; i < n; i++) {
            g[i] *= (float) f.derivative(z[i], a[i]);
        }
    }
}
