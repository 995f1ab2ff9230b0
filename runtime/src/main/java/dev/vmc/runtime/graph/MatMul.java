package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Blas;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * Matrix times vector ([M,K] x [K] -> [M]) or matrix times matrix ([M,K] x [K,P] -> [M,P]),
 * per particle where either side is per particle.
 */
public enum MatMul implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "matmul";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] a = inputShapes[0];
        int[] b = inputShapes[1];
        if (a.length != 2 || (b.length != 1 && b.length != 2)) {
            throw new ShapeException("needs a matrix times a vector or a matrix, got "
                    + Shapes.format(a) + " x " + Shapes.format(b));
        }
        if (a[1] != b[0]) {
            throw new ShapeException("inner sizes differ: " + Shapes.format(a) + " x " + Shapes.format(b));
        }
        return b.length == 1 ? new int[] {a[0]} : new int[] {a[0], b[1]};
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int m = inputs[0].shape()[0];
        int k = inputs[0].shape()[1];
        int p = inputs[1].shape().length == 1 ? 1 : inputs[1].shape()[1];
        int groups = output.batched() ? output.particles() : 1;
        boolean sharedMatrix = !inputs[0].batched() && inputs[1].batched() && p == 1;
        if (sharedMatrix) {
            return sharedMatrix(m, k, groups, inputs[0].fixed(), Blas.worthIt((long) groups * m * k));
        }
        return new Loops(m, k, p, groups, inputs[0].batched() ? m * k : 0, inputs[1].batched() ? k * p : 0);
    }

    /**
     * The kernel for a shared m x k matrix times one k-vector per particle, in Java loops or
     * through BLAS as asked; {@link #kernel} asks {@link Blas#worthIt}, and the benchmark asks
     * for both to measure where one overtakes the other.
     */
    public static Kernel sharedMatrix(int m, int k, int particles, boolean fixedMatrix, boolean nativeBlas) {
        return nativeBlas ? new SharedMatrixNative(m, k, particles, fixedMatrix) : new SharedMatrixLoops(m, k, particles);
    }

    /** target[to..to+n) += scale * source[from..from+n): the row updates of a product's gradient. */
    private static void addScaled(double[] target, int to, double scale, double[] source, int from, int n) {
        for (int j = 0; j < n; j++) {
            target[to + j] += scale * source[from + j];
        }
    }

    /** Plain loops, one product per particle; the matrix-vector case as contiguous dot products. */
    private record Loops(int m, int k, int p, int groups, int strideA, int strideB) implements Kernel {
        public void forward(Tensor[] in, Tensor out) {
            double[] a = in[0].data;
            double[] b = in[1].data;
            double[] c = out.data;
            java.util.Arrays.fill(c, 0);
            for (int s = 0; s < groups; s++) {
                int oa = s * strideA;
                int ob = s * strideB;
                int oc = s * m * p;
                for (int i = 0; i < m; i++) {
                    int rowA = oa + i * k;
                    if (p == 1) {
                        double acc = 0;
                        for (int kk = 0; kk < k; kk++) {
                            acc += a[rowA + kk] * b[ob + kk];
                        }
                        c[oc + i] = acc;
                        continue;
                    }
                    int rowC = oc + i * p;
                    for (int kk = 0; kk < k; kk++) {
                        double aik = a[rowA + kk];
                        int rowB = ob + kk * p;
                        for (int j = 0; j < p; j++) {
                            c[rowC + j] += aik * b[rowB + j];
                        }
                    }
                }
            }
        }

        public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
            double[] a = in[0].data;
            double[] b = in[1].data;
            double[] g = gOut.data;
            double[] ga = gIn[0] == null ? null : gIn[0].data;
            double[] gb = gIn[1] == null ? null : gIn[1].data;
            for (int s = 0; s < groups; s++) {
                int oa = s * strideA;
                int ob = s * strideB;
                int oc = s * m * p;
                for (int i = 0; i < m; i++) {
                    int rowA = oa + i * k;
                    int rowC = oc + i * p;
                    if (p == 1) {
                        if (gb != null) {
                            addScaled(gb, ob, g[rowC], a, rowA, k);
                        }
                        if (ga != null) {
                            addScaled(ga, rowA, g[rowC], b, ob, k);
                        }
                        continue;
                    }
                    for (int kk = 0; kk < k; kk++) {
                        int rowB = ob + kk * p;
                        double aik = a[rowA + kk];
                        double acc = 0;
                        for (int j = 0; j < p; j++) {
                            acc += g[rowC + j] * b[rowB + j];
                            if (gb != null) {
                                gb[rowB + j] += aik * g[rowC + j];
                            }
                        }
                        if (ga != null) {
                            ga[rowA + kk] += acc;
                        }
                    }
                }
            }
        }
    }

    /**
     * A shared matrix times one vector per particle (a regression's X * beta), in Java: four
     * particles at a time, so each row of the matrix is read once per four products.
     */
    private record SharedMatrixLoops(int m, int k, int groups) implements Kernel {
        public void forward(Tensor[] in, Tensor out) {
            double[] a = in[0].data;
            double[] b = in[1].data;
            double[] c = out.data;
            int s = 0;
            for (; s + 4 <= groups; s += 4) {
                int b0 = s * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
                for (int i = 0; i < m; i++) {
                    int row = i * k;
                    double c0 = 0, c1 = 0, c2 = 0, c3 = 0;
                    for (int j = 0; j < k; j++) {
                        double aij = a[row + j];
                        c0 += aij * b[b0 + j];
                        c1 += aij * b[b1 + j];
                        c2 += aij * b[b2 + j];
                        c3 += aij * b[b3 + j];
                    }
                    c[s * m + i] = c0;
                    c[(s + 1) * m + i] = c1;
                    c[(s + 2) * m + i] = c2;
                    c[(s + 3) * m + i] = c3;
                }
            }
            for (; s < groups; s++) {
                for (int i = 0; i < m; i++) {
                    double acc = 0;
                    for (int j = 0; j < k; j++) {
                        acc += a[i * k + j] * b[s * k + j];
                    }
                    c[s * m + i] = acc;
                }
            }
        }

        public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
            double[] a = in[0].data;
            double[] b = in[1].data;
            double[] g = gOut.data;
            for (int s = 0; s < groups; s++) {
                for (int i = 0; i < m; i++) {
                    double gi = g[s * m + i];
                    if (gIn[1] != null) {
                        addScaled(gIn[1].data, s * k, gi, a, i * k, k);
                    }
                    if (gIn[0] != null) {
                        addScaled(gIn[0].data, i * k, gi, b, s * k, k);
                    }
                }
            }
        }
    }

    /**
     * A shared (data) matrix times one vector per particle, big enough for BLAS: all particles
     * in one product, C[S,M] = B[S,K] A^T, and the same for the gradients. A fixed matrix
     * (data) is handed to the native side once, not every step.
     */
    private static final class SharedMatrixNative implements Kernel {
        private final int m;
        private final int k;
        private final int groups;
        private final boolean fixedMatrix;
        private Blas.Matrix matrix;

        SharedMatrixNative(int m, int k, int groups, boolean fixedMatrix) {
            this.m = m;
            this.k = k;
            this.groups = groups;
            this.fixedMatrix = fixedMatrix;
        }

        private Blas.Matrix matrix(double[] a) {
            if (matrix == null || !fixedMatrix) {
                matrix = Blas.matrix(a, 0, m, k);
            }
            return matrix;
        }

        public void forward(Tensor[] in, Tensor out) {
            out.fill(0);
            Blas.gemm(Blas.matrix(in[1].data, 0, groups, k), false, matrix(in[0].data), true, out.data, 0);
        }

        public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
            Blas.Matrix upstream = Blas.matrix(gOut.data, 0, groups, m);
            if (gIn[1] != null) {
                Blas.gemm(upstream, false, matrix(in[0].data), false, gIn[1].data, 0);
            }
            if (gIn[0] != null) {
                Blas.gemm(upstream, true, Blas.matrix(in[1].data, 0, groups, k), false, gIn[0].data, 0);
            }
        }
    }
}
