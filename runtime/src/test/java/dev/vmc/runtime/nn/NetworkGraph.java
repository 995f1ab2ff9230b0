package dev.vmc.runtime.nn;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.Precision;
import dev.vmc.runtime.tensor.DataType;
import dev.vmc.runtime.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * One network in a graph, for the tests: x [rows, in] per particle (a graph input) or shared
 * (a parameter, so that it too has a gradient), the network's parameters from a seed, and a
 * single-value root, the sum of the outputs times fixed random weights (averaged over
 * particles), so every output element's gradient differs.
 */
final class NetworkGraph {
    final Node x;
    final Node params;
    final Node output;
    final Node root;
    final ParameterStore store;
    final Executor executor;

    NetworkGraph(Network network, int rows, boolean batched, int particles, DataType type) {
        SplittableRandom random = new SplittableRandom(3);
        Graph graph = new Graph();
        x = batched ? graph.input("x", rows, network.inputs()) : graph.parameter("x", gaussian(random, rows * network.inputs())
                .reshape(rows, network.inputs()));
        params = graph.parameter("params", network.initialParameters(11));
        output = graph.apply(new Mlp(network), x, params);
        Node weighted = graph.sum(graph.mul(output, graph.constant(gaussian(random, rows * network.outputs())
                .reshape(rows, network.outputs()))));
        root = batched ? graph.meanOverParticles(weighted) : weighted;
        store = ParameterStore.initial(graph);
        executor = new Executor(graph, particles, store, new SplittableRandom(1), Precision.DOUBLE, type);
        if (batched) {
            System.arraycopy(gaussian(random, particles * rows * network.inputs()).data, 0, executor.value(x).data, 0,
                    particles * rows * network.inputs());
        }
    }

    /** Copies x's values (and the parameters, which are the store's) from another graph of the same network. */
    void copyInputsFrom(NetworkGraph other) {
        executor.value(x).copyFrom(other.executor.value(x));
        store.get("params").copyFrom(other.store.get("params"));
    }

    /** The values x has in this executor: the graph input's buffer or the parameter's. */
    double[] xValues() {
        return executor.value(x).data;
    }

    double evaluate() {
        executor.forward();
        return executor.value(root).item();
    }

    void differentiate() {
        executor.forward();
        executor.backward(root);
    }

    static Tensor gaussian(SplittableRandom random, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian();
        }
        return Tensor.vector(values);
    }
}
