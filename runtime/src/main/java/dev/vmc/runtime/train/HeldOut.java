package dev.vmc.runtime.train;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.Precision;
import dev.vmc.runtime.guide.Guide;
import dev.vmc.runtime.infer.ElboGraph;
import dev.vmc.runtime.model.Model;
import java.util.SplittableRandom;

/**
 * The ELBO per datum on data the training never saw, with the trained parameters: every row
 * once, in order, a batch at a time, split into reconstruction and KL. One draw per datum.
 */
public final class HeldOut {
    /** Per datum: the ELBO, its reconstruction term and its KL term (ELBO = reconstruction - KL). */
    public record Scores(double elbo, double reconstruction, double kl) {}

    private final Model.Plate plate;
    private final RowTerms terms;
    private final Minibatches batches;
    private final Executor executor;
    private final LocalSteps locals;
    private final ElboGraph elbo;
    private final int localSteps;
    private final ParameterStore trained;
    private final ParameterStore scored;

    /**
     * @param model built for minibatches of the held-out data's plate
     * @param store the trained parameters; per-datum ones of the held-out data are added to it,
     *              refined for each batch from their initial values
     */
    public HeldOut(Model model, Guide guide, ParameterStore store, TrainOptions options, long seed) {
        this.elbo = ElboGraph.build(model, guide);
        Graph graph = elbo.graph;
        this.plate = model.plate();
        this.terms = RowTerms.of(graph, elbo);
        this.batches = Minibatches.inOrder(plate, graph);
        this.trained = store;
        this.scored = Evaluation.loaded(graph, store, true);
        this.locals = new LocalSteps(graph, scored, options.localLearningRate(), true);
        this.localSteps = Math.max(options.localSteps(), TrainOptions.SCORING_LOCAL_STEPS);
        this.executor = locals.any()
                ? new Executor(graph, 1, scored, new SplittableRandom(seed), Precision.DOUBLE, options.dataType())
                : Executor.forwardOnly(graph, 1, scored, new SplittableRandom(seed), Precision.DOUBLE, options.dataType());
    }

    /** Scores the trained parameters as they are now. */
    public Scores score() {
        scored.asMap().forEach((name, value) -> {
            if (!locals.names().contains(name)) {
                value.copyFrom(trained.get(name));
            }
        });
        double reconstruction = 0;
        double kl = 0;
        for (int b = 0; b < batches.batchesPerEpoch(); b++) {
            batches.fill(executor, b);
            if (locals.any()) {
                locals.run(executor, elbo.objective, localSteps);
            }
            executor.forward();
            reconstruction += RowTerms.sumOfRowMeans(executor, terms.reconstruction(), batches.fresh(b));
            kl += RowTerms.sumOfRowMeans(executor, terms.kl(), batches.fresh(b));
        }
        int n = plate.size();
        return new Scores((reconstruction - kl) / n, reconstruction / n, kl / n);
    }
}
