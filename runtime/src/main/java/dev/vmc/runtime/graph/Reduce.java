package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * Reductions: over all model dimensions (one value per particle), over the last model axis
 * alone, or over the particles.
 */
public enum Reduce implements Op {
    SUM,
    LOG_SUM_EXP,
    /** The product of every model element; its gradient is each element's cofactor, exact at zeros too. */
    PROD,
    /** The largest model element; the gradient goes to the first element that attains it. */
    MAX,
    /** The smallest, as MAX. */
    MIN,
    /**
     * log-sum-exp over the last model axis, [..., K] to [...]: how a latent enumerated along its
     * own axis is summed out of a factor, each datum's row on its own (N x K, not K^N).
     */
    LOG_SUM_EXP_LAST_AXIS,
    /** Sum over the last model axis, [..., M] to [...]: a factor's elements beyond the ones a latent keeps apart. */
    SUM_LAST_AXIS,
    MEAN_OVER_PARTICLES;

    @Override
    public String toString() {
        return name().toLowerCase();
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] shape = inputShapes[0];
        if (this == MEAN_OVER_PARTICLES && shape.length != 0) {
            throw new ShapeException("needs one value per particle, got shape " + Shapes.format(shape));
        }
        if (this == LOG_SUM_EXP_LAST_AXIS || this == SUM_LAST_AXIS) {
            if (shape.length == 0) {
                throw new ShapeException("needs an axis to sum over, got a scalar");
            }
            return java.util.Arrays.copyOf(shape, shape.length - 1);
        }
        return Shapes.SCALAR;
    }

    @Override
    public boolean outputBatched(boolean[] inputsBatched) {
        return this != MEAN_OVER_PARTICLES && inputsBatched[0];
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int groups = output.size();
        int width = inputs[0].size() / groups;
        Reduce kind = this;
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                double[] x = in[0].data;
                for (int s = 0; s < groups; s++) {
                    int base = s * width;
                    if (kind == LOG_SUM_EXP || kind == LOG_SUM_EXP_LAST_AXIS) {
                        out.data[s] = Special.logSumExp(x, base, width);
                    } else if (kind == PROD) {
                        double acc = 1;
                        for (int i = 0; i < width; i++) {
                            acc *= x[base + i];
                        }
                        out.data[s] = acc;
                    } else if (kind == MAX || kind == MIN) {
                        // Stan's max of nothing is -inf, its min +inf: the identities
                        out.data[s] = width == 0 ? (kind == MAX ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                                : x[base + extremeAt(x, base, width, kind == MAX)];
                    } else {
                        double acc = 0;
                        for (int i = 0; i < width; i++) {
                            acc += x[base + i];
                        }
                        out.data[s] = kind == MEAN_OVER_PARTICLES ? acc / width : acc;
                    }
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                double[] x = in[0].data;
                double[] gx = gIn[0].data;
                for (int s = 0; s < groups; s++) {
                    int base = s * width;
                    double g = gOut.data[s];
                    if (kind == PROD) {
                        cofactors(x, base, width, g, gx);
                        continue;
                    }
                    if (kind == MAX || kind == MIN) {
                        if (width > 0) {
                            gx[base + extremeAt(x, base, width, kind == MAX)] += g;
                        }
                        continue;
                    }
                    for (int i = 0; i < width; i++) {
                        switch (kind) {
                            case SUM, SUM_LAST_AXIS -> gx[base + i] += g;
                            case MEAN_OVER_PARTICLES -> gx[base + i] += g / width;
                            default -> gx[base + i] += g * Math.exp(x[base + i] - out.data[s]);
                        }
                    }
                }
            }
        };
    }

    /**
     * The index of the first largest (or smallest) of x[base .. base + width); a NaN wins, so
     * that max and min of a vector holding one are NaN, as Stan's. width must be at least 1.
     */
    private static int extremeAt(double[] x, int base, int width, boolean largest) {
        int best = 0;
        for (int i = 1; i < width; i++) {
            double v = x[base + i];
            double b = x[base + best];
            if (Double.isNaN(b)) {
                break;
            }
            if (Double.isNaN(v) || (largest ? v > b : v < b)) {
                best = i;
            }
        }
        return best;
    }

    /**
     * g times the product of every other element, added to each element's gradient: a running
     * product from the left times one from the right, so a zero element costs no division.
     */
    private static void cofactors(double[] x, int base, int width, double g, double[] gx) {
        double[] right = new double[width + 1];
        right[width] = 1;
        for (int i = width - 1; i >= 0; i--) {
            right[i] = right[i + 1] * x[base + i];
        }
        double left = 1;
        for (int i = 0; i < width; i++) {
            gx[base + i] += g * left * right[i + 1];
            left *= x[base + i];
        }
    }
}
