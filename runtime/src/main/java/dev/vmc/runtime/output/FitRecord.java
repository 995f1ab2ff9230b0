package dev.vmc.runtime.output;

import dev.vmc.runtime.tensor.Shapes;
import java.util.List;

/**
 * What a run did, beyond its draws and its guide: how it started (Pathfinder's paths, the
 * guide chosen and why), the plan, what it said while fitting, how it ended and how far to
 * trust it. It is what the terminal shows as a run goes, kept as {@code fit.json}
 * ({@link FitJson}) so that the report, and any other program, can read it afterwards.
 * Numbers a run did not produce (no draws, no steps) are NaN.
 *
 * @param model          the .vmodel file as named on the command line
 * @param data           the data file as named on the command line
 * @param status         the fit status, lower case: converged, steps_done, pathfinder, not_converged, diverged, unstable
 * @param trusted        whether the fit ended as intended
 * @param reason         how it ended, in words
 * @param khatThreshold  the k-hat above which importance sampling from the guide is not reliable, for this many draws
 * @param khatMeaning    what the k-hat says, in words
 * @param ess            effective sample size of the Pareto-smoothed importance weights
 * @param psisDraws      draws behind the final ELBO and the k-hat
 * @param resampled      whether draws.csv holds draws resampled by their importance weights
 * @param start          the lines printed before the plan: the start and the guide's choice
 * @param messages       the lines printed after the plan: step size, plateaus, divergences, the end
 */
public record FitRecord(
        String vmcVersion,
        String model,
        String data,
        long seed,
        String guide,
        String algorithm,
        String status,
        boolean trusted,
        String reason,
        long steps,
        long skippedSteps,
        double seconds,
        double learningRate,
        double finalLearningRate,
        double elbo,
        double elboSe,
        double khat,
        double khatThreshold,
        String khatMeaning,
        double ess,
        int psisDraws,
        boolean resampled,
        long gradientEvaluations,
        long densityEvaluations,
        List<PlanRow> plan,
        List<String> start,
        List<String> messages) {

    public FitRecord {
        plan = List.copyOf(plan);
        start = List.copyOf(start);
        messages = List.copyOf(messages);
    }

    /**
     * One latent in the plan: its name and shape, its support, what approximates it, and
     * which gradient estimator it gets and why.
     */
    public record PlanRow(String latent, int[] shape, String support, String guide, String estimator, String reason) {
        public PlanRow {
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        /** {@code mu}, or {@code theta[8]}, {@code X[3,2]}: as the plan table prints it. */
        public String label() {
            return shape.length == 0 ? latent : latent + Shapes.format(shape);
        }
    }
}
