package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Broadcast;
import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * The summed log density of a {@link ScalarDensity}, fused into one node: one pass over the
 * broadcast elements forward, one pass back, however many parameters. This is what keeps a
 * {@code y ~ normal(mu, sigma)} statement to two loops per step rather than a dozen ops.
 */
public final class DensityOp implements Op {
    private final ScalarDensity density;

    public DensityOp(ScalarDensity density) {
        this.density = density;
    }

    public ScalarDensity density() {
        return density;
    }

    @Override
    public String name() {
        return density.name() + " log density";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        Broadcast.shape(inputShapes);
        return Shapes.SCALAR;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int[][] shapes = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            shapes[i] = inputs[i].shape();
        }
        Layout elements = new Layout(Broadcast.shape(shapes), output.batched(), output.particles());
        int n = inputs.length;
        int[][] maps = new int[n][];
        for (int i = 0; i < n; i++) {
            maps[i] = Broadcast.indexMap(inputs[i], elements);
        }
        int groups = output.batched() ? output.particles() : 1;
        int width = elements.modelSize();
        return new Kernel() {
            private final double[] g = new double[4];

            private double arg(Tensor[] in, int k, int i) {
                return k < n ? in[k].data[Broadcast.at(maps[k], i)] : 0;
            }

            public void forward(Tensor[] in, Tensor out) {
                for (int s = 0; s < groups; s++) {
                    double acc = 0;
                    for (int e = 0; e < width; e++) {
                        int i = s * width + e;
                        acc += density.logDensity(arg(in, 0, i), arg(in, 1, i), arg(in, 2, i), arg(in, 3, i));
                    }
                    out.data[s] = acc;
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                for (int s = 0; s < groups; s++) {
                    double upstream = gOut.data[s];
                    for (int e = 0; e < width; e++) {
                        int i = s * width + e;
                        density.gradient(arg(in, 0, i), arg(in, 1, i), arg(in, 2, i), arg(in, 3, i), g);
                        for (int k = 0; k < n; k++) {
                            if (gIn[k] != null) {
                                gIn[k].data[Broadcast.at(maps[k], i)] += upstream * g[k];
                            }
                        }
                    }
                }
            }
        };
    }
}
