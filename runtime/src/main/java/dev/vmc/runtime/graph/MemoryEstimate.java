package dev.vmc.runtime.graph;

import java.util.Arrays;
import java.util.List;

/**
 * What an {@link Executor} would allocate for a graph at a particle count, computed without
 * allocating anything: so a caller can refuse a fit that cannot fit in memory before it
 * starts, and say why. It follows {@link Executor}'s allocation: a value buffer for every
 * node but the constants (shared by every executor, unless single precision copies them) and
 * the parameters (held by the {@link ParameterStore}); a gradient buffer for every node a
 * gradient reaches; and an index map (an int per output element) for every operand whose
 * layout differs from its node's, as broadcasting kernels build. Kernels' own scratch space,
 * which does not grow with the particles, is left out. Sizes are counted in longs, so a
 * particle count that would overflow an array's int index is reported, not thrown.
 */
public final class MemoryEstimate {
    /** The most elements a Java array can hold on HotSpot. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final long bytes;
    private final long largestArray;
    private final Node largestNode;

    private MemoryEstimate(long bytes, long largestArray, Node largestNode) {
        this.bytes = bytes;
        this.largestArray = largestArray;
        this.largestNode = largestNode;
    }

    /** Bytes of the buffers an executor of {@code graph} with {@code particles} particles allocates. */
    public long bytes() {
        return bytes;
    }

    /** Elements of the largest single buffer; above {@link #MAX_ARRAY} the executor cannot be made at all. */
    public long largestArray() {
        return largestArray;
    }

    /** The node with the largest buffer (null for an empty graph), to name in a message. */
    public Node largestNode() {
        return largestNode;
    }

    public static MemoryEstimate of(Graph graph, long particles, Precision precision) {
        return of(graph, particles, precision, true);
    }

    /** As {@link #of(Graph, long, Precision)}, for an executor with or without gradients ({@link Executor#forwardOnly}). */
    public static MemoryEstimate of(Graph graph, long particles, Precision precision, boolean gradients) {
        if (particles < 1) {
            throw new IllegalArgumentException("need at least one particle, got " + particles);
        }
        List<Node> nodes = graph.nodes();
        boolean[] dynamic = new boolean[nodes.size()];
        boolean[] needsGrad = new boolean[nodes.size()];
        long bytes = 0;
        long largest = 0;
        Node largestNode = null;
        for (Node node : nodes) {
            int i = node.id;
            long elements = elements(node, particles);
            long valueElements = 0;
            if (node.op instanceof Leaf.Constant) {
                valueElements = precision == Precision.DOUBLE ? 0 : elements;
            } else if (node.op instanceof Leaf.Parameter) {
                dynamic[i] = true;
                needsGrad[i] = gradients;
            } else if (node.op instanceof Leaf.Noise || node.op instanceof Leaf.Batch) {
                valueElements = elements;
                dynamic[i] = true;
            } else if (node.op instanceof Leaf.Input) {
                valueElements = elements;
                dynamic[i] = true;
                needsGrad[i] = gradients;
            } else {
                valueElements = elements;
                for (Node in : node.inputs) {
                    dynamic[i] |= dynamic[in.id];
                    needsGrad[i] |= needsGrad[in.id] && node.op.passesGradient();
                    if (in.batched != node.batched || !Arrays.equals(in.shape, node.shape)) {
                        bytes = add(bytes, multiply(elements, Integer.BYTES));
                    }
                }
            }
            long gradElements = needsGrad[i] ? elements : 0;
            bytes = add(bytes, multiply(add(valueElements, gradElements), Double.BYTES));
            if (Math.max(valueElements, gradElements) > largest) {
                largest = Math.max(valueElements, gradElements);
                largestNode = node;
            }
        }
        return new MemoryEstimate(bytes, largest, largestNode);
    }

    /** Bytes of the graph's constants (its data): allocated once, shared by every executor. */
    public static long constantBytes(Graph graph) {
        long bytes = 0;
        for (Node node : graph.nodes()) {
            if (node.op instanceof Leaf.Constant) {
                bytes = add(bytes, multiply(elements(node, 1), Double.BYTES));
            }
        }
        return bytes;
    }

    /** Elements of one node's buffer: its shape's, times the particles when it is per particle. */
    public static long elements(Node node, long particles) {
        long n = node.batched ? particles : 1;
        for (int d : node.shape) {
            n = multiply(n, d);
        }
        return n;
    }

    /** a * b, or Long.MAX_VALUE when that overflows: an estimate that large is refused anyway. */
    public static long multiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return (high == 0 && low >= 0) || (high == -1 && low < 0) ? low : Long.MAX_VALUE;
    }

    /** a + b, saturating at Long.MAX_VALUE. */
    public static long add(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
