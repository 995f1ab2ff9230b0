package dev.vmc.runtime.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatNumerics} with the Vector API where the time goes: the product's microkernel and
 * the activation passes. Only created when {@link VectorSupport#PRESENT}.
 *
 * <p>The microkernel keeps a 6 x (2 vectors) tile of C in twelve registers and, per step along
 * k, loads two vectors of the packed B strip and broadcasts six values of the packed A strip
 * into twelve fused multiply-adds: with 16-lane (AVX-512) vectors that is 6 x 32 floats and 14
 * of 32 vector registers, so nothing spills.
 *
 * <p>The activations' exponentials and logarithms are computed here, with additions,
 * multiplications and fused multiply-adds only, not with the Vector API's lanewise EXP, LOG1P
 * and TANH: those are Intel's SVML once C2 has compiled the loop and Java's Math, lane by lane,
 * before, and the two differ in the last bit for about one value in a hundred, so a fit's
 * early steps would depend on when the JIT compiled them and the same seed would not give the
 * same fit. Basic IEEE operations round the same compiled or not.
 *
 * <p>An activation is a few passes over a chunk of the values through a scratch buffer (the
 * negated input, its exponential, ...) rather than one expression per vector: a helper method
 * returning a vector that C2 does not inline boxes every vector it returns, and these passes
 * have none. The scratch is padded to whole vectors, so every value, the tail's too, goes
 * through the same polynomial.
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
        // written out rather than through a helper taking the sums: a vector passed to a call
        // that C2 does not inline is boxed, and here that was every tile of every product
        int row1 = at + ldc;
        int row2 = at + 2 * ldc;
        int row3 = at + 3 * ldc;
        int row4 = at + 4 * ldc;
        int row5 = at + 5 * ldc;
        FloatVector.fromArray(S, c, at).add(c00).intoArray(c, at);
        FloatVector.fromArray(S, c, at + L).add(c01).intoArray(c, at + L);
        FloatVector.fromArray(S, c, row1).add(c10).intoArray(c, row1);
        FloatVector.fromArray(S, c, row1 + L).add(c11).intoArray(c, row1 + L);
        FloatVector.fromArray(S, c, row2).add(c20).intoArray(c, row2);
        FloatVector.fromArray(S, c, row2 + L).add(c21).intoArray(c, row2 + L);
        FloatVector.fromArray(S, c, row3).add(c30).intoArray(c, row3);
        FloatVector.fromArray(S, c, row3 + L).add(c31).intoArray(c, row3 + L);
        FloatVector.fromArray(S, c, row4).add(c40).intoArray(c, row4);
        FloatVector.fromArray(S, c, row4 + L).add(c41).intoArray(c, row4 + L);
        FloatVector.fromArray(S, c, row5).add(c50).intoArray(c, row5);
        FloatVector.fromArray(S, c, row5 + L).add(c51).intoArray(c, row5 + L);
    }

    /** Values per chunk of an activation pass: a multiple of any vector length, small enough for L1. */
    private static final int CHUNK = 1024;
    private static final float LOG2E = 1.44269504f;
    /** ln 2 in two parts (Cody and Waite), the first with trailing zero bits so that n * LN2_HI is exact. */
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** 1.5 * 2^23: adding it rounds a float to an integer, left in the low bits of its representation. */
    private static final float SHIFTER = 12582912f;
    private static final int SHIFTER_BITS = Float.floatToRawIntBits(SHIFTER);
    private final float[] scratch = new float[CHUNK];

    @Override
    void biasActivate(float[] z, float[] bias, int biasAt, float[] out, int rows, int cols, Activation f) {
        int bound = S.loopBound(cols);
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector.fromArray(S, z, row + j).add(FloatVector.fromArray(S, bias, biasAt + j)).intoArray(z, row + j);
            }
            for (; j < cols; j++) {
                z[row + j] += bias[biasAt + j];
            }
        }
        int n = rows * cols;
        for (int from = 0; from < n; from += CHUNK) {
            int length = Math.min(CHUNK, n - from);
            switch (f) {
                case IDENTITY -> {
                    if (out != z) {
                        System.arraycopy(z, from, out, from, length);
                    }
                }
                case RELU -> relu(z, out, from, length);
                case SOFTPLUS -> softplus(z, out, from, length);
                case SIGMOID -> sigmoid(z, out, from, length);
                case TANH -> tanh(z, out, from, length);
            }
        }
    }

    /*
     * One method per activation and per derivative, each with its own loops: C2 compiles a
     * branch that had not run when it compiled a method without its vector intrinsics, boxing
     * every vector in it, and does not recompile; an activation first used after its method was
     * compiled (another network in the same JVM) would have run that way for good.
     */

    private static void relu(float[] z, float[] out, int from, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, z, from + i).max(0f).intoArray(out, from + i);
        }
        for (; i < n; i++) {
            out[from + i] = Math.max(z[from + i], 0f);
        }
    }

    /** max(z, 0) + log1p(exp(-|z|)). */
    private void softplus(float[] z, float[] out, int from, int n) {
        int padded = paddedLength(n);
        negatedAbs(z, from, n, 1f);
        exp(scratch, padded);
        log1pOfUnit(scratch, padded);
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, z, from + i).max(0f).add(FloatVector.fromArray(S, scratch, i)).intoArray(out, from + i);
        }
        for (; i < n; i++) {
            out[from + i] = Math.max(z[from + i], 0f) + scratch[i];
        }
    }

    /** 1 / (1 + exp(-z)). */
    private void sigmoid(float[] z, float[] out, int from, int n) {
        negated(z, from, n);
        exp(scratch, paddedLength(n));
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.broadcast(S, 1f).div(FloatVector.fromArray(S, scratch, i).add(1f)).intoArray(out, from + i);
        }
        for (; i < n; i++) {
            out[from + i] = 1 / (1 + scratch[i]);
        }
    }

    /**
     * sign(z) (1 - e) / (1 + e), e = exp(-2|z|); below |z| = 1/4, where 1 - e would cancel,
     * tanh's Taylor series to z^9 (truncation below one unit in the last place).
     */
    private void tanh(float[] z, float[] out, int from, int n) {
        negatedAbs(z, from, n, 2f);
        exp(scratch, paddedLength(n));
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector e = FloatVector.fromArray(S, scratch, i);
            FloatVector r = e.neg().add(1f).div(e.add(1f));
            FloatVector zv = FloatVector.fromArray(S, z, from + i);
            FloatVector x2 = zv.mul(zv);
            FloatVector q = x2.fma(FloatVector.broadcast(S, (float) (62.0 / 2835)), FloatVector.broadcast(S, (float) (-17.0 / 315)));
            q = q.fma(x2, FloatVector.broadcast(S, (float) (2.0 / 15)));
            q = q.fma(x2, FloatVector.broadcast(S, (float) (-1.0 / 3)));
            q = q.fma(x2, FloatVector.broadcast(S, (float) (1.0)));
            r = r.blend(r.neg(), zv.compare(VectorOperators.LT, 0f));
            r.blend(q.mul(zv), zv.abs().compare(VectorOperators.LT, 0.25f)).intoArray(out, from + i);
        }
        for (; i < n; i++) {
            float r = (1 - scratch[i]) / (1 + scratch[i]);
            float v = z[from + i];
            out[from + i] = Math.abs(v) < 0.25f ? (float) Math.tanh(v) : v < 0 ? -r : r;
        }
    }

    @Override
    void activationGradient(float[] g, float[] z, float[] a, int n, Activation f) {
        for (int from = 0; from < n; from += CHUNK) {
            int length = Math.min(CHUNK, n - from);
            switch (f) {
                case IDENTITY -> { }
                case RELU -> reluGradient(g, z, from, length);
                case SOFTPLUS -> softplusGradient(g, z, from, length);
                case SIGMOID -> sigmoidGradient(g, a, from, length);
                case TANH -> tanhGradient(g, a, from, length);
            }
        }
    }

    private static void reluGradient(float[] g, float[] z, int from, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, g, from + i).blend(0f, FloatVector.fromArray(S, z, from + i).compare(VectorOperators.LE, 0f))
                    .intoArray(g, from + i);
        }
        for (; i < n; i++) {
            if (z[from + i] <= 0) {
                g[from + i] = 0;
            }
        }
    }

    /** softplus' = sigmoid(z) = 1 / (1 + exp(-z)). */
    private void softplusGradient(float[] g, float[] z, int from, int n) {
        negated(z, from, n);
        exp(scratch, paddedLength(n));
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, g, from + i).div(FloatVector.fromArray(S, scratch, i).add(1f)).intoArray(g, from + i);
        }
        for (; i < n; i++) {
            g[from + i] /= 1 + scratch[i];
        }
    }

    /** sigmoid' = a (1 - a). */
    private static void sigmoidGradient(float[] g, float[] a, int from, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector av = FloatVector.fromArray(S, a, from + i);
            FloatVector.fromArray(S, g, from + i).mul(av).mul(av.neg().add(1f)).intoArray(g, from + i);
        }
        for (; i < n; i++) {
            g[from + i] *= a[from + i] * (1 - a[from + i]);
        }
    }

    /** tanh' = 1 - a^2. */
    private static void tanhGradient(float[] g, float[] a, int from, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector gv = FloatVector.fromArray(S, g, from + i);
            FloatVector av = FloatVector.fromArray(S, a, from + i);
            gv.sub(gv.mul(av).mul(av)).intoArray(g, from + i);
        }
        for (; i < n; i++) {
            g[from + i] -= g[from + i] * a[from + i] * a[from + i];
        }
    }

    /** scratch[i] = -scale |z[from + i]| for i below n. */
    private void negatedAbs(float[] z, int from, int n, float scale) {
        FloatVector factor = FloatVector.broadcast(S, -scale);
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, z, from + i).abs().mul(factor).intoArray(scratch, i);
        }
        for (; i < n; i++) {
            scratch[i] = -scale * Math.abs(z[from + i]);
        }
    }

    /** scratch[i] = -z[from + i] for i below n. */
    private void negated(float[] z, int from, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, z, from + i).neg().intoArray(scratch, i);
        }
        for (; i < n; i++) {
            scratch[i] = -z[from + i];
        }
    }

    /**
     * n rounded up to a multiple of two vectors, the unit of {@link #exp} and {@link #log1pOfUnit}
     * (at most a chunk for n at most a chunk). The two run two vectors per iteration: two
     * independent chains for the FMA units, and a body above C2's size for inlining a hot call
     * (FreqInlineSize, 325 bytecodes), so each is compiled on its own. Inlined into a caller,
     * their dozens of vector operations used up the caller's inlining budget, and operations
     * left as calls boxed their vectors (megabytes a step, seen with sigmoid and tanh).
     */
    private static int paddedLength(int n) {
        return (n + 2 * L - 1) / (2 * L) * (2 * L);
    }

    /**
     * x[i] = exp(x[i]) in place for i below n, a multiple of two vector lengths: exp(x) =
     * 2^k exp(r) with k = round(x / ln 2) and |r| at most ln 2 / 2, exp(r) by its Taylor
     * polynomial to degree 7 (truncation below 6e-9), 2^k built in the exponent bits. x is
     * clamped to [-87.3, 88.3], where 2^k stays a normal float: below, exp(x) is under 2e-38.
     */
    private static void exp(float[] x, int n) {
        for (int i = 0; i < n; i += 2 * L) {
            FloatVector v0 = FloatVector.fromArray(S, x, i).max(-87.3f).min(88.3f);
            FloatVector shifted0 = v0.fma(LOG2E, SHIFTER);
            FloatVector k0 = shifted0.sub(SHIFTER);
            FloatVector r0 = k0.fma(FloatVector.broadcast(S, -LN2_HI), v0);
            r0 = k0.fma(FloatVector.broadcast(S, -LN2_LO), r0);
            FloatVector p0 = r0.fma(1f / 5040, 1f / 720);
            p0 = p0.fma(r0, FloatVector.broadcast(S, 1f / 120));
            p0 = p0.fma(r0, FloatVector.broadcast(S, 1f / 24));
            p0 = p0.fma(r0, FloatVector.broadcast(S, 1f / 6));
            p0 = p0.fma(r0, FloatVector.broadcast(S, 0.5f));
            p0 = p0.fma(r0, FloatVector.broadcast(S, 1f));
            p0 = p0.fma(r0, FloatVector.broadcast(S, 1f));
            IntVector exponent0 = shifted0.reinterpretAsInts().sub(SHIFTER_BITS - 127).lanewise(VectorOperators.LSHL, 23);
            p0.mul(exponent0.reinterpretAsFloats()).intoArray(x, i);
            FloatVector v1 = FloatVector.fromArray(S, x, i + L).max(-87.3f).min(88.3f);
            FloatVector shifted1 = v1.fma(LOG2E, SHIFTER);
            FloatVector k1 = shifted1.sub(SHIFTER);
            FloatVector r1 = k1.fma(FloatVector.broadcast(S, -LN2_HI), v1);
            r1 = k1.fma(FloatVector.broadcast(S, -LN2_LO), r1);
            FloatVector p1 = r1.fma(1f / 5040, 1f / 720);
            p1 = p1.fma(r1, FloatVector.broadcast(S, 1f / 120));
            p1 = p1.fma(r1, FloatVector.broadcast(S, 1f / 24));
            p1 = p1.fma(r1, FloatVector.broadcast(S, 1f / 6));
            p1 = p1.fma(r1, FloatVector.broadcast(S, 0.5f));
            p1 = p1.fma(r1, FloatVector.broadcast(S, 1f));
            p1 = p1.fma(r1, FloatVector.broadcast(S, 1f));
            IntVector exponent1 = shifted1.reinterpretAsInts().sub(SHIFTER_BITS - 127).lanewise(VectorOperators.LSHL, 23);
            p1.mul(exponent1.reinterpretAsFloats()).intoArray(x, i + L);
        }
    }

    /**
     * u[i] = log1p(u[i]) in place for 0 <= u[i] <= 1 and i below n, a multiple of two
     * vector lengths: log1p(u) = 2 atanh(s), s = u / (2 + u) in [0, 1/3], by the series 2 (s + s^3/3
     * + ... + s^15/15), whose truncation is below 2e-8 relative; small u keeps its precision (s
     * is about u / 2), which log(1 + u) would lose.
     */
    private static void log1pOfUnit(float[] u, int n) {
        for (int i = 0; i < n; i += 2 * L) {
            FloatVector v0 = FloatVector.fromArray(S, u, i);
            FloatVector s0 = v0.div(v0.add(2f));
            FloatVector s20 = s0.mul(s0);
            FloatVector p0 = s20.fma(1f / 15, 1f / 13);
            p0 = p0.fma(s20, FloatVector.broadcast(S, 1f / 11));
            p0 = p0.fma(s20, FloatVector.broadcast(S, 1f / 9));
            p0 = p0.fma(s20, FloatVector.broadcast(S, 1f / 7));
            p0 = p0.fma(s20, FloatVector.broadcast(S, 1f / 5));
            p0 = p0.fma(s20, FloatVector.broadcast(S, 1f / 3));
            p0 = p0.fma(s20, FloatVector.broadcast(S, 1f));
            s0.mul(2f).mul(p0).intoArray(u, i);
            FloatVector v1 = FloatVector.fromArray(S, u, i + L);
            FloatVector s1 = v1.div(v1.add(2f));
            FloatVector s21 = s1.mul(s1);
            FloatVector p1 = s21.fma(1f / 15, 1f / 13);
            p1 = p1.fma(s21, FloatVector.broadcast(S, 1f / 11));
            p1 = p1.fma(s21, FloatVector.broadcast(S, 1f / 9));
            p1 = p1.fma(s21, FloatVector.broadcast(S, 1f / 7));
            p1 = p1.fma(s21, FloatVector.broadcast(S, 1f / 5));
            p1 = p1.fma(s21, FloatVector.broadcast(S, 1f / 3));
            p1 = p1.fma(s21, FloatVector.broadcast(S, 1f));
            s1.mul(2f).mul(p1).intoArray(u, i + L);
        }
    }
}
