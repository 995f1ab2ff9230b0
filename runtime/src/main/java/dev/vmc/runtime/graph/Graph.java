package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A static computation graph, built once per model and data set and then run many times by
 * {@link Executor}s. Nodes are kept in creation order, which is a topological order, so a
 * forward pass is one loop up the list and a backward pass one loop down it.
 *
 * <p>The builder methods check shapes as nodes are added; a failure names the origin set by
 * {@link #setOrigin}, so a user sees the statement that produced it.
 */
public final class Graph {
    private final List<Node> nodes = new ArrayList<>();
    private final List<Node> parameters = new ArrayList<>();
    private final Set<String> parameterNames = new HashSet<>();
    private String origin = "";

    /** Labels the nodes added from now on, e.g. with the source statement that adds them. */
    public void setOrigin(String origin) {
        this.origin = origin;
    }

    public String origin() {
        return origin;
    }

    public List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public List<Node> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    /**
     * The graph as text, one node a line ("%7 = NORMAL[]  <- %3 %5 %6", "[per particle]" where it
     * varies by particle), each run of nodes under the origin that added them: what golden tests
     * keep, so that a change to the lowering shows as a diff.
     */
    public String describe() {
        StringBuilder out = new StringBuilder();
        String last = null;
        for (Node node : nodes) {
            if (!node.origin.equals(last)) {
                out.append("# ").append(node.origin.isEmpty() ? "(no origin)" : node.origin).append('\n');
                last = node.origin;
            }
            out.append(node);
            if (!node.inputs.isEmpty()) {
                out.append("  <-");
                for (Node in : node.inputs) {
                    out.append(" %").append(in.id);
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    public Node constant(Tensor value) {
        return apply(new Leaf.Constant(value));
    }

    public Node constant(double value) {
        return constant(Tensor.scalar(value));
    }

    /** A trainable parameter with its initial value on the unconstrained scale. */
    public Node parameter(String name, Tensor initial) {
        if (!parameterNames.add(name)) {
            throw new IllegalArgumentException("parameter " + name + " is declared twice");
        }
        Node node = apply(new Leaf.Parameter(name, initial.copy()));
        parameters.add(node);
        return node;
    }

    public Node noise(Leaf.Noise.Kind kind, int... shape) {
        return apply(new Leaf.Noise(kind, shape.clone()));
    }

    /** Per-particle values the caller supplies before each forward pass; see {@link Leaf.Input}. */
    public Node input(String label, int... shape) {
        return apply(new Leaf.Input(label, shape.clone()));
    }

    /** The minibatch leaf of a plated data variable, made on first request; see {@link Leaf.Batch}. */
    public Node batch(String label, int... shape) {
        for (Node node : nodes) {
            if (node.op instanceof Leaf.Batch b && b.label().equals(label)) {
                return node;
            }
        }
        return apply(new Leaf.Batch(label, shape.clone()));
    }

    /** The parameter of this name, or null. */
    public Node parameterNamed(String name) {
        for (Node node : parameters) {
            if (((Leaf.Parameter) node.op).label().equals(name)) {
                return node;
            }
        }
        return null;
    }

    public Node apply(Op op, Node... inputs) {
        int[][] shapes = new int[inputs.length][];
        boolean[] batched = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            shapes[i] = inputs[i].shape;
            batched[i] = inputs[i].batched;
        }
        int[] shape;
        try {
            shape = op.outputShape(shapes);
        } catch (ShapeException e) {
            throw new ShapeException(op.describe() + ": " + e.getMessage() + (origin.isEmpty() ? "" : ", at " + origin));
        }
        Node node = new Node(nodes.size(), op, List.of(inputs), shape, op.outputBatched(batched), origin);
        nodes.add(node);
        return node;
    }

    /** For every node, whether {@code root} depends on it (the root itself included). */
    public boolean[] ancestorsOf(Node root) {
        boolean[] reaches = new boolean[nodes.size()];
        reaches[root.id] = true;
        for (int i = root.id; i >= 0; i--) {
            if (reaches[i]) {
                for (Node in : nodes.get(i).inputs) {
                    reaches[in.id] = true;
                }
            }
        }
        return reaches;
    }

    // Expression helpers, so that models written in Java read like formulas.

    public Node add(Node a, Node b) {
        return apply(Binary.ADD, a, b);
    }

    public Node sub(Node a, Node b) {
        return apply(Binary.SUB, a, b);
    }

    public Node mul(Node a, Node b) {
        return apply(Binary.MUL, a, b);
    }

    public Node div(Node a, Node b) {
        return apply(Binary.DIV, a, b);
    }

    public Node pow(Node a, Node b) {
        return apply(Binary.POW, a, b);
    }

    public Node neg(Node a) {
        return apply(Unary.NEG, a);
    }

    public Node exp(Node a) {
        return apply(Unary.EXP, a);
    }

    public Node log(Node a) {
        return apply(Unary.LOG, a);
    }

    /** The same value, through which no gradient flows. */
    public Node stopGradient(Node a) {
        return apply(StopGradient.INSTANCE, a);
    }

    /** Sum over every model dimension: one value per particle. */
    public Node sum(Node a) {
        return apply(Reduce.SUM, a);
    }

    /** Mean over the particle dimension: one shared value. */
    public Node meanOverParticles(Node a) {
        return apply(Reduce.MEAN_OVER_PARTICLES, a);
    }

    public Node matmul(Node a, Node b) {
        return apply(MatMul.INSTANCE, a, b);
    }

    public Node reshape(Node a, int... shape) {
        return apply(new Reshape(shape), a);
    }
}
