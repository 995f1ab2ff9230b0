package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Blas;
import dev.vmc.runtime.tensor.BlasProvider;
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
    public String describe() {
        return "* (matrix product)";
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
            return sharedMatrix(m, k, groups, inputs[0].fixed(), Blas.use((long) groups * m * k));
        }
        return new Loops(m, k, p, groups, inputs[0].batched() ? m * k : 0, inputs[1].batched() ? k * p : 0);
    }

    /**
     * The kernel for a shared m x k matrix times one k-vector per particle, in Java loops or
     * through a native BLAS as asked; {@link #kernel} asks {@link Blas#use} (big enough, and a
     * BLAS on the class path), and the benchmark asks for both to measure where one overtakes
     * the other. Asking for BLAS where there is none throws {@link IllegalStateException}.
     */
    public static Kernel sharedMatrix(int m, int k, int particles, boolean fixedMatrix, boolean nativeBlas) {
        if (nativeBlas && !Blas.available()) {
            throw new IllegalStateException("no native BLAS: " + Blas.describe());
        }
        return nativeBlas ? new SharedMatrixNative(m, k, particles, fixedMatrix) : new Loops(m, k, 1, particles, 0, k);
    }

    /**
     * Java loops, one product per particle (strideA, strideB: 0 for a shared operand). The
     * matrix-vector case, a regression's X * beta, is where the time goes, so its loops keep
     * four independent sums going (one sum waits on each addition): four rows at a time,
     * or, for a shared matrix and four or more particles, four particles per row read.
     */
    private record Loops(int m, int k, int p, int groups, int strideA, int strideB) implements Kernel {
        public void forward(Tensor[] in, Tensor out) {
            double[] a = in[0].data;
            double[] b = in[1].data;
            double[] c = out.data;
            if (p == 1) {
                int s = 0;
                if (strideA == 0) {
                    for (; s + 4 <= groups; s += 4) {
                        dotFourVectors(a, m, k, b, s * strideB, strideB, c, s * m);
                    }
                }
                for (; s < groups; s++) {
                    dotRows(a, s * strideA, m, k, b, s * strideB, c, s * m);
                }
                return;
            }
            java.util.Arrays.fill(c, 0);
            for (int s = 0; s < groups; s++) {
                int oa = s * strideA;
                int ob = s * strideB;
                int oc = s * m * p;
                for (int i = 0; i < m; i++) {
                    int rowA = oa + i * k;
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
                if (p == 1) {
                    if (gb != null) {
                        addTransposedProduct(a, oa, m, k, g, oc, gb, ob);
                    }
                    for (int i = 0; ga != null && i < m; i++) {
                        addScaled(ga, oa + i * k, g[oc + i], b, ob, k);
                    }
                    continue;
                }
                for (int i = 0; i < m; i++) {
                    int rowA = oa + i * k;
                    int rowC = oc + i * p;
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
     * c[oc + i] = row i of the m x k matrix at a[oa..] dot b[ob..ob+k), four rows at a time.
     * Each row is still summed in order, so the result is the same as one row at a time.
     */
    private static void dotRows(double[] a, int oa, int m, int k, double[] b, int ob, double[] c, int oc) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int r0 = oa + i * k, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
            double c0 = 0, c1 = 0, c2 = 0, c3 = 0;
            for (int j = 0; j < k; j++) {
                double bj = b[ob + j];
                c0 += a[r0 + j] * bj;
                c1 += a[r1 + j] * bj;
                c2 += a[r2 + j] * bj;
                c3 += a[r3 + j] * bj;
            }
            c[oc + i] = c0;
            c[oc + i + 1] = c1;
            c[oc + i + 2] = c2;
            c[oc + i + 3] = c3;
        }
        for (; i < m; i++) {
            int row = oa + i * k;
            double acc = 0;
            for (int j = 0; j < k; j++) {
                acc += a[row + j] * b[ob + j];
            }
            c[oc + i] = acc;
        }
    }

    /**
     * The same for four vectors at b[ob..], b[ob + stride..], ... against one shared m x k
     * matrix, into four m-long runs of c from oc: each row of the matrix is read once for four
     * products.
     */
    private static void dotFourVectors(double[] a, int m, int k, double[] b, int ob, int stride, double[] c, int oc) {
        int b0 = ob, b1 = b0 + stride, b2 = b1 + stride, b3 = b2 + stride;
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
            c[oc + i] = c0;
            c[oc + m + i] = c1;
            c[oc + 2 * m + i] = c2;
            c[oc + 3 * m + i] = c3;
        }
    }

    /**
     * t[ot..ot+k) += (the m x k matrix at a[oa..]) transposed times g[og..og+m): the gradient
     * of a matrix-vector product with respect to the vector, as row updates four rows per pass
     * over t (one load and store of t per four rows; a pass is a loop the JIT vectorises).
     */
    private static void addTransposedProduct(double[] a, int oa, int m, int k, double[] g, int og, double[] t, int ot) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int r0 = oa + i * k, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
            double g0 = g[og + i], g1 = g[og + i + 1], g2 = g[og + i + 2], g3 = g[og + i + 3];
            for (int j = 0; j < k; j++) {
                t[ot + j] += g0 * a[r0 + j] + g1 * a[r1 + j] + g2 * a[r2 + j] + g3 * a[r3 + j];
            }
        }
        for (; i < m; i++) {
            addScaled(t, ot, g[og + i], a, oa + i * k, k);
        }
    }

    /** target[to..to+n) += scale * source[from..from+n): the row updates of a product's gradient. */
    private static void addScaled(double[] target, int to, double scale, double[] source, int from, int n) {
        for (int j = 0; j < n; j++) {
            target[to + j] += scale * source[from + j];
        }
    }

    /**
     * A shared (data) matrix times one vector per particle, big enough for a native BLAS (found
     * by {@link Blas}, e.g. vmc-blas's ND4J): all particles in one product, C[S,M] = B[S,K] A^T,
     * and the same for the gradients. A fixed matrix (data) is handed to the native side once,
     * not every step.
     */
    private static final class SharedMatrixNative implements Kernel {
        private final int m;
        private final int k;
        private final int groups;
        private final boolean fixedMatrix;
        private BlasProvider.Matrix matrix;

        SharedMatrixNative(int m, int k, int groups, boolean fixedMatrix) {
            this.m = m;
            this.k = k;
            this.groups = groups;
            this.fixedMatrix = fixedMatrix;
        }

        private BlasProvider.Matrix matrix(double[] a) {
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
            BlasProvider.Matrix upstream = Blas.matrix(gOut.data, 0, groups, m);
            if (gIn[1] != null) {
                Blas.gemm(upstream, false, matrix(in[0].data), false, gIn[1].data, 0);
            }
            if (gIn[0] != null) {
                Blas.gemm(upstream, true, Blas.matrix(in[1].data, 0, groups, k), false, gIn[0].data, 0);
            }
        }
    }
}
