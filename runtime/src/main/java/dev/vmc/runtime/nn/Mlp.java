package dev.vmc.runtime.nn;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Shapes;

/**
 * A whole multilayer perceptron as one graph node: inputs (x, params), x of model shape [in]
 * or [B, in], params the network's flat parameter vector [P] (see {@link Network}), shared by
 * all particles; the output is [out] or [B, out], per particle when x is. One node rather than
 * a product, a bias and an activation per layer, because the products want big blocked
 * kernels and the elementwise work wants to be fused into one pass per layer (see bench/'s
 * network table). The kernel keeps its values in the storage type of the output's layout,
 * {@link Layout#type()}.
 */
public record Mlp(Network network) implements Op {

    @Override
    public String name() {
        return "network " + network;
    }

    @Override
    public String describe() {
        return network.name();
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] x = inputShapes[0];
        int[] params = inputShapes[1];
        if (params.length != 1 || params[0] != network.parameterCount()) {
            throw new ShapeException("network " + network.name() + " needs " + network.parameterCount()
                    + " parameters in one vector, got shape " + Shapes.format(params));
        }
        if (x.length < 1 || x.length > 2 || x[x.length - 1] != network.inputs()) {
            throw new ShapeException("network " + network.name() + " takes a vector of " + network.inputs()
                    + " or a matrix of rows of " + network.inputs() + ", got shape " + Shapes.format(x));
        }
        return x.length == 1 ? new int[] {network.outputs()} : new int[] {x[0], network.outputs()};
    }

    /** Per particle when x is; the parameters must be shared (a network per particle is not supported). */
    @Override
    public boolean outputBatched(boolean[] inputsBatched) {
        if (inputsBatched[1]) {
            throw new ShapeException("network " + network.name() + "'s parameters must be the same for every particle");
        }
        return inputsBatched[0];
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        // every particle's rows are rows of one product: the weights are shared
        int rows = inputs[0].size() / network.inputs();
        return new MlpKernel<>(network, rows, Numerics.of(output.type()));
    }

    /**
     * The networks some of {@code nodes} are computed by, in the order they run: a guide site's
     * encoders, which make it amortised.
     */
    public static java.util.List<String> feeding(dev.vmc.runtime.graph.Graph graph, java.util.List<dev.vmc.runtime.graph.Node> nodes) {
        boolean[] up = new boolean[graph.nodes().size()];
        for (dev.vmc.runtime.graph.Node n : nodes) {
            boolean[] more = graph.ancestorsOf(n);
            for (int i = 0; i < up.length; i++) {
                up[i] |= more[i];
            }
        }
        java.util.List<String> networks = new java.util.ArrayList<>();
        for (dev.vmc.runtime.graph.Node node : graph.nodes()) {
            if (up[node.id] && node.op instanceof Mlp m && !networks.contains(m.network().name())) {
                networks.add(m.network().name());
            }
        }
        return networks;
    }
}
