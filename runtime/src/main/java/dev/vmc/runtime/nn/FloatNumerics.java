package dev.vmc.runtime.nn;

import java.util.Arrays;

/**
 * {@link Numerics} on float32 buffers in plain loops: the fallback when the Vector API is
 * absent, the reference the vector kernels are tested against, and the packing and
 * conversions they share. {@link DoubleNumerics} is its double twin: Java has no generics
 * over primitive arrays' elements, so each storage type has its own loops.
 */
class FloatNumerics extends Numerics<float[]> {
    FloatNumerics() {
        this(4, 16);
    }

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

    @Override
    void kernel(int kc, float[] pa, int ia, float[] pb, int ib, float[] c, int at, int ldc) {
        for (int p = 0; p < kc; p++) {
            for (int r = 0; r < mr; r++) {
                float ar = pa[ia + p * mr + r];
                int row = at + r * ldc;
                int col = ib + p * nr;
                for (int q = 0; q < nr; q++) {
                    c[row + q] += ar * pb[col + q];
                }
            }
        }
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
