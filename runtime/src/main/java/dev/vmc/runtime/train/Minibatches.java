package dev.vmc.runtime.train;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which data rows each step sees. An epoch is a fresh random permutation of the plate's N rows
 * cut into ceil(N / B) batches of B; the last batch is topped up from the permutation's start,
 * so every batch is a uniformly random B-subset (which keeps the N / B scaling unbiased) and the
 * graph's shapes never change. In order ({@link #inOrder}), batches run through the rows as they
 * are, for held-out scores, and the last batch says how many of its rows are new.
 */
public final class Minibatches {
    private final Model.Plate plate;
    private final List<Node> leaves = new ArrayList<>();
    private final List<Tensor> sources = new ArrayList<>();
    /** The leaf of the batch's row numbers, when per-datum parameters need them; else null. */
    private Node rows;
    private final int[] order;
    private final SplittableRandom random;

    /** @param random null for batches in order */
    public Minibatches(Model.Plate plate, Graph graph, SplittableRandom random) {
        this.plate = plate;
        this.random = random;
        for (Node node : graph.nodes()) {
            if (node.op instanceof Leaf.Batch b && plate.data().containsKey(b.label())) {
                leaves.add(node);
                sources.add(plate.data().get(b.label()));
            } else if (node.op instanceof Leaf.Batch b && b.label().equals(Model.Plate.ROWS)) {
                rows = node;
            }
        }
        order = new int[plate.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    public static Minibatches inOrder(Model.Plate plate, Graph graph) {
        return new Minibatches(plate, graph, null);
    }

    public int batchesPerEpoch() {
        return (plate.size() + plate.batchSize() - 1) / plate.batchSize();
    }

    /** A new permutation (Fisher-Yates), for a new epoch. */
    public void shuffle() {
        if (random == null) {
            return;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Rows of batch b that are new to the epoch: B, but fewer for a last batch that is topped up. */
    public int fresh(int batch) {
        return Math.min(plate.batchSize(), plate.size() - batch * plate.batchSize());
    }

    /** Writes batch b's rows into every minibatch leaf of the executor, and their numbers where needed. */
    public void fill(Executor executor, int batch) {
        int rows = plate.batchSize();
        if (this.rows != null) {
            double[] numbers = executor.value(this.rows).data;
            for (int r = 0; r < rows; r++) {
                numbers[r] = order[(batch * rows + r) % plate.size()];
            }
        }
        for (int k = 0; k < leaves.size(); k++) {
            double[] source = sources.get(k).data;
            double[] target = executor.value(leaves.get(k)).data;
            int width = source.length / plate.size();
            for (int r = 0; r < rows; r++) {
                int row = order[(batch * rows + r) % plate.size()];
                System.arraycopy(source, row * width, target, r * width, width);
            }
        }
    }
}
