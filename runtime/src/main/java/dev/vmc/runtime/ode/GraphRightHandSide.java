package dev.vmc.runtime.ode;

import dev.vmc.runtime.graph.Binary;
import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.tensor.Tensor;
import java.util.function.Supplier;

/**
 * A right-hand side written as a graph of its own: input leaves for t [], y [N] and theta [K]
 * (data arguments are its constants) and a node for f [N], such as a Stan function's body
 * lowered once. {@link #get} makes an {@link OdeSystem} that evaluates f by a forward pass
 * and the Jacobians' rows by one reverse pass each, seeded with a unit vector through an
 * extra input (so every row shares one root and nothing is allocated per call).
 */
public final class GraphRightHandSide implements Supplier<OdeSystem> {
    private final Graph graph;
    private final Node t;
    private final Node y;
    private final Node theta;
    private final Node f;
    private final Node seed;
    /** sum(f * seed): its gradient is the Jacobian row that seed picks. */
    private final Node root;

    /**
     * @param graph the right-hand side's own graph, which gains the seed and root nodes
     * @param t     an input leaf of shape []
     * @param y     an input leaf of shape [N]
     * @param theta an input leaf of shape [K], or null when f has no parameters
     * @param f     the derivative, of shape [N]
     */
    public GraphRightHandSide(Graph graph, Node t, Node y, Node theta, Node f) {
        requireInput(t, "t");
        requireInput(y, "y");
        if (theta != null) {
            requireInput(theta, "theta");
        }
        if (y.rank() != 1 || t.rank() != 0 || theta != null && theta.rank() != 1 || !java.util.Arrays.equals(f.shape, y.shape)) {
            throw new IllegalArgumentException("a right-hand side takes t [], y [N] and theta [K] and gives f [N]; got t "
                    + java.util.Arrays.toString(t.shape) + ", y " + java.util.Arrays.toString(y.shape) + ", f "
                    + java.util.Arrays.toString(f.shape));
        }
        this.graph = graph;
        this.t = t;
        this.y = y;
        this.theta = theta;
        this.f = f;
        this.seed = graph.input("ode Jacobian row", y.shape);
        this.root = graph.sum(graph.apply(Binary.MUL, f, seed));
    }

    private static void requireInput(Node node, String what) {
        if (!(node.op instanceof Leaf.Input)) {
            throw new IllegalArgumentException(what + " of a right-hand side must be an input leaf, got " + node);
        }
    }

    public int states() {
        return y.shape[0];
    }

    public int parameters() {
        return theta == null ? 0 : theta.shape[0];
    }

    /** A system with its own executor, for one solver. */
    @Override
    public OdeSystem get() {
        return new Evaluation();
    }

    private final class Evaluation implements OdeSystem {
        private final Executor executor = new Executor(graph, 1, new ParameterStore(), null);
        private final int n = GraphRightHandSide.this.states();
        private final int k = GraphRightHandSide.this.parameters();

        @Override
        public int states() {
            return n;
        }

        @Override
        public int parameters() {
            return k;
        }

        private void forward(double time, double[] state, double[] parameters, double[] out) {
            executor.value(t).data[0] = time;
            System.arraycopy(state, 0, executor.value(y).data, 0, n);
            if (k > 0) {
                System.arraycopy(parameters, 0, executor.value(theta).data, 0, k);
            }
            executor.forward();
            System.arraycopy(executor.value(f).data, 0, out, 0, n);
        }

        @Override
        public void derivative(double time, double[] state, double[] parameters, double[] out) {
            forward(time, state, parameters, out);
        }

        @Override
        public void jacobians(double time, double[] state, double[] parameters, double[] out, double[] dfdy,
                double[] dfdtheta) {
            forward(time, state, parameters, out);
            double[] unit = executor.value(seed).data;
            for (int i = 0; i < n; i++) {
                java.util.Arrays.fill(unit, 0.0);
                unit[i] = 1.0;
                executor.backward(root);
                copyRow(executor.gradient(y), dfdy, i * n, n);
                if (k > 0) {
                    copyRow(executor.gradient(theta), dfdtheta, i * k, k);
                }
            }
        }

        /** A leaf f does not depend on has no gradient from this root: its row is zero. */
        private void copyRow(Tensor gradient, double[] to, int at, int length) {
            if (gradient == null) {
                java.util.Arrays.fill(to, at, at + length, 0.0);
            } else {
                System.arraycopy(gradient.data, 0, to, at, length);
            }
        }
    }
}
