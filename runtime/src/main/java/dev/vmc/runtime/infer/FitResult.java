package dev.vmc.runtime.infer;

import dev.vmc.runtime.diagnose.Estimate;
import dev.vmc.runtime.guide.Site;
import dev.vmc.runtime.output.Summary;
import dev.vmc.runtime.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Everything a fit produced: the plan it followed, how the optimisation went, the fitted
 * parameters (unconstrained, by name: what {@link FitOptions#initial} takes back), the
 * learnable parameters of the model and a written-out guide on their own scale, draws, and
 * how far the draws can be trusted as posterior draws (Pareto k-hat).
 *
 * @param status              how the fit ended; {@link FitStatus#trusted()} says whether it did as intended
 * @param stopReason          the same in words
 * @param traceElbo           the ELBO estimate of each step, step i + 1 at index i; NaN where a step was skipped
 * @param finalElbo           the ELBO at the fitted parameters from the diagnostic draws, with its standard error
 * @param psis                Pareto smoothed importance sampling of those draws
 * @param gradientEvaluations gradients of the log density taken, over Pathfinder, the search and the steps
 * @param densityEvaluations  log densities evaluated without a gradient (ELBO estimates, checks, draws)
 * @param draws               the reported draws, or null when they went to a {@link DrawsSink} instead
 * @param summary             the reported draws' summary, or null when no draws were asked for
 */
public record FitResult(
        String guide,
        String algorithm,
        List<Site> plan,
        double learningRate,
        double finalLearningRate,
        long steps,
        FitStatus status,
        String stopReason,
        long skippedSteps,
        double seconds,
        double[] traceElbo,
        Estimate finalElbo,
        Psis psis,
        long gradientEvaluations,
        long densityEvaluations,
        Map<String, Tensor> parameters,
        Map<String, Tensor> pointEstimates,
        PosteriorDraws draws,
        Summary summary) {

    /**
     * The Pareto k-hat of the importance ratios p/q over {@code draws} draws, the threshold above
     * which it says the draws cannot be trusted, and the effective sample size of the smoothed weights.
     */
    public record Psis(double khat, double threshold, double effectiveSampleSize, int draws, boolean resampled,
            boolean fullRank) {
        /**
         * What k-hat says, in words (Vehtari, Simpson, Gelman, Yao and Gabry). A large k-hat with
         * nearly equal weights is a guide whose tails are too light while its bulk matches: say both.
         */
        public String meaning() {
            if (Double.isNaN(khat) || draws == 0) {
                return "no draws to judge by";
            }
            if (!dev.vmc.runtime.diagnose.ParetoSmoothing.fitsATail(draws)) {
                return "unknown: " + draws + " draws are too few to fit a tail to (k-hat needs 21 or more): raise"
                        + " --psis-draws";
            }
            if (khat == Double.NEGATIVE_INFINITY) {
                return "good: the largest importance weights are all equal, as when the guide is the posterior, so"
                        + " importance sampling from the guide is reliable";
            }
            if (khat <= 0.5) {
                return "good: importance sampling from the guide is reliable, so resampling the draws by their weights"
                        + " corrects their means and sds towards the posterior's";
            }
            if (khat <= threshold) {
                return "usable: the guide's tails are lighter than the posterior's, but resampling the draws by their"
                        + " weights still corrects them, with more Monte Carlo error";
            }
            String tails = "do not trust the guide's tails (k-hat above " + threshold + "): sds and tail quantiles are likely too small";
            return effectiveSampleSize >= 0.9 * draws
                    ? tails + ", though the weights are nearly equal, so the bulk of the draws agrees with the posterior"
                    : tails + " and means may be off; " + (fullRank
                    ? "no Gaussian guide is richer than this full-rank one: reparameterise the model"
                    : "try a richer guide (--guide fullrank) or reparameterise the model");
        }
    }

    public boolean converged() {
        return status == FitStatus.CONVERGED;
    }

    /** The summary of the reported draws; throws if none were asked for. */
    public Summary summary() {
        if (summary == null) {
            throw new IllegalStateException("no draws were asked for, so there is no summary");
        }
        return summary;
    }
}
