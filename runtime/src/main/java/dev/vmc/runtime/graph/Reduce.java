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
}
