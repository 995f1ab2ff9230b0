package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Shapes;
import java.util.List;

/** One value in a graph: an op applied to earlier nodes. */
public final class Node {
    public final int id;
    public final Op op;
    public final List<Node> inputs;
    /** Shape of one particle's value. */
    public final int[] shape;
    /** Whether the value varies across Monte Carlo particles (has a leading particle dimension). */
    public final boolean batched;
    /** Where the node came from, e.g. "model.vmodel:12: y ~ normal(theta, sigma)", for error messages. */
    public final String origin;

    Node(int id, Op op, List<Node> inputs, int[] shape, boolean batched, String origin) {
        this.id = id;
        this.op = op;
        this.inputs = inputs;
        this.shape = shape;
        this.batched = batched;
        this.origin = origin;
    }

    public int rank() {
        return shape.length;
    }

    public int modelSize() {
        return Shapes.size(shape);
    }

    /**
     * Where the node came from and what it computes, for messages: "model.vmodel:9: y ~ normal(mu, -1);
     * (normal log density)", "model.vmodel:4: target += log(x); (log)".
     */
    public String where() {
        return (origin.isEmpty() ? "an unlabelled node" : origin) + " (" + op.describe() + ")";
    }

    @Override
    public String toString() {
        return "%" + id + " = " + op.describe() + Shapes.format(shape) + (batched ? "[per particle]" : "");
    }
}
