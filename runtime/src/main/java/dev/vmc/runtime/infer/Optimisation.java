package dev.vmc.runtime.infer;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.Precision;
import dev.vmc.runtime.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradient ascent on the ELBO with a guard: a step whose ELBO or gradient is not finite is
 * not taken, and the parameters go back to the last values that gave a finite step. Too many
 * such steps in a row end the fit with the place the non-finite value came from.
 */
public final class Optimisation {
    private final ElboGraph elbo;
    /** What is ascended: the ELBO, or another objective built on its graph. */
    private final Node root;
    private final Executor executor;
    private final ParameterStore store;
    private final ParameterStore lastGood;
    private final Adam adam;
    private final Precision precision;
    private final int maxBadSteps;
    private final Map<String, Tensor> gradients = new LinkedHashMap<>();
    /** Parameters another mechanism updates (per-datum ones, by their local steps): left alone here. */
    private java.util.Set<String> held = java.util.Set.of();
    private int badInARow;
    private long skipped;

    Optimisation(ElboGraph elbo, Executor executor, ParameterStore store, Adam adam, Precision precision,
            int maxBadSteps) {
        this(elbo, elbo.objective, executor, store, adam, precision, maxBadSteps);
    }

    public Optimisation(ElboGraph elbo, Node root, Executor executor, ParameterStore store, Adam adam, Precision precision,
            int maxBadSteps) {
        this.elbo = elbo;
        this.root = root;
        this.executor = executor;
        this.store = store;
        this.lastGood = store.copy();
        this.adam = adam;
        this.precision = precision;
        this.maxBadSteps = maxBadSteps;
    }

    /** One step; returns its ELBO estimate (NaN for a step that was skipped). */
    public double step() {
        elbo.beforeStep(executor);
        executor.forward();
        double value = executor.value(root).item();
        if (!Double.isFinite(value)) {
            return rejected(describeValue());
        }
        executor.backward(root);
        elbo.afterStep(executor);
        gradients.clear();
        for (Node p : elbo.graph.parameters()) {
            if (held.contains(((Leaf.Parameter) p.op).label())) {
                continue;
            }
            Tensor g = executor.gradient(p);
            if (!g.allFinite()) {
                return rejected(describeGradient());
            }
            gradients.put(((Leaf.Parameter) p.op).label(), g);
        }
        lastGood.copyFrom(store);
        adam.ascend(store, gradients);
        store.round(precision);
        badInARow = 0;
        return value;
    }

    /** Leaves these parameters to another mechanism from now on. */
    public void hold(java.util.Set<String> names) {
        held = java.util.Set.copyOf(names);
    }

    /** Moves the parameters to a point chosen elsewhere, which becomes the last good one. */
    void jumpTo(ParameterStore point) {
        store.copyFrom(point);
        lastGood.copyFrom(point);
    }

    /** Starts Adam afresh at a new step size, as after a divergence. */
    void restart(double rate) {
        adam.reset();
        adam.setLearningRate(rate);
    }

    Adam adam() {
        return adam;
    }

    public long skipped() {
        return skipped;
    }

    private double rejected(String where) {
        skipped++;
        store.copyFrom(lastGood);
        if (++badInARow >= maxBadSteps) {
            throw new FitException("the ELBO or its gradient was not finite for " + badInARow
                    + " steps in a row; " + where + ". Check the priors and constraints there, "
                    + "or try a smaller --lr.");
        }
        return Double.NaN;
    }

    private String describeValue() {
        Node bad = executor.firstNonFinite(root);
        return bad == null ? "no single node was to blame" : "the first non-finite value came from " + bad.where();
    }

    private String describeGradient() {
        Node bad = executor.firstNonFiniteGradient();
        return bad == null ? "no single node was to blame" : "the gradient first broke at " + bad.where();
    }
}
