package dev.vmc.runtime.train;

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
 *                     semi-amortised), and on held-out data's before they are scored
 * @param localLearningRate their step size
 * @param threads      data-parallel workers, each on an equal share of every batch (which it must divide)
 */
public record TrainOptions(int epochs, int batchSize, double learningRate, long seed, int particles, boolean iwae,
        KlSchedule kl, DataType dataType, int localSteps, double localLearningRate, int threads) {

    public static final int DEFAULT_BATCH = 128;
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    public static final int DEFAULT_LOCAL_STEPS = 5;
    public static final double DEFAULT_LOCAL_LEARNING_RATE = 0.05;

    public TrainOptions {
        if (epochs < 0 || batchSize < 1 || !(learningRate > 0) || particles < 1 || localSteps < 0 || !(localLearningRate > 0) || threads < 1) {
            throw new IllegalArgumentException("training options out of range: " + this);
        }
    }

    public static TrainOptions defaults() {
        return new TrainOptions(10, DEFAULT_BATCH, DEFAULT_LEARNING_RATE, dev.vmc.runtime.infer.FitOptions.DEFAULT_SEED, 1,
                false, KlSchedule.constant(1), DataType.FLOAT32, DEFAULT_LOCAL_STEPS, DEFAULT_LOCAL_LEARNING_RATE, 1);
    }

    public TrainOptions withEpochs(int v) {
        return new TrainOptions(v, batchSize, learningRate, seed, particles, iwae, kl, dataType, localSteps, localLearningRate, threads);
    }

    public TrainOptions withBatchSize(int v) {
        return new TrainOptions(epochs, v, learningRate, seed, particles, iwae, kl, dataType, localSteps, localLearningRate, threads);
    }

    public TrainOptions withLearningRate(double v) {
        return new TrainOptions(epochs, batchSize, v, seed, particles, iwae, kl, dataType, localSteps, localLearningRate, threads);
    }

    public TrainOptions withSeed(long v) {
        return new TrainOptions(epochs, batchSize, learningRate, v, particles, iwae, kl, dataType, localSteps, localLearningRate, threads);
    }

    public TrainOptions withParticles(int v) {
        return new TrainOptions(epochs, batchSize, learningRate, seed, v, iwae, kl, dataType, localSteps, localLearningRate, threads);
    }

    public TrainOptions withIwae(boolean v) {
        return new TrainOptions(epochs, batchSize, learningRate, seed, particles, v, kl, dataType, localSteps, localLearningRate, threads);
    }

    public TrainOptions withKl(KlSchedule v) {
        return new TrainOptions(epochs, batchSize, learningRate, seed, particles, iwae, v, dataType, localSteps, localLearningRate, threads);
    }

    public TrainOptions withDataType(DataType v) {
        return new TrainOptions(epochs, batchSize, learningRate, seed, particles, iwae, kl, v, localSteps, localLearningRate, threads);
    }

    public TrainOptions withLocalSteps(int v) {
        return new TrainOptions(epochs, batchSize, learningRate, seed, particles, iwae, kl, dataType, v, localLearningRate, threads);
    }

    public TrainOptions withLocalLearningRate(double v) {
        return new TrainOptions(epochs, batchSize, learningRate, seed, particles, iwae, kl, dataType, localSteps, v, threads);
    }

    public TrainOptions withThreads(int v) {
        return new TrainOptions(epochs, batchSize, learningRate, seed, particles, iwae, kl, dataType, localSteps,
                localLearningRate, v);
    }
}
