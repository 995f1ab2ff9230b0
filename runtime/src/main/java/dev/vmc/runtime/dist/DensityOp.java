package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Broadcast;
import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * The log density of a {@link ScalarDensity} (or any {@link ScalarTerm}, a log CDF too), fused into one node: one pass over the
 * broadcast elements forward, one pass back, however many parameters. This is what keeps a
 * {@code y ~ normal(mu, sigma)} statement to two loops per step rather than a dozen ops.
 *
 * <p>It comes in two modes, which share everything but where the values go. Summed
 * ({@link #summed}), the output is one value per particle, the elements' sum, as
 * {@link Distribution#logDensity} promises. Per element ({@link #perElement}), the output has
 * the broadcast shape of the variate and parameters, each element's own log density, as a
 * factor hands inference (which sums them itself, or not, when it enumerates or
 * Rao-Blackwellises); its backward pass weights each element's partials by that element's
 * upstream gradient instead of one per particle.
 *
 * <p>The work is split in two. The density computes, one particle at a time, the log density
 * and the partial derivatives of each element into unit-stride scratch arrays
 * ({@link ScalarTerm#values}, {@link ScalarTerm#partials}), reading its operands
 * through {@link Operands}. This op does the broadcasting around that: it points each operand
 * at its values for the particle, places or sums the log densities, and folds each partial back onto
 * the operand it belongs to (added elementwise, summed for a broadcast scalar).
 */
public final class DensityOp implements Op {
    private final ScalarTerm density;
    private final boolean perElement;

    private DensityOp(ScalarTerm density, boolean perElement) {
        this.density = density;
        this.perElement = perElement;
    }

    /** The log density summed over the elements: one value per particle. */
    public static DensityOp summed(ScalarTerm density) {
        return new DensityOp(density, false);
    }

    /** Each element's log density, in the broadcast shape of the operands. */
    public static DensityOp perElement(ScalarTerm density) {
        return new DensityOp(density, true);
    }

    public ScalarTerm term() {
        return density;
    }

    /** The two modes are told apart by name, so a dump of the graph shows which a statement got. */
    @Override
    public String name() {
        return density.termName() + (perElement ? " per element" : "");
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] elements = Broadcast.shape(inputShapes);
        return perElement ? elements : Shapes.SCALAR;
    }

    /**
     * Per element, output element e is the density of the operands' element e alone; summed,
     * every element of the output (there is one) depends on all of them.
     */
    @Override
    public boolean isElementwise() {
        return perElement;
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
            /** The summed mode's elements before their sum; per element they go straight to the output. */
            private final double[] values = perElement ? null : new double[width];
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
                    if (perElement) {
                        density.values(operands, out.data, s * width);
                        continue;
                    }
                    density.values(operands, values, 0);
                    double acc = 0;
                    for (int e = 0; e < width; e++) {
                        acc += values[e];
                    }
                    out.data[s] = acc;
                }
            }

            /**
             * The upstream gradient of element e of particle s is {@code gOut[s * step + e * stride]}:
             * per element that is its own (step = width, stride 1); summed, the particle's one
             * value (step 1, stride 0).
             */
            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                for (int k = 0; k < n; k++) {
                    partials[k] = gIn[k] == null ? null : buffers[k];
                }
                int step = perElement ? width : 1;
                int stride = perElement ? 1 : 0;
                for (int s = 0; s < groups; s++) {
                    select(in, s);
                    density.partials(operands, partials);
                    for (int k = 0; k < n; k++) {
                        if (gIn[k] != null) {
                            addBack(gIn[k].data, k, batched[k] ? s * sizes[k] : 0, gOut.data, s * step, stride, partials[k]);
                        }
                    }
                }
            }

            /**
             * target += upstream * the partials of operand k, each to the element it was read
             * from, element e's upstream gradient being {@code g[from + e * stride]}.
             */
            private void addBack(double[] target, int k, int base, double[] g, int from, int stride, double[] partial) {
                int[] gather = gathers[k];
                if (gather != null) {
                    for (int e = 0; e < width; e++) {
                        target[base + gather[e]] += g[from + e * stride] * partial[e];
                    }
                } else if (sizes[k] == width) {
                    for (int e = 0; e < width; e++) {
                        target[base + e] += g[from + e * stride] * partial[e];
                    }
                } else {
                    double acc = target[base];
                    for (int e = 0; e < width; e++) {
                        acc += g[from + e * stride] * partial[e];
                    }
                    target[base] = acc;
                }
            }
        };
    }
}
