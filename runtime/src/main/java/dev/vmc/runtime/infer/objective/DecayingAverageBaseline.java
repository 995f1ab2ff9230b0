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
    private final Node meanCost;
    private final double decay;
    private double value;
    private boolean started;

    private DecayingAverageBaseline(Node node, Node meanCost, double decay) {
        this.node = node;
        this.meanCost = meanCost;
        this.decay = decay;
    }

    /** A baseline for the given cost (one value per particle), with the default decay 0.9. */
    public static DecayingAverageBaseline of(Graph graph, Node cost) {
        return of(graph, cost, DEFAULT_DECAY);
    }

    public static DecayingAverageBaseline of(Graph graph, Node cost, double decay) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("the decay must be in [0, 1), got " + decay);
        }
        if (cost.rank() != 0) {
            throw new IllegalArgumentException("the cost must be one value per particle, got " + cost);
        }
        Node input = graph.input("decaying average baseline");
        // the cost's mean is read after the step, for the next one; it is not on the gradient's path
        Node meanCost = graph.meanOverParticles(graph.stopGradient(cost));
        return new DecayingAverageBaseline(input, meanCost, decay);
    }

    /** The baseline's node, for {@link ScoreFunction#surrogate}. */
    public Node node() {
        return node;
    }

    /** The current value: what the next step will use. */
    public double value() {
        return value;
    }

    /** Before each forward pass: the current value into every particle's slot of the input. */
    public void writeTo(Executor executor) {
        Arrays.fill(executor.value(node).data, value);
    }

    /** After each step: folds the step's mean cost, read from the executor, into the average. */
    public void update(Executor executor) {
        update(executor.value(meanCost).item());
    }

    /** After each step: b <- decay * b + (1 - decay) * meanCost, or meanCost the first time. */
    public void update(double meanCost) {
        value = started ? decay * value + (1 - decay) * meanCost : meanCost;
        started = true;
    }
}
