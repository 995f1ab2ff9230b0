package dev.vmc.runtime.train;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.Precision;
import dev.vmc.runtime.guide.Guide;
import dev.vmc.runtime.infer.Adam;
import dev.vmc.runtime.infer.ElboGraph;
import dev.vmc.runtime.infer.FitListener;
import dev.vmc.runtime.infer.Optimisation;
import dev.vmc.runtime.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Minibatch training of a model with a plate: epochs of shuffled batches, one guarded Adam step
 * each (a step whose objective or gradient is not finite is not taken), the held-out scores after
 * each epoch when there are held-out data, and a line of progress per epoch.
 */
public final class Trainer {
    private static final int MAX_BAD_STEPS = 20;

    private Trainer() {}

    /**
     * @param model   built for minibatches of {@code options.batchSize()} rows of its plate
     * @param heldOut scores after each epoch; null for none
     */
    public static TrainResult train(Model model, Guide guide, TrainOptions options, HeldOutData heldOut,
            FitListener listener) {
        return train(model, guide, options, heldOut, listener, (record, parameters) -> { });
    }

    /** What runs after each epoch, with the parameters as they are then (a benchmark scores them). */
    @FunctionalInterface
    public interface EpochHook {
        void after(EpochRecord record, ParameterStore parameters);
    }

    public static TrainResult train(Model model, Guide guide, TrainOptions options, HeldOutData heldOut,
            FitListener listener, EpochHook hook) {
        Model.Plate plate = model.plate();
        if (plate == null) {
            throw new IllegalArgumentException("minibatch training needs a model with a plate");
        }
        for (var latent : model.latents()) {
            if (latent.support().isDiscrete()) {
                // their score-function surrogates and enumeration are not scaled per batch yet
                throw new IllegalArgumentException("latent '" + latent.name() + "' is discrete, and minibatch training"
                        + " does not train discrete latents yet; fit without --epochs and --batch-size, which sums it out"
                        + " or uses the score function over the whole data");
            }
        }
        SplittableRandom random = new SplittableRandom(options.seed());
        SplittableRandom batchRandom = random.split();
        SplittableRandom noiseRandom = random.split();
        long heldOutSeed = random.split().nextLong();

        Objective objective = new Objective(ElboGraph.build(model, guide), plate, options.iwae());
        ElboGraph elbo = objective.elbo;
        ParameterStore store = ParameterStore.initial(elbo.graph);
        try (Workers workers = new Workers(objective, store, options, noiseRandom)) {
            return train(objective, store, workers, options, heldOut, heldOutSeed, batchRandom, listener, hook);
        }
    }

    private static TrainResult train(Objective objective, ParameterStore store, Workers workers, TrainOptions options,
            HeldOutData heldOut, long heldOutSeed, SplittableRandom batchRandom, FitListener listener, EpochHook hook) {
        ElboGraph elbo = objective.elbo;
        Model.Plate plate = objective.plate;
        Optimisation optimisation = new Optimisation(elbo, objective.root, workers.executors, workers.pool, store,
                new Adam(options.learningRate()), Precision.DOUBLE, MAX_BAD_STEPS);
        Minibatches batches = new Minibatches(plate, elbo.graph, batchRandom);
        boolean encoder = Encoders.feed(elbo);
        LocalSteps locals = new LocalSteps(elbo.graph, store, options.localLearningRate(), encoder);
        if (locals.any()) {
            optimisation.hold(locals.names());
        }
        HeldOut scorer = heldOut == null ? null
                : new HeldOut(heldOut.model(), heldOut.guide(), store, options, heldOutSeed);
        listener.plan(elbo.guideName, elbo.sites);
        int steps = (batches.batchesPerEpoch() + workers.count() - 1) / workers.count();
        listener.message(describe(options, plate, objective, steps, workers.count()));
        listener.message(Encoders.describe(encoder, locals, options));

        List<EpochRecord> epochs = new ArrayList<>();
        long step = 0;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            long wall = System.nanoTime();
            long cpu = workers.cpuNanos();
            batches.shuffle();
            double sum = 0;
            int counted = 0;
            for (int b = 0; b < steps; b++, step++) {
                int first = b * workers.count();
                double weight = options.kl().at(step);
                // each worker its own share of the batch: consecutive runs of the epoch's permutation
                workers.each(t -> {
                    Executor executor = workers.executors.get(t);
                    batches.fill(executor, first + t);
                    executor.value(objective.klWeight).data[0] = weight;
                    if (locals.any()) {
                        locals.run(executor, objective.root, options.localSteps());
                    }
                });
                if (Double.isFinite(optimisation.step())) {
                    sum += workers.mean(objective.elboValue);
                    counted++;
                }
            }
            double seconds = (System.nanoTime() - wall) / 1e9;
            double cpuSeconds = (workers.cpuNanos() - cpu) / 1e9;
            HeldOut.Scores scores = scorer == null ? null : scorer.score();
            EpochRecord record = new EpochRecord(epoch, sum / Math.max(counted, 1) / plate.size(), scores, seconds, cpuSeconds);
            epochs.add(record);
            listener.message(progress(record, options.epochs()));
            hook.after(record, store);
        }
        return new TrainResult(epochs, store, locals.names(), optimisation.skipped(), elbo);
    }

    /** Held-out data: their model (built for minibatches of their plate) and the guide on it. */
    public record HeldOutData(Model model, Guide guide) {}

    private static String describe(TrainOptions o, Model.Plate plate, Objective objective, int batches, int threads) {
        String what = o.iwae() ? String.format(Locale.ROOT, "the importance-weighted bound, K = %d", o.particles())
                : o.kl().isConstantOne() ? "the ELBO" : "the ELBO with the KL weighted: " + o.kl();
        return String.format(Locale.ROOT, "training: %s over minibatches of %d of the %d rows of plate %s (%d steps an epoch,"
                + " terms scaled by N / B = %.4g); %s; Adam, step size %s; networks in %s%s", what, plate.batchSize() * threads,
                plate.size(), plate.name(), batches, plate.scale() / threads, objective.terms.why(), o.learningRate(),
                o.dataType() == dev.vmc.runtime.tensor.DataType.FLOAT32 ? "float32" : "float64",
                threads == 1 ? "" : "; " + threads + " threads, each on " + plate.batchSize() + " rows of every batch");
    }

    private static String progress(EpochRecord r, int epochs) {
        String heldOut = r.heldOut() == null ? "" : String.format(Locale.ROOT, "  held-out ELBO %9.3f (reconstruction %.3f, KL %.3f)",
                r.heldOut().elbo(), r.heldOut().reconstruction(), r.heldOut().kl());
        return String.format(Locale.ROOT, "epoch %3d/%d  train ELBO %9.3f%s  %.2f s", r.epoch(), epochs, r.trainElbo(), heldOut,
                r.seconds());
    }
}
