package dev.vmc.runtime.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DoubleNumerics} with the Vector API where the time goes: the product's microkernel and
 * the activation passes. Only created when {@link VectorSupport#PRESENT}. The double twin of
 * {@link VectorFloatNumerics}, with longer polynomials.
 *
 * <p>The microkernel keeps a 6 x (2 vectors) tile of C in twelve registers and, per step along
 * k, loads two vectors of the packed B strip and broadcasts six values of the packed A strip
 * into twelve fused multiply-adds: with 8-lane (AVX-512) vectors that is 6 x 16 doubles and 14
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
        // written out rather than through a helper taking the sums: a vector passed to a call
        // that C2 does not inline is boxed, and here that was every tile of every product
        int row1 = at + ldc;
        int row2 = at + 2 * ldc;
        int row3 = at + 3 * ldc;
        int row4 = at + 4 * ldc;
        int row5 = at + 5 * ldc;
        DoubleVector.fromArray(S, c, at).add(c00).intoArray(c, at);
        DoubleVector.fromArray(S, c, at + L).add(c01).intoArray(c, at + L);
        DoubleVector.fromArray(S, c, row1).add(c10).intoArray(c, row1);
        DoubleVector.fromArray(S, c, row1 + L).add(c11).intoArray(c, row1 + L);
        DoubleVector.fromArray(S, c, row2).add(c20).intoArray(c, row2);
        DoubleVector.fromArray(S, c, row2 + L).add(c21).intoArray(c, row2 + L);
        DoubleVector.fromArray(S, c, row3).add(c30).intoArray(c, row3);
        DoubleVector.fromArray(S, c, row3 + L).add(c31).intoArray(c, row3 + L);
        DoubleVector.fromArray(S, c, row4).add(c40).intoArray(c, row4);
        DoubleVector.fromArray(S, c, row4 + L).add(c41).intoArray(c, row4 + L);
        DoubleVector.fromArray(S, c, row5).add(c50).intoArray(c, row5);
        DoubleVector.fromArray(S, c, row5 + L).add(c51).intoArray(c, row5 + L);
    }

    /** Values per chunk of an activation pass: a multiple of any vector length, small enough for L1. */
    private static final int CHUNK = 1024;
    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 in two parts (Cody and Waite, as fdlibm's), the first with trailing zero bits so that n * LN2_HI is exact. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5 * 2^52: adding it rounds a double to an integer, left in the low bits of its representation. */
    private static final double SHIFTER = 6755399441055744.0;
    private static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    private final double[] scratch = new double[CHUNK];

    @Override
    void biasActivate(double[] z, double[] bias, int biasAt, double[] out, int rows, int cols, Activation f) {
        int bound = S.loopBound(cols);
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector.fromArray(S, z, row + j).add(DoubleVector.fromArray(S, bias, biasAt + j)).intoArray(z, row + j);
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

    private static void relu(double[] z, double[] out, int from, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(S, z, from + i).max(0.0).intoArray(out, from + i);
        }
        for (; i < n; i++) {
            out[from + i] = Math.max(z[from + i], 0.0);
        }
    }

    /** max(z, 0) + log1p(exp(-|z|)). */
    private void softplus(double[] z, double[] out, int from, int n) {
        int padded = paddedLength(n);
        negatedAbs(z, from, n, 1.0);
        exp(scratch, padded);
        log1pOfUnit(scratch, padded);
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(S, z, from + i).max(0.0).add(DoubleVector.fromArray(S, scratch, i)).intoArray(out, from + i);
        }
        for (; i < n; i++) {
            out[from + i] = Math.max(z[from + i], 0.0) + scratch[i];
        }
    }

    /** 1 / (1 + exp(-z)). */
    private void sigmoid(double[] z, double[] out, int from, int n) {
        negated(z, from, n);
        exp(scratch, paddedLength(n));
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.broadcast(S, 1.0).div(DoubleVector.fromArray(S, scratch, i).add(1.0)).intoArray(out, from + i);
        }
        for (; i < n; i++) {
            out[from + i] = 1 / (1 + scratch[i]);
        }
    }

    /**
     * sign(z) (1 - e) / (1 + e), e = exp(-2|z|); below |z| = 1/4, where 1 - e would cancel,
     * tanh's Taylor series to z^21 (truncation below one unit in the last place).
     */
    private void tanh(double[] z, double[] out, int from, int n) {
        negatedAbs(z, from, n, 2.0);
        exp(scratch, paddedLength(n));
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector e = DoubleVector.fromArray(S, scratch, i);
            DoubleVector r = e.neg().add(1.0).div(e.add(1.0));
            DoubleVector zv = DoubleVector.fromArray(S, z, from + i);
            DoubleVector x2 = zv.mul(zv);
            DoubleVector q = x2.fma(DoubleVector.broadcast(S, 18888466084.0 / 194896477400625.0), DoubleVector.broadcast(S, -443861162.0 / 1856156927625.0));
            q = q.fma(x2, DoubleVector.broadcast(S, 6404582.0 / 10854718875.0));
            q = q.fma(x2, DoubleVector.broadcast(S, -929569.0 / 638512875));
            q = q.fma(x2, DoubleVector.broadcast(S, 21844.0 / 6081075));
            q = q.fma(x2, DoubleVector.broadcast(S, -1382.0 / 155925));
            q = q.fma(x2, DoubleVector.broadcast(S, 62.0 / 2835));
            q = q.fma(x2, DoubleVector.broadcast(S, -17.0 / 315));
            q = q.fma(x2, DoubleVector.broadcast(S, 2.0 / 15));
            q = q.fma(x2, DoubleVector.broadcast(S, -1.0 / 3));
            q = q.fma(x2, DoubleVector.broadcast(S, 1.0));
            r = r.blend(r.neg(), zv.compare(VectorOperators.LT, 0.0));
            r.blend(q.mul(zv), zv.abs().compare(VectorOperators.LT, 0.25)).intoArray(out, from + i);
        }
        for (; i < n; i++) {
            double r = (1 - scratch[i]) / (1 + scratch[i]);
            double v = z[from + i];
            out[from + i] = Math.abs(v) < 0.25 ? (double) Math.tanh(v) : v < 0 ? -r : r;
        }
    }

    @Override
    void activationGradient(double[] g, double[] z, double[] a, int n, Activation f) {
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

    private static void reluGradient(double[] g, double[] z, int from, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(S, g, from + i).blend(0.0, DoubleVector.fromArray(S, z, from + i).compare(VectorOperators.LE, 0.0))
                    .intoArray(g, from + i);
        }
        for (; i < n; i++) {
            if (z[from + i] <= 0) {
                g[from + i] = 0;
            }
        }
    }

    /** softplus' = sigmoid(z) = 1 / (1 + exp(-z)). */
    private void softplusGradient(double[] g, double[] z, int from, int n) {
        negated(z, from, n);
        exp(scratch, paddedLength(n));
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(S, g, from + i).div(DoubleVector.fromArray(S, scratch, i).add(1.0)).intoArray(g, from + i);
        }
        for (; i < n; i++) {
            g[from + i] /= 1 + scratch[i];
        }
    }

    /** sigmoid' = a (1 - a). */
    private static void sigmoidGradient(double[] g, double[] a, int from, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector av = DoubleVector.fromArray(S, a, from + i);
            DoubleVector.fromArray(S, g, from + i).mul(av).mul(av.neg().add(1.0)).intoArray(g, from + i);
        }
        for (; i < n; i++) {
            g[from + i] *= a[from + i] * (1 - a[from + i]);
        }
    }

    /** tanh' = 1 - a^2. */
    private static void tanhGradient(double[] g, double[] a, int from, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector gv = DoubleVector.fromArray(S, g, from + i);
            DoubleVector av = DoubleVector.fromArray(S, a, from + i);
            gv.sub(gv.mul(av).mul(av)).intoArray(g, from + i);
        }
        for (; i < n; i++) {
            g[from + i] -= g[from + i] * a[from + i] * a[from + i];
        }
    }

    /** scratch[i] = -scale |z[from + i]| for i below n. */
    private void negatedAbs(double[] z, int from, int n, double scale) {
        DoubleVector factor = DoubleVector.broadcast(S, -scale);
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(S, z, from + i).abs().mul(factor).intoArray(scratch, i);
        }
        for (; i < n; i++) {
            scratch[i] = -scale * Math.abs(z[from + i]);
        }
    }

    /** scratch[i] = -z[from + i] for i below n. */
    private void negated(double[] z, int from, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(S, z, from + i).neg().intoArray(scratch, i);
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
     * polynomial to degree 13 (truncation below 2e-16), 2^k built in the exponent bits. x is
     * clamped to [-708, 709], where 2^k stays a normal double: below, exp(x) is under 4e-308.
     */
    private static void exp(double[] x, int n) {
        for (int i = 0; i < n; i += 2 * L) {
            DoubleVector v0 = DoubleVector.fromArray(S, x, i).max(-708.0).min(709.0);
            DoubleVector shifted0 = v0.fma(LOG2E, SHIFTER);
            DoubleVector k0 = shifted0.sub(SHIFTER);
            DoubleVector r0 = k0.fma(DoubleVector.broadcast(S, -LN2_HI), v0);
            r0 = k0.fma(DoubleVector.broadcast(S, -LN2_LO), r0);
            DoubleVector p0 = r0.fma(1.0 / 6227020800.0, 1.0 / 479001600.0);
            p0 = p0.fma(r0, DoubleVector.broadcast(S, 1.0 / 39916800.0));
            p0 = p0.fma(r0, DoubleVector.broadcast(S, 1.0 / 3628800.0));
            p0 = p0.fma(r0, DoubleVector.broadcast(S, 1.0 / 362880.0));
            p0 = p0.fma(r0, DoubleVector.broadcast(S, 1.0 / 40320.0));
            p0 = p0.fma(r0, DoubleVector.broadcast(S, 1.0 / 5040.0));
            p0 = p0.fma(r0, DoubleVector.broadcast(S, 1.0 / 720.0));
            p0 = p0.fma(r0, DoubleVector.broadcast(S, 1.0 / 120.0));
            p0 = p0.fma(r0, DoubleVector.broadcast(S, 1.0 / 24.0));
            p0 = p0.fma(r0, DoubleVector.broadcast(S, 1.0 / 6.0));
            p0 = p0.fma(r0, DoubleVector.broadcast(S, 1.0 / 2.0));
            p0 = p0.fma(r0, DoubleVector.broadcast(S, 1.0 / 1.0));
            p0 = p0.fma(r0, DoubleVector.broadcast(S, 1.0 / 1.0));
            LongVector exponent0 = shifted0.reinterpretAsLongs().sub(SHIFTER_BITS - 1023).lanewise(VectorOperators.LSHL, 52);
            p0.mul(exponent0.reinterpretAsDoubles()).intoArray(x, i);
            DoubleVector v1 = DoubleVector.fromArray(S, x, i + L).max(-708.0).min(709.0);
            DoubleVector shifted1 = v1.fma(LOG2E, SHIFTER);
            DoubleVector k1 = shifted1.sub(SHIFTER);
            DoubleVector r1 = k1.fma(DoubleVector.broadcast(S, -LN2_HI), v1);
            r1 = k1.fma(DoubleVector.broadcast(S, -LN2_LO), r1);
            DoubleVector p1 = r1.fma(1.0 / 6227020800.0, 1.0 / 479001600.0);
            p1 = p1.fma(r1, DoubleVector.broadcast(S, 1.0 / 39916800.0));
            p1 = p1.fma(r1, DoubleVector.broadcast(S, 1.0 / 3628800.0));
            p1 = p1.fma(r1, DoubleVector.broadcast(S, 1.0 / 362880.0));
            p1 = p1.fma(r1, DoubleVector.broadcast(S, 1.0 / 40320.0));
            p1 = p1.fma(r1, DoubleVector.broadcast(S, 1.0 / 5040.0));
            p1 = p1.fma(r1, DoubleVector.broadcast(S, 1.0 / 720.0));
            p1 = p1.fma(r1, DoubleVector.broadcast(S, 1.0 / 120.0));
            p1 = p1.fma(r1, DoubleVector.broadcast(S, 1.0 / 24.0));
            p1 = p1.fma(r1, DoubleVector.broadcast(S, 1.0 / 6.0));
            p1 = p1.fma(r1, DoubleVector.broadcast(S, 1.0 / 2.0));
            p1 = p1.fma(r1, DoubleVector.broadcast(S, 1.0 / 1.0));
            p1 = p1.fma(r1, DoubleVector.broadcast(S, 1.0 / 1.0));
            LongVector exponent1 = shifted1.reinterpretAsLongs().sub(SHIFTER_BITS - 1023).lanewise(VectorOperators.LSHL, 52);
            p1.mul(exponent1.reinterpretAsDoubles()).intoArray(x, i + L);
        }
    }

    /**
     * u[i] = log1p(u[i]) in place for 0 <= u[i] <= 1 and i below n, a multiple of two
     * vector lengths: log1p(u) = 2 atanh(s), s = u / (2 + u) in [0, 1/3], by the series 2 (s + s^3/3
     * + ... + s^33/33), whose truncation is below 2e-17 relative; small u keeps its precision (s
     * is about u / 2), which log(1 + u) would lose.
     */
    private static void log1pOfUnit(double[] u, int n) {
        for (int i = 0; i < n; i += 2 * L) {
            DoubleVector v0 = DoubleVector.fromArray(S, u, i);
            DoubleVector s0 = v0.div(v0.add(2.0));
            DoubleVector s20 = s0.mul(s0);
            DoubleVector p0 = s20.fma(1.0 / 33, 1.0 / 31);
            p0 = p0.fma(s20, DoubleVector.broadcast(S, 1.0 / 29));
            p0 = p0.fma(s20, DoubleVector.broadcast(S, 1.0 / 27));
            p0 = p0.fma(s20, DoubleVector.broadcast(S, 1.0 / 25));
            p0 = p0.fma(s20, DoubleVector.broadcast(S, 1.0 / 23));
            p0 = p0.fma(s20, DoubleVector.broadcast(S, 1.0 / 21));
            p0 = p0.fma(s20, DoubleVector.broadcast(S, 1.0 / 19));
            p0 = p0.fma(s20, DoubleVector.broadcast(S, 1.0 / 17));
            p0 = p0.fma(s20, DoubleVector.broadcast(S, 1.0 / 15));
            p0 = p0.fma(s20, DoubleVector.broadcast(S, 1.0 / 13));
            p0 = p0.fma(s20, DoubleVector.broadcast(S, 1.0 / 11));
            p0 = p0.fma(s20, DoubleVector.broadcast(S, 1.0 / 9));
            p0 = p0.fma(s20, DoubleVector.broadcast(S, 1.0 / 7));
            p0 = p0.fma(s20, DoubleVector.broadcast(S, 1.0 / 5));
            p0 = p0.fma(s20, DoubleVector.broadcast(S, 1.0 / 3));
            p0 = p0.fma(s20, DoubleVector.broadcast(S, 1.0 / 1));
            s0.mul(2.0).mul(p0).intoArray(u, i);
            DoubleVector v1 = DoubleVector.fromArray(S, u, i + L);
            DoubleVector s1 = v1.div(v1.add(2.0));
            DoubleVector s21 = s1.mul(s1);
            DoubleVector p1 = s21.fma(1.0 / 33, 1.0 / 31);
            p1 = p1.fma(s21, DoubleVector.broadcast(S, 1.0 / 29));
            p1 = p1.fma(s21, DoubleVector.broadcast(S, 1.0 / 27));
            p1 = p1.fma(s21, DoubleVector.broadcast(S, 1.0 / 25));
            p1 = p1.fma(s21, DoubleVector.broadcast(S, 1.0 / 23));
            p1 = p1.fma(s21, DoubleVector.broadcast(S, 1.0 / 21));
            p1 = p1.fma(s21, DoubleVector.broadcast(S, 1.0 / 19));
            p1 = p1.fma(s21, DoubleVector.broadcast(S, 1.0 / 17));
            p1 = p1.fma(s21, DoubleVector.broadcast(S, 1.0 / 15));
            p1 = p1.fma(s21, DoubleVector.broadcast(S, 1.0 / 13));
            p1 = p1.fma(s21, DoubleVector.broadcast(S, 1.0 / 11));
            p1 = p1.fma(s21, DoubleVector.broadcast(S, 1.0 / 9));
            p1 = p1.fma(s21, DoubleVector.broadcast(S, 1.0 / 7));
            p1 = p1.fma(s21, DoubleVector.broadcast(S, 1.0 / 5));
            p1 = p1.fma(s21, DoubleVector.broadcast(S, 1.0 / 3));
            p1 = p1.fma(s21, DoubleVector.broadcast(S, 1.0 / 1));
            s1.mul(2.0).mul(p1).intoArray(u, i + L);
        }
    }
}
