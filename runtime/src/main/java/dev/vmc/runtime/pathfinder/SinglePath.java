package dev.vmc.runtime.pathfinder;

import dev.vmc.runtime.diagnose.Estimate;
import dev.vmc.runtime.model.LogDensity;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One Pathfinder path: L-BFGS from a random start, a Gaussian at each iterate, each scored by
 * an ELBO estimate, the best kept. Every Gaussian is scored with the same standard-normal
 * draws, so the choice among them reflects the Gaussians, not the luck of their draws.
 */
final class SinglePath {
    /** Stan's rule for random starts: uniform on (-2, 2) in every unconstrained coordinate. */
    private static final double INIT_RADIUS = 2;
    private static final int INIT_TRIES = 100;

    /**
     * @param best       the Gaussian with the highest ELBO estimate, or null if none could be formed
     * @param elbo       its ELBO estimate, with the estimate's Monte Carlo standard error
     * @param iteration  the iterate it sits at (0 is the start)
     * @param lbfgs      the path L-BFGS took
     */
    record Outcome(PathGaussian best, Estimate elbo, int iteration, Lbfgs.Path lbfgs, long gradientEvaluations,
            long densityEvaluations) {}

    private SinglePath() {}

    static Outcome run(LogDensity density, Pathfinder.Options options, SplittableRandom random) {
        int d = density.dimension();
        LogDensity.Evaluator gradients = density.evaluator(1);
        double[] start = randomStart(gradients, d, random);
        if (start == null) {
            String stop = "the log density was not finite at any of " + INIT_TRIES + " random starts in (-" + INIT_RADIUS
                    + ", " + INIT_RADIUS + ") on the unconstrained scale; the first non-finite value came from "
                    + gradients.whereNotFinite();
            Lbfgs.Path none = new Lbfgs.Path(List.of(), stop, false, gradients.evaluations());
            return new Outcome(null, new Estimate(Double.NEGATIVE_INFINITY, Double.NaN), -1, none, gradients.evaluations(), 0);
        }
        Lbfgs.Path path = new Lbfgs(gradients::valueAndGradient, d, options.history(), options.maxIterations()).run(start);

        double[][] noise = DrawnGaussian.noise(options.elboDraws(), d, random);
        LogDensity.Evaluator draws = density.evaluator(options.elboDraws());
        CurvatureHistory curvature = new CurvatureHistory(d, options.history());
        List<Lbfgs.Point> iterates = path.points();
        PathGaussian best = null;
        Estimate bestElbo = new Estimate(Double.NEGATIVE_INFINITY, Double.NaN);
        int bestIteration = -1;
        for (int l = 1; l < iterates.size(); l++) {
            curvature.add(iterates.get(l - 1), iterates.get(l));
            Lbfgs.Point at = iterates.get(l);
            PathGaussian q = PathGaussian.at(at.x(), at.gradient(), curvature.diagonal(), curvature.pairs());
            if (q == null) {
                continue;
            }
            Estimate elbo = DrawnGaussian.elbo(q, noise, draws);
            if (elbo.mean() > bestElbo.mean()) {
                best = q;
                bestElbo = elbo;
                bestIteration = l;
            }
        }
        return new Outcome(best, bestElbo, bestIteration, path, gradients.evaluations(), draws.evaluations());
    }

    /** A uniform start in (-2, 2)^d where the density is finite, as Stan draws its inits; null if none is found. */
    private static double[] randomStart(LogDensity.Evaluator density, int d, SplittableRandom random) {
        double[] x = new double[d];
        double[] gradient = new double[d];
        for (int attempt = 0; attempt < INIT_TRIES; attempt++) {
            for (int i = 0; i < d; i++) {
                x[i] = random.nextDouble(-INIT_RADIUS, INIT_RADIUS);
            }
            if (Double.isFinite(density.valueAndGradient(x, gradient))) {
                return x;
            }
        }
        return null;
    }
}
