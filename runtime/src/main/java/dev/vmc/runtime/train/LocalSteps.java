package dev.vmc.runtime.train;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Gather;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.model.Model;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Per-datum (local) guide parameters, refined on the minibatch's rows alone: the first step of
 * the seeds' two-step BBVI, a few Adam steps on the batch's local parameters before one step on
 * the global ones. Only the batch's rows move, each with its own Adam moments and step count (a
 * dense Adam would keep moving every row on stale momentum). With {@code reset}, each batch's
 * rows start again from their initial values: an encoder's output refined from scratch
 * (semi-amortised), or data never trained on (held-out scores).
 */
final class LocalSteps {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final List<Node> locals = new ArrayList<>();
    private final Node rows;
    private final ParameterStore store;
    private final double learningRate;
    private final boolean reset;
    private final List<double[]> m = new ArrayList<>();
    private final List<double[]> v = new ArrayList<>();
    private final List<int[]> counts = new ArrayList<>();

    LocalSteps(Graph graph, ParameterStore store, double learningRate, boolean reset) {
        Node rowsLeaf = null;
        for (Node node : rowGathers(graph)) {
            locals.add(node.inputs.get(0));
            rowsLeaf = node.inputs.get(1);
        }
        this.rows = rowsLeaf;
        this.store = store;
        this.learningRate = learningRate;
        this.reset = reset;
        for (Node p : locals) {
            int size = p.modelSize();
            m.add(new double[size]);
            v.add(new double[size]);
            counts.add(new int[p.shape[0]]);
        }
    }

    /** The gathers that read a per-datum parameter's rows by the minibatch's row numbers. */
    private static List<Node> rowGathers(Graph graph) {
        return graph.nodes().stream().filter(node -> node.op == Gather.INSTANCE
                && node.inputs.get(0).op instanceof Leaf.Parameter
                && node.inputs.get(1).op instanceof Leaf.Batch b && b.label().equals(Model.Plate.ROWS)).toList();
    }

    /** The names of a graph's per-datum parameters. */
    static Set<String> localNames(Graph graph) {
        Set<String> names = new LinkedHashSet<>();
        rowGathers(graph).forEach(g -> names.add(((Leaf.Parameter) g.inputs.get(0).op).label()));
        return names;
    }

    boolean any() {
        return !locals.isEmpty();
    }

    /** The local parameters' names, which the global step leaves alone. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        locals.forEach(p -> names.add(((Leaf.Parameter) p.op).label()));
        return names;
    }

    /** {@code steps} ascents of {@code root} on the local parameters of the batch now in the executor. */
    void run(Executor executor, Node root, int steps) {
        double[] batch = executor.value(rows).data;
        if (reset) {
            for (int k = 0; k < locals.size(); k++) {
                double[] x = store.get(label(k)).data;
                double[] initial = ((Leaf.Parameter) locals.get(k).op).initial().data;
                int width = x.length / counts.get(k).length;
                for (double r : batch) {
                    int row = (int) r;
                    System.arraycopy(initial, row * width, x, row * width, width);
                    java.util.Arrays.fill(m.get(k), row * width, (row + 1) * width, 0);
                    java.util.Arrays.fill(v.get(k), row * width, (row + 1) * width, 0);
                    counts.get(k)[row] = 0;
                }
            }
        }
        for (int step = 0; step < steps; step++) {
            executor.forward();
            if (!Double.isFinite(executor.value(root).item())) {
                return; // the global step's guard reports it
            }
            executor.backward(root);
            for (int k = 0; k < locals.size(); k++) {
                ascend(k, executor.gradient(locals.get(k)).data, batch);
            }
        }
    }

    private void ascend(int k, double[] g, double[] batch) {
        double[] x = store.get(label(k)).data;
        double[] mk = m.get(k);
        double[] vk = v.get(k);
        int[] count = counts.get(k);
        int width = x.length / count.length;
        for (double r : batch) {
            int row = (int) r;
            int t = ++count[row];
            double c1 = 1 - Math.pow(BETA1, t);
            double c2 = 1 - Math.pow(BETA2, t);
            for (int i = row * width; i < (row + 1) * width; i++) {
                if (!Double.isFinite(g[i])) {
                    continue;
                }
                mk[i] = BETA1 * mk[i] + (1 - BETA1) * g[i];
                vk[i] = BETA2 * vk[i] + (1 - BETA2) * g[i] * g[i];
                x[i] += learningRate * (mk[i] / c1) / (Math.sqrt(vk[i] / c2) + EPSILON);
            }
        }
    }

    private String label(int k) {
        return ((Leaf.Parameter) locals.get(k).op).label();
    }
}
