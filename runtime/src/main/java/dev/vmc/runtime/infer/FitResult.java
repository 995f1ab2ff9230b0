package dev.vmc.runtime.infer;

import dev.vmc.runtime.guide.Site;
import dev.vmc.runtime.output.Summary;
import dev.vmc.runtime.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Everything a fit produced: the plan it followed, how the optimisation went, the fitted
 * parameters (unconstrained, by name: what {@link FitOptions#initial} takes back), the
 * learnable parameters of the model and a written-out guide on their own scale, and draws.
 */
public record FitResult(
        String guide,
        List<Site> plan,
        double learningRate,
        double finalLearningRate,
        long steps,
        boolean converged,
        String stopReason,
        long skippedSteps,
        double seconds,
        /** The ELBO estimate of each step, step i + 1 at index i; NaN where a step was skipped. */
        double[] traceElbo,
        double finalElbo,
        Map<String, Tensor> parameters,
        Map<String, Tensor> pointEstimates,
        PosteriorDraws draws) {

    public Summary summary() {
        return Summary.of(draws.columns(), draws.values());
    }
}
