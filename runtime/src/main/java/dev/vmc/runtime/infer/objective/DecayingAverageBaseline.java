package dev.vmc.runtime.infer.objective;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import java.util.Arrays;

/**
 * A baseline for the score function that is an exponentially decaying average of the mean cost
 * of past steps (Williams 1992; Mnih and Gregor 2014): b <- decay * b + (1 - decay) * meanCost
 * after each step. It is fixed before the step's draws are made, so it does not depend on them
 * and the estimator stays unbiased; the draws of a step never reach it until the next step.
 * Before the first update it is 0 (no baseline); the first update sets it to that step's mean
 * cost, so it does not spend its first steps climbing from 0.
 *
 * <p>The value enters the graph as an input the fit loop writes before each forward pass
 * ({@link #writeTo}). Inputs are per particle, so every particle gets the same value.
 */
public final class DecayingAverageBaseline {
    public static final double DEFAULT_DECAY = 0.9;

    private final Node node;
    private final Node cost;
    private final double decay;
    private final double[] value;
    private final double[] mean; // scratch for a step's mean cost, so a step allocates nothing
    private boolean started;

    private DecayingAverageBaseline(Node node, Node cost, double decay) {
        this.node = node;
        this.cost = cost;
        this.decay = decay;
        this.value = new double[cost.modelSize()];
        this.mean = new double[value.length];
    }

    /** A baseline for the given cost (one value per particle, or one per element), with the default decay 0.9. */
    public static DecayingAverageBaseline of(Graph graph, Node cost) {
        return of(graph, cost, DEFAULT_DECAY);
    }

    public static DecayingAverageBaseline of(Graph graph, Node cost, double decay) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("the decay must be in [0, 1), got " + decay);
        }
        return new DecayingAverageBaseline(graph.input("decaying average baseline", cost.shape), cost, decay);
    }

    /** The baseline's node, for {@link ScoreFunction#surrogate}. */
    public Node node() {
        return node;
    }

    /** The current value (element 0 for a per-element baseline): what the next step will use. */
    public double value() {
        return value[0];
    }

    /** Before each forward pass: the current value into every particle's slot of the input. */
    public void writeTo(Executor executor) {
        double[] slots = executor.value(node).data;
        for (int at = 0; at < slots.length; at += value.length) {
            System.arraycopy(value, 0, slots, at, value.length);
        }
    }

    /** After each step: folds the step's mean cost over its particles, read from the executor, into the average. */
    public void update(Executor executor) {
        double[] costs = executor.value(cost).data;
        int particles = cost.batched ? costs.length / value.length : 1;
        java.util.Arrays.fill(mean, 0);
        for (int s = 0; s < particles; s++) {
            for (int e = 0; e < value.length; e++) {
                mean[e] += costs[s * value.length + e] / particles;
            }
        }
        update(mean);
    }

    /** After each step: b <- decay * b + (1 - decay) * meanCost, or meanCost the first time, per element. */
    public void update(double... meanCost) {
        for (int e = 0; e < value.length; e++) {
            value[e] = started ? decay * value[e] + (1 - decay) * meanCost[e] : meanCost[e];
        }
        started = true;
    }
}
