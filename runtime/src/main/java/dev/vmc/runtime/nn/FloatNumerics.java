package dev.vmc.runtime.nn;

import java.util.Arrays;

/**
 * {@link Numerics} on float32 buffers in plain loops: the fallback when the Vector API is
 * absent, the reference the vector kernels are tested against, and the packing and
 * conversions they share. {@link DoubleNumerics} is its double twin: Java has no generics
 * over primitive arrays' elements, so each storage type has its own loops.
 */
class FloatNumerics extends Numerics<float[]> {
    /** With this class's own microkernel, a 4 x 4 tile. */
    FloatNumerics() {
        this(4, 4);
    }

    /** For a subclass whose microkernel computes an mr x nr tile. */
    FloatNumerics(int mr, int nr) {
        super(mr, nr);
    }

    @Override
    final float[] allocate(int n) {
        return new float[n];
    }

    @Override
    final void load(double[] from, int start, float[] to, int at, int n) {
        for (int i = 0; i < n; i++) {
            to[at + i] = (float) from[start + i];
        }
    }

    @Override
    final void export(float[] from, int start, double[] to, int at, int n, boolean add) {
        if (add) {
            for (int i = 0; i < n; i++) {
                to[at + i] += from[start + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                to[at + i] = from[start + i];
            }
        }
    }

    @Override
    final void zero(float[] x, int from, int n) {
        Arrays.fill(x, from, from + n, 0f);
    }

    @Override
    final void packA(float[] a, int offA, int lda, boolean trans, int i0, int rows, int p0, int kc, float[] to) {
        for (int s = 0; s < rows; s += mr) {
            int base = s * kc;
            for (int r = 0; r < mr; r++) {
                int i = i0 + s + r;
                if (s + r >= rows) {
                    for (int p = 0; p < kc; p++) {
                        to[base + p * mr + r] = 0;
                    }
                } else if (trans) {
                    for (int p = 0; p < kc; p++) {
                        to[base + p * mr + r] = a[offA + (p0 + p) * lda + i];
                    }
                } else {
                    int row = offA + i * lda + p0;
                    for (int p = 0; p < kc; p++) {
                        to[base + p * mr + r] = a[row + p];
                    }
                }
            }
        }
    }

    @Override
    final void packB(float[] b, int offB, int ldb, boolean trans, int p0, int kc, int j0, int cols, float[] to) {
        for (int t = 0; t < cols; t += nr) {
            int base = t * kc;
            int width = Math.min(nr, cols - t);
            for (int p = 0; p < kc; p++) {
                int at = base + p * nr;
                if (trans) {
                    for (int q = 0; q < width; q++) {
                        to[at + q] = b[offB + (j0 + t + q) * ldb + p0 + p];
                    }
                } else {
                    System.arraycopy(b, offB + (p0 + p) * ldb + j0 + t, to, at, width);
                }
                for (int q = width; q < nr; q++) {
                    to[at + q] = 0;
                }
            }
        }
    }

    /**
     * A 4 x 4 tile in sixteen local sums, so that each step along k is four loads of A, four of
     * B and sixteen multiply-adds with no loads or stores of C: about five times as fast as
     * updating rows of C in memory, whose short runs C2 does not vectorise.
     */
    @Override
    void kernel(int kc, float[] pa, int ia, float[] pb, int ib, float[] c, int at, int ldc) {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int p = 0; p < kc; p++, ia += 4, ib += 4) {
            float b0 = pb[ib], b1 = pb[ib + 1], b2 = pb[ib + 2], b3 = pb[ib + 3];
            float a = pa[ia];
            c00 += a * b0; c01 += a * b1; c02 += a * b2; c03 += a * b3;
            a = pa[ia + 1];
            c10 += a * b0; c11 += a * b1; c12 += a * b2; c13 += a * b3;
            a = pa[ia + 2];
            c20 += a * b0; c21 += a * b1; c22 += a * b2; c23 += a * b3;
            a = pa[ia + 3];
            c30 += a * b0; c31 += a * b1; c32 += a * b2; c33 += a * b3;
        }
        addRow(c, at, c00, c01, c02, c03);
        addRow(c, at + ldc, c10, c11, c12, c13);
        addRow(c, at + 2 * ldc, c20, c21, c22, c23);
        addRow(c, at + 3 * ldc, c30, c31, c32, c33);
    }

    private static void addRow(float[] c, int at, float v0, float v1, float v2, float v3) {
        c[at] += v0;
        c[at + 1] += v1;
        c[at + 2] += v2;
        c[at + 3] += v3;
    }

    @Override
    final void addTile(float[] tile, int rows, int cols, float[] c, int at, int ldc) {
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) {
                c[at + r * ldc + q] += tile[r * nr + q];
            }
        }
    }

    @Override
    void biasActivate(float[] z, float[] bias, int biasAt, float[] out, int rows, int cols, Activation f) {
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
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
        for (int i = 0; i < n; i++) {
            g[i] *= (float) f.derivative(z[i], a[i]);
        }
    }

    @Override
    final void columnSums(float[] g, int rows, int cols, float[] to, int at) {
        Arrays.fill(to, at, at + cols, 0f);
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                to[at + j] += g[row + j];
            }
        }
    }
}
