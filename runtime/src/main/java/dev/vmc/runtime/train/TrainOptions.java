package dev.vmc.runtime.train;

import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.tensor.DataType;

/**
 * How to train a model with a plate by minibatches: a fixed number of epochs of Adam at a fixed
 * step size, as networks are trained, rather than the convergence checks of a whole-data fit.
 *
 * @param epochs       passes over the data
 * @param batchSize    rows per step; the plated terms are scaled by N / batchSize
 * @param learningRate Adam's step size
 * @param seed         everything random derives from it: same seed, same numbers
 * @param particles    draws per datum per step; with {@code iwae}, the bound's K
 * @param iwae         whether to ascend the importance-weighted bound with K = particles, rather than the ELBO
 * @param kl           the weight on the KL term at each step (1: the ELBO)
 * @param dataType     the networks' storage type
 * @param localSteps   Adam steps on a batch's per-datum guide parameters before each global step (two-step BBVI,
 *                     semi-amortised)
 * @param localLearningRate their step size
 * @param threads      data-parallel workers, each on an equal share of every batch (which it must divide)
 */
public record TrainOptions(int epochs, int batchSize, double learningRate, long seed, int particles, boolean iwae,
        KlSchedule kl, DataType dataType, int localSteps, double localLearningRate, int threads) {

    public static final int DEFAULT_BATCH = 128;
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    public static final int DEFAULT_LOCAL_STEPS = 5;
    /**
     * Local steps on data never trained on, before they are scored (held-out after each epoch,
     * vmc eval): their per-datum parameters start from scratch, so a few steps would score the
     * start rather than the model.
     */
    public static final int SCORING_LOCAL_STEPS = 50;
    public static final double DEFAULT_LOCAL_LEARNING_RATE = 0.05;

    public TrainOptions {
        if (epochs < 0 || batchSize < 1 || !(learningRate > 0) || particles < 1 || localSteps < 0
                || !(localLearningRate > 0) || threads < 1) {
            throw new IllegalArgumentException("training options out of range: " + this);
        }
    }

    public static TrainOptions defaults() {
        return new Builder().build();
    }

    public TrainOptions withEpochs(int v) {
        return toBuilder().epochs(v).build();
    }

    public TrainOptions withBatchSize(int v) {
        return toBuilder().batchSize(v).build();
    }

    public TrainOptions withLearningRate(double v) {
        return toBuilder().learningRate(v).build();
    }

    public TrainOptions withSeed(long v) {
        return toBuilder().seed(v).build();
    }

    public TrainOptions withParticles(int v) {
        return toBuilder().particles(v).build();
    }

    public TrainOptions withIwae(boolean v) {
        return toBuilder().iwae(v).build();
    }

    public TrainOptions withKl(KlSchedule v) {
        return toBuilder().kl(v).build();
    }

    public TrainOptions withDataType(DataType v) {
        return toBuilder().dataType(v).build();
    }

    public TrainOptions withLocalSteps(int v) {
        return toBuilder().localSteps(v).build();
    }

    public TrainOptions withLocalLearningRate(double v) {
        return toBuilder().localLearningRate(v).build();
    }

    public TrainOptions withThreads(int v) {
        return toBuilder().threads(v).build();
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.seed = seed;
        b.particles = particles;
        b.iwae = iwae;
        b.kl = kl;
        b.dataType = dataType;
        b.localSteps = localSteps;
        b.localLearningRate = localLearningRate;
        b.threads = threads;
        return b;
    }

    /** Holds the defaults; each with-method changes one field of a copy (as {@link FitOptions} does). */
    private static final class Builder {
        int epochs = 10;
        int batchSize = DEFAULT_BATCH;
        double learningRate = DEFAULT_LEARNING_RATE;
        long seed = FitOptions.DEFAULT_SEED;
        int particles = 1;
        boolean iwae;
        KlSchedule kl = KlSchedule.constant(1);
        DataType dataType = DataType.FLOAT32;
        int localSteps = DEFAULT_LOCAL_STEPS;
        double localLearningRate = DEFAULT_LOCAL_LEARNING_RATE;
        int threads = 1;

        Builder epochs(int v) { epochs = v; return this; }
        Builder batchSize(int v) { batchSize = v; return this; }
        Builder learningRate(double v) { learningRate = v; return this; }
        Builder seed(long v) { seed = v; return this; }
        Builder particles(int v) { particles = v; return this; }
        Builder iwae(boolean v) { iwae = v; return this; }
        Builder kl(KlSchedule v) { kl = v; return this; }
        Builder dataType(DataType v) { dataType = v; return this; }
        Builder localSteps(int v) { localSteps = v; return this; }
        Builder localLearningRate(double v) { localLearningRate = v; return this; }
        Builder threads(int v) { threads = v; return this; }

        TrainOptions build() {
            return new TrainOptions(epochs, batchSize, learningRate, seed, particles, iwae, kl, dataType, localSteps,
                    localLearningRate, threads);
        }
    }
}
