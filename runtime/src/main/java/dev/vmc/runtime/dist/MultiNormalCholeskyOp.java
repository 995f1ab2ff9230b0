package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * The multivariate normal log density of each draw y_m ([K], or rows of [M, K]) with mean mu_m
 * (one [K] for all, or one per row) and covariance L L', L lower triangular ([K, K]; entries
 * above the diagonal are ignored): -K/2 log(2 pi) - sum log L_kk - |z|^2 / 2 with z = L^-1 (y -
 * mu), one forward substitution per draw. Any input may vary by particle. With a = L^-T z,
 * y gets -a, mu gets a, and L gets a z' on and below the diagonal less 1 / L_kk on it.
 */
final class MultiNormalCholeskyOp implements Op {
    @Override
    public String name() {
        return "multi_normal_cholesky log density";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] y = inputShapes[0];
        int[] mu = inputShapes[1];
        int[] l = inputShapes[2];
        if (y.length < 1 || y.length > 2 || mu.length < 1 || mu.length > 2 || l.length != 2 || l[0] != l[1]
                || y[y.length - 1] != l[0] || mu[mu.length - 1] != l[0]
                || (y.length == 2 && mu.length == 2 && y[0] != mu[0])) {
            throw new ShapeException("needs vectors of K (or rows of K), means of K and a K x K Cholesky factor, got "
                    + Shapes.format(y) + ", " + Shapes.format(mu) + " and " + Shapes.format(l));
        }
        return y.length == 2 ? new int[] {y[0]} : mu.length == 2 ? new int[] {mu[0]} : Shapes.SCALAR;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int k = inputs[2].shape()[0];
        int draws = output.shape().length == 0 ? 1 : output.shape()[0];
        int groups = output.batched() ? output.particles() : 1;
        int yRows = inputs[0].shape().length == 2 ? k : 0;
        int muRows = inputs[1].shape().length == 2 ? k : 0;
        int yStride = inputs[0].batched() ? inputs[0].modelSize() : 0;
        int muStride = inputs[1].batched() ? inputs[1].modelSize() : 0;
        int lStride = inputs[2].batched() ? k * k : 0;
        double[] z = new double[k];
        double[] a = new double[k];
        return new Kernel() {
            /** z = L^-1 (y_m - mu_m); returns sum log L_kk. */
            private double solve(Tensor[] in, int s, int row) {
                double[] y = in[0].data;
                double[] mu = in[1].data;
                double[] l = in[2].data;
                int oy = s * yStride + row * yRows;
                int om = s * muStride + row * muRows;
                int ol = s * lStride;
                double logDet = 0;
                for (int i = 0; i < k; i++) {
                    double acc = y[oy + i] - mu[om + i];
                    for (int j = 0; j < i; j++) {
                        acc -= l[ol + i * k + j] * z[j];
                    }
                    double diagonal = l[ol + i * k + i];
                    z[i] = acc / diagonal;
                    logDet += Math.log(diagonal);
                }
                return logDet;
            }

            public void forward(Tensor[] in, Tensor out) {
                for (int s = 0; s < groups; s++) {
                    for (int row = 0; row < draws; row++) {
                        double logDet = solve(in, s, row);
                        double ss = 0;
                        for (int i = 0; i < k; i++) {
                            ss += z[i] * z[i];
                        }
                        out.data[s * draws + row] = -0.5 * ss - logDet - 0.5 * k * Special.LOG_2PI;
                    }
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                double[] l = in[2].data;
                for (int s = 0; s < groups; s++) {
                    int ol = s * lStride;
                    for (int row = 0; row < draws; row++) {
                        double g = gOut.data[s * draws + row];
                        solve(in, s, row);
                        for (int i = k - 1; i >= 0; i--) { // a = L^-T z
                            double acc = z[i];
                            for (int j = i + 1; j < k; j++) {
                                acc -= l[ol + j * k + i] * a[j];
                            }
                            a[i] = acc / l[ol + i * k + i];
                        }
                        if (gIn[0] != null) {
                            int oy = s * yStride + row * yRows;
                            for (int i = 0; i < k; i++) {
                                gIn[0].data[oy + i] -= g * a[i];
                            }
                        }
                        if (gIn[1] != null) {
                            int om = s * muStride + row * muRows;
                            for (int i = 0; i < k; i++) {
                                gIn[1].data[om + i] += g * a[i];
                            }
                        }
                        if (gIn[2] != null) {
                            double[] gl = gIn[2].data;
                            for (int i = 0; i < k; i++) {
                                for (int j = 0; j < i; j++) {
                                    gl[ol + i * k + j] += g * a[i] * z[j];
                                }
                                gl[ol + i * k + i] += g * (a[i] * z[i] - 1 / l[ol + i * k + i]);
                            }
                        }
                    }
                }
            }
        };
    }
}
