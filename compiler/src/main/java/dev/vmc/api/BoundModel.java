package dev.vmc.api;

import dev.vmc.compiler.ast.Guide;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.bind.BoundData;
import dev.vmc.compiler.bind.DataMismatchException;
import dev.vmc.compiler.check.CheckedProgram;
import dev.vmc.compiler.lower.LoweredGuide;
import dev.vmc.compiler.lower.LoweredModel;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.guide.PartlyWrittenGuide;
import dev.vmc.runtime.infer.FitListener;
import dev.vmc.runtime.infer.DrawsSink;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.ElboGraph;
import dev.vmc.runtime.infer.FitResult;
import dev.vmc.runtime.infer.Fitter;
import dev.vmc.runtime.infer.GuideChoice;
import dev.vmc.runtime.model.LogDensity;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.tensor.DataType;
import dev.vmc.runtime.train.Evaluation;
import dev.vmc.runtime.train.TrainOptions;
import dev.vmc.runtime.train.TrainResult;
import dev.vmc.runtime.train.Trainer;
import java.util.List;

/** A program with data that passed the data block's checks: ready to fit, from any thread. */
public final class BoundModel {
    /** The program with the checker's types and dependencies, which lowering reads. */
    private final CheckedProgram checked;
    private final Program program;
    private final String guideFamily;
    private final BoundData data;

    BoundModel(CheckedProgram checked, String guideFamily, BoundData data) {
        this.checked = checked;
        this.program = checked.program();
        this.guideFamily = guideFamily;
        this.data = data;
    }

    /**
     * Builds the model and a guide once, so that sizes the checker could not compare (such as
     * {@code vector[N + 1]} against {@code vector[N]}) are compared now, with the data's.
     */
    void checkShapes() {
        try {
            Guide.Explicit written = program.guide() instanceof Guide.Explicit e ? e : null;
            dev.vmc.runtime.guide.Guide guide = written == null ? GaussianGuide.meanField()
                    : written.automatic() == null ? new LoweredGuide(checked, written, data)
                    : new PartlyWrittenGuide(GaussianGuide.meanField(), new LoweredGuide(checked, written, data));
            ElboGraph.build(model(), new DiscreteStandIns(guide));
        } catch (ShapeException e) {
            throw new DataMismatchException(List.of("the data's sizes do not fit the model: " + e.getMessage()));
        } catch (dev.vmc.compiler.lower.StatementException e) {
            throw new DataMismatchException(List.of(e.getMessage()));
        }
    }

    /** The runtime model, for driving the runtime directly. */
    public Model model() {
        return new LoweredModel(checked, data);
    }

    /**
     * The model's log density on the unconstrained space, with the Jacobian: Stan's
     * {@code log_prob(upars, jacobian = TRUE)}, but with every normalising constant kept.
     */
    public LogDensity logDensity() {
        return LogDensity.of(model());
    }

    public FitResult fit(FitOptions options) {
        return fit(options, null, FitListener.SILENT);
    }

    /**
     * @param guideOverride "auto", "meanfield", "lowrank" or "fullrank" to use that automatic
     *                      guide whatever the program says; null for the program's own choice
     */
    public FitResult fit(FitOptions options, String guideOverride, FitListener listener) {
        return Fitter.fit(model(), guide(guideOverride), options, listener);
    }

    /**
     * As above, with the posterior draws handed to {@code sink} as they are made (to a file,
     * say, with {@link dev.vmc.runtime.output.DrawsCsv#open}) rather than kept: the result then
     * has the summary but no draws.
     */
    public FitResult fit(FitOptions options, String guideOverride, FitListener listener, DrawsSink sink) {
        return Fitter.fit(model(), guide(guideOverride), options, listener, sink);
    }

    /**
     * Minibatch training, for a program with a plate: epochs of Adam over batches of its rows,
     * scoring {@code heldOut} (the same program with other data; may be null) after each.
     *
     * @throws IllegalArgumentException when the program cannot be trained by minibatches, saying why
     */
    public TrainResult train(TrainOptions options, BoundModel heldOut, FitListener listener) {
        return train(options, heldOut, listener, (record, parameters) -> { });
    }

    /** As above, with {@code hook} called after each epoch with the parameters as they are then. */
    public TrainResult train(TrainOptions options, BoundModel heldOut, FitListener listener, Trainer.EpochHook hook) {
        Trainer.HeldOutData scored = heldOut == null ? null
                : new Trainer.HeldOutData(heldOut.minibatchModel(options.batchSize()), heldOut.minibatchGuide(options.batchSize()));
        int batch = Math.min(options.batchSize(), data.size(requirePlate()));
        if (batch % options.threads() != 0) {
            throw new IllegalArgumentException("--threads " + options.threads() + " must divide the batch size " + batch
                    + ": each thread takes an equal share of every batch");
        }
        int share = batch / options.threads();
        try {
            return Trainer.train(minibatchModel(share), minibatchGuide(share), options, scored, listener, hook);
        } catch (ShapeException e) {
            throw new DataMismatchException(List.of("the data's sizes do not fit the model: " + e.getMessage()));
        }
    }

    private String requirePlate() {
        if (program.plate() == null) {
            throw new IllegalArgumentException("minibatches need a plate: declare the data's count as one in the data block,"
                    + " e.g. 'int<lower=1> N; plate N;'");
        }
        return program.plate().size();
    }

    /**
     * Scores trained parameters on this model's data, per datum: ELBO, reconstruction and KL,
     * the importance-weighted log-likelihood with {@code k} draws, active units, and the ELBO
     * surgery's mutual information; with pictures of the first data and of prior draws decoded.
     */
    public Evaluation.Result evaluate(ParameterStore trained, int k, int pictures, DataType type, long seed) {
        return evaluate(trained, k, pictures, type, seed, TrainOptions.SCORING_LOCAL_STEPS, TrainOptions.DEFAULT_LOCAL_LEARNING_RATE);
    }

    /** As above; per-datum guide parameters are refined by {@code localSteps} Adam steps per batch before scoring. */
    public Evaluation.Result evaluate(ParameterStore trained, int k, int pictures, DataType type, long seed, int localSteps,
            double localRate) {
        int rows = Math.max(1, Math.min(256, 4096 / k));
        try {
            return Evaluation.evaluate(minibatchModel(rows), minibatchGuide(rows), trained, k, pictures, type, seed, localSteps,
                    localRate);
        } catch (ShapeException e) {
            throw new DataMismatchException(List.of("the data's sizes do not fit the model: " + e.getMessage()));
        }
    }

    /**
     * Whether the program has continuous latents on its plate, which minibatch training fits by
     * default; not where its guide leaves latents to the automatic guide, which trains on the
     * whole data only.
     */
    public boolean minibatchesPossible() {
        boolean partlyAutomatic = program.guide() instanceof Guide.Explicit written && written.automatic() != null;
        return program.plate() != null && !partlyAutomatic && program.latents().stream()
                .anyMatch(d -> data.isPlated(d.type()) && d.type().base() != dev.vmc.compiler.ast.TypeExpr.Base.INT);
    }

    /** The model over minibatches of {@code batchSize} rows of its plate (all rows when there are fewer). */
    public Model minibatchModel(int batchSize) {
        return new LoweredModel(checked, minibatchData(batchSize));
    }

    /** The written guide (or, with no plated latent, the mean-field automatic one) over minibatches. */
    public dev.vmc.runtime.guide.Guide minibatchGuide(int batchSize) {
        if (program.guide() instanceof Guide.Explicit written) {
            if (written.automatic() != null) {
                throw new IllegalArgumentException("the guide block leaves " + String.join(", ", written.automaticNames())
                        + " to the automatic guide ('" + written.automatic().family() + "' at line "
                        + written.automatic().pos().line() + "), which minibatch training and vmc eval do not take yet; write"
                        + " their guides in the block, or fit the whole data at once with vmc run (without --epochs,"
                        + " --batch-size, --held-out or --iwae)");
            }
            return new LoweredGuide(checked, written, minibatchData(batchSize));
        }
        BoundData batched = minibatchData(batchSize);
        for (dev.vmc.compiler.ast.Decl d : program.latents()) {
            if (batched.isPlated(d.type())) {
                throw new IllegalArgumentException("latent '" + d.name() + "' has one row per datum of plate " + program.plate().size()
                        + ", so minibatches need a guide block that gives it a distribution per datum, such as an encoder"
                        + " network's output (an amortised guide); see examples/vae");
            }
        }
        return GaussianGuide.meanField();
    }

    private BoundData minibatchData(int batchSize) {
        return data.minibatches(Math.min(batchSize, data.size(requirePlate())));
    }

    /**
     * The program's guide block, lowered over the whole data; with latents it leaves to the
     * automatic guide, join it with one ({@link dev.vmc.runtime.guide.PartlyWrittenGuide}).
     */
    public LoweredGuide writtenGuide() {
        return new LoweredGuide(checked, (Guide.Explicit) program.guide(), data);
    }

    private GuideChoice guide(String override) {
        String family = override != null ? override : guideFamily;
        return switch (family) {
            case "auto" -> GuideChoice.automatic();
            case "explicit" -> new GuideChoice.Written(writtenGuide());
            default -> GuideChoice.automatic(GaussianGuide.Family.of(family));
        };
    }
}
