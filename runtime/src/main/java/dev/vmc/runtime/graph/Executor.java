package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.DataType;
import dev.vmc.runtime.tensor.Tensor;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Runs a graph for a fixed number of particles: allocates every node's buffer once, folds the
 * nodes that depend only on constants, then does forward and reverse passes with no further
 * allocation. One executor belongs to one thread; executors of the same graph are independent.
 */
public final class Executor {
    private final Graph graph;
    private final List<Node> nodes;
    private final int particles;
    private final RandomGenerator random;
    private final Precision precision;
    /** The storage type networks' kernels keep their values in (the layouts they get carry it). */
    private final DataType networks;
    private final Tensor[] values;
    private final Tensor[] grads;
    private final Kernel[] kernels;
    private final Tensor[][] inputValues;
    private final Tensor[][] inputGrads;
    private final boolean[] dynamic;
    private final boolean[] needsGrad;
    /** Whether gradient buffers exist: not for an executor that only draws. */
    private final boolean gradients;
    private Node lastRoot;
    private boolean[] reachesLastRoot;
    /** The nodes a forward pass computes: all dynamic ones, or only those {@link #computeOnly} needs. */
    private boolean[] computed;

    public Executor(Graph graph, int particles, ParameterStore store, RandomGenerator random) {
        this(graph, particles, store, random, Precision.DOUBLE);
    }

    /**
     * With {@link Precision#SINGLE}, every value and gradient the executor computes is rounded
     * to float32 as it is stored. Parameters are the caller's: a single-precision fit rounds
     * them after each update.
     */
    public Executor(Graph graph, int particles, ParameterStore store, RandomGenerator random, Precision precision) {
        this(graph, particles, store, random, precision, DataType.FLOAT64);
    }

    /**
     * With networks held in {@code networks}: FLOAT32 makes their kernels keep weights,
     * activations and gradients in float32 buffers (about twice as fast); every other value
     * stays as {@code precision} says.
     */
    public Executor(Graph graph, int particles, ParameterStore store, RandomGenerator random, Precision precision,
            DataType networks) {
        this(graph, particles, store, random, precision, networks, true);
    }

    /**
     * An executor that only runs forward: no gradient buffers, about half the memory of one
     * that can run backward (posterior draws need only values).
     */
    public static Executor forwardOnly(Graph graph, int particles, ParameterStore store, RandomGenerator random,
            Precision precision) {
        return forwardOnly(graph, particles, store, random, precision, DataType.FLOAT64);
    }

    /** The same with networks held in {@code networks}. */
    public static Executor forwardOnly(Graph graph, int particles, ParameterStore store, RandomGenerator random,
            Precision precision, DataType networks) {
        return new Executor(graph, particles, store, random, precision, networks, false);
    }

    private Executor(Graph graph, int particles, ParameterStore store, RandomGenerator random, Precision precision,
            DataType networks, boolean gradients) {
        if (particles < 1) {
            throw new IllegalArgumentException("need at least one particle, got " + particles);
        }
        this.graph = graph;
        this.nodes = graph.nodes();
        this.particles = particles;
        this.random = random;
        this.precision = precision;
        this.networks = networks;
        this.gradients = gradients;
        int n = nodes.size();
        values = new Tensor[n];
        grads = new Tensor[n];
        kernels = new Kernel[n];
        inputValues = new Tensor[n][];
        inputGrads = new Tensor[n][];
        dynamic = new boolean[n];
        needsGrad = new boolean[n];
        for (Node node : nodes) {
            allocate(node, store);
        }
        for (Node node : nodes) {
            if (!dynamic[node.id] && kernels[node.id] != null) {
                run(node);
            }
        }
    }

    private void allocate(Node node, ParameterStore store) {
        int i = node.id;
        Layout out = layout(node);
        if (node.op instanceof Leaf.Constant c) {
            // constants are shared by every executor of the graph: round a copy, never them
            values[i] = precision == Precision.DOUBLE ? c.value() : c.value().copy();
            precision.round(values[i].data);
        } else if (node.op instanceof Leaf.Parameter p) {
            values[i] = store.get(p.label());
            dynamic[i] = true;
            needsGrad[i] = gradients;
        } else if (node.op instanceof Leaf.Noise) {
            values[i] = new Tensor(out.physical());
            dynamic[i] = true;
        } else if (node.op instanceof Leaf.Batch) {
            values[i] = new Tensor(out.physical());
            dynamic[i] = true;
        } else if (node.op instanceof Leaf.Input) {
            values[i] = new Tensor(out.physical());
            dynamic[i] = true;
            needsGrad[i] = gradients;
        } else {
            Layout[] ins = new Layout[node.inputs.size()];
            inputValues[i] = new Tensor[ins.length];
            inputGrads[i] = new Tensor[ins.length];
            for (int k = 0; k < ins.length; k++) {
                Node in = node.inputs.get(k);
                ins[k] = layout(in);
                inputValues[i][k] = values[in.id];
                dynamic[i] |= dynamic[in.id];
                needsGrad[i] |= needsGrad[in.id] && node.op.passesGradient();
            }
            values[i] = new Tensor(out.physical());
            kernels[i] = node.op.kernel(ins, layout(node)); // now that dynamic[i] is known
        }
        if (needsGrad[i]) {
            grads[i] = new Tensor(out.physical());
            for (int k = 0; k < node.inputs.size(); k++) {
                Node in = node.inputs.get(k);
                inputGrads[i][k] = needsGrad[in.id] ? grads[in.id] : null;
            }
        }
    }

    public Layout layout(Node node) {
        return new Layout(node.shape, node.batched, particles, !dynamic[node.id], networks);
    }

    public int particles() {
        return particles;
    }

    /**
     * From now on, forward passes compute only what these nodes need: a fit's steps need the
     * objective, not the quantities reported with the draws (such as an enumerated latent's
     * conditional draws), whose values are then stale. Noise is drawn for every noise leaf
     * all the same, so the random stream, and every value computed, is what a full pass gives.
     */
    public Executor computeOnly(Node... roots) {
        boolean[] needed = new boolean[nodes.size()];
        for (Node root : roots) {
            boolean[] up = graph.ancestorsOf(root);
            for (int i = 0; i < needed.length; i++) {
                needed[i] |= up[i] && dynamic[i] || nodes.get(i).op instanceof Leaf.Noise;
            }
        }
        computed = needed;
        return this;
    }

    /** Draws fresh noise and recomputes every node that depends on noise or parameters (see {@link #computeOnly}). */
    public void forward() {
        boolean[] compute = computed != null ? computed : dynamic;
        for (Node node : nodes) {
            int i = node.id;
            if (!compute[i]) {
                continue;
            }
            if (node.op instanceof Leaf.Noise noise) {
                fill(values[i].data, noise.kind());
                precision.round(values[i].data);
            } else if (kernels[i] != null) {
                run(node);
            }
        }
    }

    /** Kernels reject impossible inputs (an index out of range) with these exceptions. */
    private void run(Node node) {
        try {
            kernels[node.id].forward(inputValues[node.id], values[node.id]);
            precision.round(values[node.id].data);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new EvaluationException(node, e);
        }
    }

    private void fill(double[] data, Leaf.Noise.Kind kind) {
        if (kind == Leaf.Noise.Kind.NORMAL) {
            for (int k = 0; k < data.length; k++) {
                data[k] = random.nextGaussian();
            }
        } else {
            for (int k = 0; k < data.length; k++) {
                data[k] = random.nextDouble();
            }
        }
    }

    /** Gradients of a one-element root with respect to every parameter, after {@link #forward}. */
    public void backward(Node root) {
        if (!gradients) {
            throw new IllegalStateException("this executor runs forward only; it has no gradients");
        }
        if (layout(root).size() != 1) {
            throw new IllegalArgumentException("backward needs a single-value root, got " + root);
        }
        boolean[] reaches = ancestorsOf(root);
        for (int i = 0; i <= root.id; i++) {
            if (needsGrad[i] && reaches[i]) {
                grads[i].fill(0);
            }
        }
        if (!needsGrad[root.id]) {
            return;
        }
        grads[root.id].data[0] = 1;
        for (int i = root.id; i >= 0; i--) {
            if (needsGrad[i] && reaches[i] && kernels[i] != null) {
                kernels[i].backward(inputValues[i], values[i], grads[i], inputGrads[i]);
                if (precision != Precision.DOUBLE) {
                    for (Tensor g : inputGrads[i]) {
                        if (g != null) {
                            precision.round(g.data);
                        }
                    }
                }
            }
        }
    }

    private boolean[] ancestorsOf(Node root) {
        if (root != lastRoot) {
            reachesLastRoot = graph.ancestorsOf(root);
            lastRoot = root;
        }
        return reachesLastRoot;
    }

    public Tensor value(Node node) {
        return values[node.id];
    }

    /** The gradient with respect to a node from the last {@link #backward}; null if none flows there. */
    public Tensor gradient(Node node) {
        return grads[node.id];
    }

    /** The earliest node, up to and including {@code last}, holding a NaN or infinite value; null if none. */
    public Node firstNonFinite(Node last) {
        for (int i = 0; i <= last.id; i++) {
            if (!values[i].allFinite()) {
                return nodes.get(i);
            }
        }
        return null;
    }

    /** Where a node came from and, for a kernel that gave NaN on purpose, why (see {@link Kernel#failure}). */
    public String explain(Node node) {
        String why = kernels[node.id] == null ? null : kernels[node.id].failure();
        return node.where() + (why == null ? "" : ": " + why);
    }

    /**
     * The node whose gradient first went NaN or infinite in the last backward pass (which runs
     * from the root down), or null if none did.
     */
    public Node firstNonFiniteGradient() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (grads[i] != null && !grads[i].allFinite()) {
                return nodes.get(i);
            }
        }
        return null;
    }
}
