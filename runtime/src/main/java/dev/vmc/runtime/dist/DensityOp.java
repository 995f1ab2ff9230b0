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
 *
 * <p>The work is split in two. The density computes, one particle at a time, the log density
 * and the partial derivatives of each element into unit-stride scratch arrays
 * ({@link ScalarDensity#logDensities}, {@link ScalarDensity#partials}), reading its operands
 * through {@link Operands}. This op does the broadcasting around that: it points each operand
 * at its values for the particle, sums the log densities, and folds each partial back onto
 * the operand it belongs to (added elementwise, summed for a broadcast scalar).
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

    /**
     * One particle's operands (0 the variate, then the parameters) as runs of {@link #length}
     * elements: element e of operand k is {@code data[k][offset[k] + e * stride[k]]}, where the
     * stride is 1 for an operand with a value per element and 0 for one value broadcast over
     * them all. An operand broadcast any other way (a row against a matrix) is first gathered
     * into a scratch run of its own, so a density only ever sees these two cases.
     */
    static final class Operands {
        final int count;
        final int length;
        final double[][] data;
        final int[] offset;
        final int[] stride;
        /** Scratch for one element's partials, in the per-element default. */
        final double[] gradient = new double[4];

        Operands(int count, int length) {
            this.count = count;
            this.length = length;
            this.data = new double[count][];
            this.offset = new int[count];
            this.stride = new int[count];
        }

        /** Element e of operand k; 0 for an operand beyond the density's arity. */
        double at(int k, int e) {
            return k < count ? data[k][offset[k] + e * stride[k]] : 0;
        }
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int[][] shapes = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            shapes[i] = inputs[i].shape();
        }
        int[] elementShape = Broadcast.shape(shapes);
        int width = Shapes.size(elementShape);
        int groups = output.batched() ? output.particles() : 1;
        int n = inputs.length;
        int[] sizes = new int[n];
        boolean[] batched = new boolean[n];
        int[][] gathers = new int[n][];
        for (int k = 0; k < n; k++) {
            sizes[k] = inputs[k].modelSize();
            batched[k] = inputs[k].batched();
            if (sizes[k] != width && sizes[k] != 1) {
                gathers[k] = Broadcast.indexMap(new Layout(inputs[k].shape(), false, 1), new Layout(elementShape, false, 1));
            }
        }
        return new Kernel() {
            private final Operands operands = new Operands(n, width);
            private final double[][] scratch = new double[n][];
            private final double[] values = new double[width];
            private final double[][] buffers = new double[n][width];
            private final double[][] partials = new double[n][];

            /** Points the operands at particle s's values, gathering those that need it. */
            private void select(Tensor[] in, int s) {
                for (int k = 0; k < n; k++) {
                    int base = batched[k] ? s * sizes[k] : 0;
                    if (gathers[k] == null) {
                        operands.data[k] = in[k].data;
                        operands.offset[k] = base;
                        operands.stride[k] = sizes[k] == width ? 1 : 0;
                        continue;
                    }
                    if (scratch[k] == null) {
                        scratch[k] = new double[width];
                    }
                    for (int e = 0; e < width; e++) {
                        scratch[k][e] = in[k].data[base + gathers[k][e]];
                    }
                    operands.data[k] = scratch[k];
                    operands.offset[k] = 0;
                    operands.stride[k] = 1;
                }
            }

            public void forward(Tensor[] in, Tensor out) {
                for (int s = 0; s < groups; s++) {
                    select(in, s);
                    density.logDensities(operands, values);
                    double acc = 0;
                    for (int e = 0; e < width; e++) {
                        acc += values[e];
                    }
                    out.data[s] = acc;
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                for (int k = 0; k < n; k++) {
                    partials[k] = gIn[k] == null ? null : buffers[k];
                }
                for (int s = 0; s < groups; s++) {
                    select(in, s);
                    density.partials(operands, partials);
                    double upstream = gOut.data[s];
                    for (int k = 0; k < n; k++) {
                        if (gIn[k] != null) {
                            addBack(gIn[k].data, k, batched[k] ? s * sizes[k] : 0, upstream, partials[k]);
                        }
                    }
                }
            }

            /** target += upstream * the partials of operand k, each to the element it was read from. */
            private void addBack(double[] target, int k, int base, double upstream, double[] partial) {
                int[] gather = gathers[k];
                if (gather != null) {
                    for (int e = 0; e < width; e++) {
                        target[base + gather[e]] += upstream * partial[e];
                    }
                } else if (sizes[k] == width) {
                    for (int e = 0; e < width; e++) {
                        target[base + e] += upstream * partial[e];
                    }
                } else {
                    double acc = target[base];
                    for (int e = 0; e < width; e++) {
                        acc += upstream * partial[e];
                    }
                    target[base] = acc;
                }
            }
        };
    }
}
