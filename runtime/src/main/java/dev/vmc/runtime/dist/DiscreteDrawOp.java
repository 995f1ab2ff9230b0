package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Broadcast;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Draws of a discrete family by inverting its CDF at uniform noise ({@link DiscreteDraw}),
 * elementwise: input 0 is the noise, one uniform per draw, and the output has its shape. The
 * parameters broadcast onto that shape as {@link DrawOp}'s do, except that a parameter of rank
 * 1 (categorical's weights) gives each draw its whole last axis: weights of shape [K] serve
 * every draw, weights of shape [N, K] give draw i its own row i. (The categorical log density,
 * {@link CategoricalOp}, takes both forms, so a score-function guide can score its draws.)
 *
 * <p>No gradient passes: a draw is piecewise constant in its parameters, so its derivative is 0
 * almost everywhere and says nothing. The score-function estimator differentiates the log
 * density of the draw instead, which is why a discrete family stays not reparameterisable.
 *
 * <p>Consecutive draws with the same parameters (one rate shared by a whole vector) share one
 * {@link DiscreteDraw#prepare}; all scratch is made with the kernel, none per step.
 */
final class DiscreteDrawOp implements Op {
    /**
     * Single precision rounds the noise to float32, which takes u within 2^-25 of 1 to exactly 1;
     * every inverse CDF here assumes u < 1 (bernoulli(1) draws 1 only because u < 1).
     */
    private static final double BELOW_ONE = Math.nextDown(1.0);
    /** Table entries kept to share one particle's tables with the others: 32 MB at most. */
    private static final long SHARED_TABLES_UP_TO = 1 << 22;

    private final String name;
    private final DiscreteDraw draw;
    private final int[] ranks;

    private DiscreteDrawOp(String name, DiscreteDraw draw, int[] ranks) {
        this.name = name;
        this.draw = draw;
        this.ranks = ranks;
    }

    /** Adds fresh uniform noise of the given shape and the family's draws made from it. */
    static Node sample(Graph graph, Distribution family, DiscreteDraw draw, List<Node> parameters, int[] shape) {
        int arity = family.parameterNames().size();
        if (parameters.size() != arity) {
            throw new IllegalArgumentException(family.name() + " takes " + arity + " parameters, got " + parameters.size());
        }
        int[] ranks = new int[arity];
        Node[] inputs = new Node[arity + 1];
        inputs[0] = graph.noise(Leaf.Noise.Kind.UNIFORM, shape);
        for (int i = 0; i < arity; i++) {
            ranks[i] = family.parameterRank(i);
            inputs[i + 1] = parameters.get(i);
        }
        return graph.apply(new DiscreteDrawOp(family.name(), draw, ranks), inputs);
    }

    @Override
    public String name() {
        return name + " draw";
    }

    @Override
    public boolean passesGradient() {
        return false;
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] shape = inputShapes[0];
        for (int k = 1; k < inputShapes.length; k++) {
            int[] rows = rowShape(inputShapes[k], ranks[k - 1]);
            if (!Arrays.equals(Shapes.broadcast(shape, rows), shape)) {
                throw new ShapeException("parameters do not broadcast to the draw's shape " + Shapes.format(shape));
            }
        }
        return shape;
    }

    /** The shape a parameter broadcasts with: its own, less the last axis that a rank-1 parameter gives whole. */
    private int[] rowShape(int[] shape, int rank) {
        if (shape.length < rank || rank == 1 && shape[shape.length - 1] < 1) {
            throw new ShapeException(name + " needs a non-empty vector of weights, got shape " + Shapes.format(shape));
        }
        return Arrays.copyOf(shape, shape.length - rank);
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int n = inputs.length - 1;
        int[][] rowMaps = new int[n][];
        int[] widths = new int[n];
        int[] starts = new int[n];
        int width = 0;
        for (int k = 0; k < n; k++) {
            Layout in = inputs[k + 1];
            int[] rows = rowShape(in.shape(), ranks[k]);
            rowMaps[k] = Broadcast.indexMap(new Layout(rows, in.batched(), in.particles()), output);
            widths[k] = ranks[k] == 0 ? 1 : in.shape()[in.shape().length - 1];
            starts[k] = width;
            width += widths[k];
        }
        int total = width;
        boolean anyBatched = false;
        for (int k = 1; k < inputs.length; k++) {
            anyBatched |= inputs[k].batched();
        }
        // parameters shared by every particle (a guide's logits) give each particle the same tables:
        // made once per step for one particle's draws, not once per particle
        int perParticle = output.modelSize();
        boolean shareTables = !anyBatched && output.batched() && output.particles() > 1
                && (long) perParticle * draw.tableSize(total) <= SHARED_TABLES_UP_TO;
        return new Kernel() {
            private final double[] parameters = new double[total];
            private final double[] table = new double[draw.tableSize(total)];
            private final int[] offsets = new int[n];
            private final double[][] tables = shareTables ? new double[perParticle][draw.tableSize(total)] : null;
            /** Which of {@link #tables} draw i of a particle uses: its own, or an earlier one with its parameters. */
            private final int[] tableOf = shareTables ? new int[perParticle] : null;

            /** Gathers draw i's parameters; false when they come from where the last draw's did. */
            private boolean gather(Tensor[] in, int i, boolean first) {
                boolean moved = first;
                for (int k = 0; k < n; k++) {
                    int offset = Broadcast.at(rowMaps[k], i) * widths[k];
                    moved |= offset != offsets[k];
                    offsets[k] = offset;
                }
                if (moved) {
                    for (int k = 0; k < n; k++) {
                        System.arraycopy(in[k + 1].data, offsets[k], parameters, starts[k], widths[k]);
                    }
                }
                return moved;
            }

            public void forward(Tensor[] in, Tensor out) {
                double[] u = in[0].data;
                double[] y = out.data;
                if (tables != null) {
                    for (int i = 0; i < perParticle; i++) {
                        if (gather(in, i, i == 0)) {
                            draw.prepare(parameters, total, tables[i]);
                            tableOf[i] = i;
                        } else {
                            tableOf[i] = tableOf[i - 1];
                        }
                    }
                    for (int i = 0; i < y.length; i++) {
                        y[i] = draw.draw(Math.min(u[i], BELOW_ONE), tables[tableOf[i % perParticle]]);
                    }
                    return;
                }
                for (int i = 0; i < y.length; i++) {
                    if (gather(in, i, i == 0)) {
                        draw.prepare(parameters, total, table);
                    }
                    y[i] = draw.draw(Math.min(u[i], BELOW_ONE), table);
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                // nothing reaches the parameters: the executor gives this node no gradient buffer
            }
        };
    }
}
