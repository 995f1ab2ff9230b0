package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * Stan's stationary Gaussian-process covariances, K[i, j] = k(|x1_i - x2_j|^2 / rho^2) scaled by
 * alpha^2, for points x1 ([N] reals or [N, D], input 0) and x2 ([M] or [M, D], input 1), with
 * magnitude alpha (input 2) and length-scale rho (input 3), each per particle or shared: an
 * N x M matrix. Stan's one-argument forms pass the same points twice. Each kernel is a function
 * of u = squared distance / rho^2, and its derivative in u is finite at u = 0 (Matern's too), so
 * the points get gradients wherever they are.
 */
public enum GpCovariance implements Op {
    /** gp_exp_quad_cov: alpha^2 exp(-u / 2). */
    EXP_QUAD("gp_exp_quad_cov"),
    /** gp_matern32_cov: alpha^2 (1 + sqrt(3 u)) exp(-sqrt(3 u)). */
    MATERN32("gp_matern32_cov"),
    /** gp_matern52_cov: alpha^2 (1 + sqrt(5 u) + 5 u / 3) exp(-sqrt(5 u)). */
    MATERN52("gp_matern52_cov");

    private final String function;

    GpCovariance(String function) {
        this.function = function;
    }

    @Override
    public String toString() {
        return function;
    }

    /** k / alpha^2 at u. */
    private double shape(double u) {
        return switch (this) {
            case EXP_QUAD -> Math.exp(-0.5 * u);
            case MATERN32 -> {
                double r = Math.sqrt(3 * u);
                yield (1 + r) * Math.exp(-r);
            }
            case MATERN52 -> {
                double r = Math.sqrt(5 * u);
                yield (1 + r + 5 * u / 3) * Math.exp(-r);
            }
        };
    }

    /** d(k / alpha^2) / du at u. */
    private double slope(double u) {
        return switch (this) {
            case EXP_QUAD -> -0.5 * Math.exp(-0.5 * u);
            case MATERN32 -> -1.5 * Math.exp(-Math.sqrt(3 * u));
            case MATERN52 -> {
                double r = Math.sqrt(5 * u);
                yield -(5.0 / 6) * (1 + r) * Math.exp(-r);
            }
        };
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] x1 = inputShapes[0];
        int[] x2 = inputShapes[1];
        if (x1.length == 0 || x1.length > 2 || x2.length != x1.length || (x1.length == 2 && x1[1] != x2[1])) {
            throw new ShapeException("needs points as arrays of reals or of vectors of one size, got "
                    + Shapes.format(x1) + " and " + Shapes.format(x2));
        }
        if (inputShapes[2].length != 0 || inputShapes[3].length != 0) {
            throw new ShapeException("needs a scalar magnitude and length-scale");
        }
        return new int[] {x1[0], x2[0]};
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int n = inputs[0].shape()[0];
        int m = inputs[1].shape()[0];
        int dim = inputs[0].shape().length == 2 ? inputs[0].shape()[1] : 1;
        int groups = output.batched() ? output.particles() : 1;
        int[] strides = new int[4];
        for (int i = 0; i < 4; i++) {
            strides[i] = inputs[i].batched() ? inputs[i].modelSize() : 0;
        }
        return new Kernel() {
            private double squaredDistance(double[] x1, int o1, double[] x2, int o2) {
                double d2 = 0;
                for (int k = 0; k < dim; k++) {
                    double diff = x1[o1 + k] - x2[o2 + k];
                    d2 += diff * diff;
                }
                return d2;
            }

            public void forward(Tensor[] in, Tensor out) {
                for (int s = 0; s < groups; s++) {
                    double alpha = in[2].data[s * strides[2]];
                    double rho = in[3].data[s * strides[3]];
                    double scale = alpha * alpha;
                    int o1 = s * strides[0];
                    int o2 = s * strides[1];
                    int oo = s * n * m;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < m; j++) {
                            double u = squaredDistance(in[0].data, o1 + i * dim, in[1].data, o2 + j * dim) / (rho * rho);
                            out.data[oo + i * m + j] = scale * shape(u);
                        }
                    }
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                for (int s = 0; s < groups; s++) {
                    double alpha = in[2].data[s * strides[2]];
                    double rho = in[3].data[s * strides[3]];
                    double scale = alpha * alpha;
                    int o1 = s * strides[0];
                    int o2 = s * strides[1];
                    int oo = s * n * m;
                    double gAlpha = 0;
                    double gRho = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < m; j++) {
                            double g = gOut.data[oo + i * m + j];
                            if (g == 0) {
                                continue;
                            }
                            double d2 = squaredDistance(in[0].data, o1 + i * dim, in[1].data, o2 + j * dim);
                            double u = d2 / (rho * rho);
                            gAlpha += g * 2 * alpha * shape(u);
                            double dU = g * scale * slope(u); // d out / du, times g
                            gRho += dU * (-2 * u / rho);
                            double dD2 = dU / (rho * rho);
                            for (int k = 0; k < dim; k++) {
                                double diff = in[0].data[o1 + i * dim + k] - in[1].data[o2 + j * dim + k];
                                if (gIn[0] != null) {
                                    gIn[0].data[o1 + i * dim + k] += 2 * diff * dD2;
                                }
                                if (gIn[1] != null) {
                                    gIn[1].data[o2 + j * dim + k] -= 2 * diff * dD2;
                                }
                            }
                        }
                    }
                    if (gIn[2] != null) {
                        gIn[2].data[s * strides[2]] += gAlpha;
                    }
                    if (gIn[3] != null) {
                        gIn[3].data[s * strides[3]] += gRho;
                    }
                }
            }
        };
    }
}
