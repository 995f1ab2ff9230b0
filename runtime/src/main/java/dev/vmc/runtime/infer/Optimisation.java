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
 *
 * <p>Several executors of one graph (data-parallel training: each holds its share of the
 * minibatch) run their passes at once on a pool, and the step follows the mean of their
 * objectives and gradients, summed in a fixed order so the same seed gives the same numbers.
 */
public final class Optimisation {
    private final ElboGraph elbo;
    /** What is ascended: the ELBO, or another objective built on its graph. */
    private final Node root;
    private final Executor executor;
    /** Every executor the step averages over; the first is {@link #executor}. */
    private final java.util.List<Executor> workers;
    private final java.util.concurrent.ExecutorService pool;
    /** The mean of the workers' gradients, when there are several. */
    private final Map<String, Tensor> means = new LinkedHashMap<>();
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
    /** Steps between copies of the parameters to {@link #lastGood}: every step for small models. */
    private final int checkpointEvery;
    private long taken;

    Optimisation(ElboGraph elbo, Executor executor, ParameterStore store, Adam adam, Precision precision,
            int maxBadSteps) {
        this(elbo, elbo.objective, executor, store, adam, precision, maxBadSteps);
    }

    public Optimisation(ElboGraph elbo, Node root, Executor executor, ParameterStore store, Adam adam, Precision precision,
            int maxBadSteps) {
        this(elbo, root, java.util.List.of(executor), null, store, adam, precision, maxBadSteps);
    }

    /** @param pool runs the other workers' passes while this thread runs the first's; null for one worker */
    public Optimisation(ElboGraph elbo, Node root, java.util.List<Executor> workers, java.util.concurrent.ExecutorService pool,
            ParameterStore store, Adam adam, Precision precision, int maxBadSteps) {
        this.elbo = elbo;
        this.root = root;
        this.executor = workers.get(0);
        this.workers = java.util.List.copyOf(workers);
        this.pool = pool;
        if (workers.size() > 1) {
            for (Node p : elbo.graph.parameters()) {
                means.put(((Leaf.Parameter) p.op).label(), new Tensor(p.shape));
            }
        }
        this.store = store;
        this.lastGood = store.copy();
        this.adam = adam;
        this.precision = precision;
        this.maxBadSteps = maxBadSteps;
        // A network's weights (a VAE's 690,000) would cost a copy as long as the rest of the
        // step outside its products; the last good point may then be up to 25 steps old.
        long size = store.asMap().values().stream().mapToLong(t -> t.data.length).sum();
        this.checkpointEvery = size > LARGE ? 25 : 1;
    }

    /** Parameter counts from which the last good point is kept every 25 steps rather than every step. */
    static final long LARGE = 100_000;

    /** One step; returns its ELBO estimate (NaN for a step that was skipped). */
    public double step() {
        double value = workers.size() == 1 ? pass(executor) : passes();
        if (!Double.isFinite(value)) {
            return rejected(describeValue());
        }
        gradients.clear();
        for (Node p : elbo.graph.parameters()) {
            if (held.contains(((Leaf.Parameter) p.op).label())) {
                continue;
            }
            Tensor g = workers.size() == 1 ? executor.gradient(p) : mean(p);
            if (!g.allFinite()) {
                return rejected(describeGradient());
            }
            gradients.put(((Leaf.Parameter) p.op).label(), g);
        }
        if (taken++ % checkpointEvery == 0) {
            lastGood.copyFrom(store);
        }
        adam.ascend(store, gradients);
        store.round(precision);
        badInARow = 0;
        return value;
    }

    /** One worker's forward and, for a finite objective, backward pass; its objective. */
    private double pass(Executor worker) {
        elbo.beforeStep(worker);
        worker.forward();
        double value = worker.value(root).item();
        if (Double.isFinite(value)) {
            worker.backward(root);
            elbo.afterStep(worker);
        }
        return value;
    }

    /** Every worker's pass at once; the mean objective, NaN if any is not finite. */
    private double passes() {
        java.util.List<java.util.concurrent.Future<Double>> others = new java.util.ArrayList<>();
        for (Executor worker : workers.subList(1, workers.size())) {
            others.add(pool.submit(() -> pass(worker)));
        }
        double sum = pass(executor);
        for (java.util.concurrent.Future<Double> f : others) {
            try {
                sum += f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FitException("interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        return sum / workers.size();
    }

    /** The workers' gradients for one parameter, averaged in worker order. */
    private Tensor mean(Node p) {
        Tensor m = means.get(((Leaf.Parameter) p.op).label());
        double[] out = m.data;
        System.arraycopy(executor.gradient(p).data, 0, out, 0, out.length);
        for (int w = 1; w < workers.size(); w++) {
            double[] g = workers.get(w).gradient(p).data;
            for (int i = 0; i < out.length; i++) {
                out[i] += g[i];
            }
        }
        double scale = 1.0 / workers.size();
        for (int i = 0; i < out.length; i++) {
            out[i] *= scale;
        }
        return m;
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
        return bad == null ? "no single node was to blame" : "the first non-finite value came from " + executor.explain(bad);
    }

    private String describeGradient() {
        Node bad = executor.firstNonFiniteGradient();
        return bad == null ? "no single node was to blame" : "the gradient first broke at " + bad.where();
    }
}
