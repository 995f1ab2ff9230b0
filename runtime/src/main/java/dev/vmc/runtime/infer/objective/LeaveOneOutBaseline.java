package dev.vmc.runtime.infer.objective;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * The leave-one-out baseline of Kool, van Hoof and Welling (2019, "Buy 4 REINFORCE samples, get
 * a baseline for free"): particle s gets the mean cost of the other S - 1 particles, b_s =
 * (sum_s' f_s' - f_s) / (S - 1). The particles' draws are independent, so b_s does not depend on
 * z_s and the estimator stays unbiased, with no state kept between steps.
 *
 * <p>An op rather than a formula of constants, because the particle count belongs to the
 * executor, not the graph: the kernel reads S from its layout, so the same graph serves
 * executors of any S. With one particle there is no other to leave in, and the baseline is 0:
 * a fit chooses this baseline only for S >= 2, but the same graph also serves executors of one
 * particle (point estimates).
 */
public enum LeaveOneOutBaseline implements Op {
    INSTANCE;

    private static final Kernel ZERO = new Kernel() {
        public void forward(Tensor[] in, Tensor out) {
            java.util.Arrays.fill(out.data, 0);
        }

        public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {}
    };

    /** The baseline of each particle, for a cost of one value per particle or one per element. */
    public static Node of(Graph graph, Node cost) {
        if (!cost.batched) {
            throw new IllegalArgumentException("the leave-one-out baseline needs a cost that varies by particle, got "
                    + cost);
        }
        return graph.apply(INSTANCE, cost);
    }

    @Override
    public String toString() {
        return "leave-one-out baseline";
    }

    /** Per element of the cost: element i's baseline averages element i of the other particles. */
    @Override
    public int[] outputShape(int[][] inputShapes) {
        return inputShapes[0];
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int particles = output.particles();
        if (particles < 2) {
            return ZERO; // no other particle to average: no baseline (what draws and point estimates run through)
        }
        double others = particles - 1;
        int width = output.modelSize();
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                double[] f = in[0].data;
                for (int e = 0; e < width; e++) {
                    double total = 0;
                    for (int s = 0; s < particles; s++) {
                        total += f[s * width + e];
                    }
                    for (int s = 0; s < particles; s++) {
                        out.data[s * width + e] = (total - f[s * width + e]) / others;
                    }
                }
            }

            /** d b_s / d f_s' is 1 / (S - 1) for s' != s, 0 for s' = s. */
            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                double[] g = gOut.data;
                for (int e = 0; e < width; e++) {
                    double total = 0;
                    for (int s = 0; s < particles; s++) {
                        total += g[s * width + e];
                    }
                    for (int s = 0; s < particles; s++) {
                        gIn[0].data[s * width + e] += (total - g[s * width + e]) / others;
                    }
                }
            }
        };
    }
}
