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
 * executors of any S. With one particle there is no other to leave in, and making the kernel
 * (that is, making the executor) throws an {@link IllegalArgumentException}.
 */
public enum LeaveOneOutBaseline implements Op {
    INSTANCE;

    /** The baseline of each particle, for a cost of one value per particle. */
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

    @Override
    public int[] outputShape(int[][] inputShapes) {
        if (inputShapes[0].length != 0) {
            throw new ShapeException("needs one value per particle, got shape " + Shapes.format(inputShapes[0]));
        }
        return Shapes.SCALAR;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int particles = output.particles();
        if (particles < 2) {
            throw new IllegalArgumentException("the leave-one-out baseline needs at least 2 particles, got "
                    + particles + ": with one there are no others to average");
        }
        double others = particles - 1;
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                double[] f = in[0].data;
                double total = 0;
                for (double v : f) {
                    total += v;
                }
                for (int s = 0; s < f.length; s++) {
                    out.data[s] = (total - f[s]) / others;
                }
            }

            /** d b_s / d f_s' is 1 / (S - 1) for s' != s, 0 for s' = s. */
            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                double[] g = gOut.data;
                double total = 0;
                for (double v : g) {
                    total += v;
                }
                for (int s = 0; s < g.length; s++) {
                    gIn[0].data[s] += (total - g[s]) / others;
                }
            }
        };
    }
}
