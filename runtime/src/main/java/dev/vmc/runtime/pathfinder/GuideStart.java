package dev.vmc.runtime.pathfinder;

import dev.vmc.runtime.diagnose.Estimate;
import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.guide.GaussianGuide.Family;
import dev.vmc.runtime.model.LogDensity;
import dev.vmc.runtime.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.MatrixUtils;

/**
 * Turns Pathfinder's Gaussian into the start of an automatic guide: which family to fit, and
 * that family's parameters at the start. A posterior of up to {@link #DENSE_LIMIT} coordinates
 * first gets a full covariance from its curvature ({@link DenseCorrection}), which sees
 * correlations L-BFGS's few pairs miss. The family then follows from how much the start's
 * coordinates depend on each other, measured by variance inflation: Sigma_ii (Sigma^-1)_ii,
 * the factor by which a coordinate's variance exceeds its variance given all the others.
 * Mean-field can only represent the latter, so its sds come out too small by the square root.
 */
public final class GuideStart {
    /** Mean-field when no coordinate's variance is inflated more than this (its sd understated by under 5%). */
    static final double MEAN_FIELD_INFLATION = 1.1;
    /** Full covariances (a dense curvature, a full-rank guide) up to this many coordinates; low-rank beyond. */
    static final int DENSE_LIMIT = 200;

    /**
     * @param family     the family to fit
     * @param parameters the family's parameters at the start, for {@link GaussianGuide#of(Family, Map)}
     * @param elbo       the start's ELBO estimate
     * @param report     lines saying how the family was chosen and the start made
     */
    public record Start(Family family, Map<String, Tensor> parameters, Estimate elbo, List<String> report,
            long gradientEvaluations, long densityEvaluations) {}

    private GuideStart() {}

    /** @param family the family to start, or null to choose it */
    public static Start of(Pathfinder pathfinder, Family family, LogDensity density, RandomGenerator random) {
        PathGaussian q = pathfinder.gaussian();
        List<String> names = density.coordinateNames();
        if (q.dimension() > DENSE_LIMIT) {
            Family chosen = family != null ? family : choose(q.variances(), q.precisionDiagonal(), names, Family.LOWRANK).family();
            String why = family != null ? "guide: " + family.label + ", as asked" : "guide: " + chosen.label + ", because "
                    + choose(q.variances(), q.precisionDiagonal(), names, Family.LOWRANK).reason();
            return chosen == Family.MEANFIELD
                    ? new Start(chosen, GaussianGuide.meanFieldStart(q.mean(), conditionalSds(q.precisionDiagonal())),
                            pathfinder.elbo(), List.of(why, "start: Pathfinder's mean, with each coordinate's sd given the others"), 0, 0)
                    : lowRank(pathfinder, q, chosen, why);
        }
        DenseCorrection.Gaussian g = DenseCorrection.apply(q, density, random);
        double[][] lower = g.lower();
        double[] variances = new double[lower.length];
        double[] precision = new double[lower.length];
        double[][] inverse = MatrixUtils.inverse(new Array2DRowRealMatrix(lower, false)).getData();
        for (int i = 0; i < lower.length; i++) {
            for (int k = 0; k < lower.length; k++) {
                variances[i] += lower[i][k] * lower[i][k];
                precision[i] += inverse[k][i] * inverse[k][i];
            }
        }
        Choice choice = family != null ? new Choice(family, "as asked") : choose(variances, precision, names, Family.FULLRANK);
        String source = g.corrected()
                ? "start: Pathfinder's Gaussian, moved and reshaped by the curvature at its mean"
                : "start: Pathfinder's Gaussian (the curvature at its mean did not improve it)";
        List<String> report = List.of("guide: " + choice.family().label + ", " + (family != null ? "" : "because ") + choice.reason(),
                String.format("%s; ELBO %.4g (se %.2g)", source, g.elbo().mean(), g.elbo().standardError()));
        Map<String, Tensor> parameters = switch (choice.family()) {
            case FULLRANK -> GaussianGuide.fullRankStart(g.mean(), lower);
            case MEANFIELD -> GaussianGuide.meanFieldStart(g.mean(), conditionalSds(precision));
            case LOWRANK -> null;
        };
        if (parameters == null) {
            return lowRank(pathfinder, q, Family.LOWRANK, report.get(0));
        }
        return new Start(choice.family(), parameters, g.elbo(), report, g.gradientEvaluations(), g.densityEvaluations());
    }

    private record Choice(Family family, String reason) {}

    private static Choice choose(double[] variances, double[] precision, List<String> names, Family correlated) {
        int d = variances.length;
        if (d == 1) {
            return new Choice(Family.MEANFIELD, "one coordinate: mean-field is exact");
        }
        int worst = 0;
        double inflation = 0;
        for (int i = 0; i < d; i++) {
            double v = variances[i] * precision[i];
            if (v > inflation) {
                inflation = v;
                worst = i;
            }
        }
        String measured = String.format("the start's largest variance inflation is %.3g, at %s", inflation, names.get(worst));
        if (inflation <= MEAN_FIELD_INFLATION) {
            return new Choice(Family.MEANFIELD, measured + ": mean-field understates no sd by more than "
                    + Math.round(100 * (1 - 1 / Math.sqrt(inflation))) + "%");
        }
        return new Choice(correlated, correlated == Family.FULLRANK
                ? measured + ", so coordinates are correlated, and " + d + " are few enough for a full covariance"
                : measured + ", so coordinates are correlated, and " + d + " are too many for a full covariance (over "
                        + DENSE_LIMIT + ")");
    }

    /** Pathfinder's Gaussian as diagonal plus low rank: its diagonal, and its directions of extra variance as the factor. */
    private static Start lowRank(Pathfinder pathfinder, PathGaussian q, Family family, String why) {
        double[] alpha = q.diagonal();
        double[] sd = new double[alpha.length];
        for (int i = 0; i < sd.length; i++) {
            sd[i] = Math.sqrt(alpha[i]);
        }
        PathGaussian.Eigen e = q.whitenedLowRank();
        int rank = 0;
        for (double v : e.values()) {
            rank += v > 0 ? 1 : 0;
        }
        double[][] factor = new double[sd.length][Math.max(rank, 1)];
        int k = 0;
        for (int col = 0; col < e.values().length; col++) {
            if (e.values()[col] > 0) {
                double root = Math.sqrt(e.values()[col]);
                for (int i = 0; i < sd.length; i++) {
                    factor[i][k] = sd[i] * root * e.directions()[i][col];
                }
                k++;
            }
        }
        if (rank == 0) { // nothing to follow yet: one small direction, so the factor's gradient is not zero
            factor[0][0] = 0.1 * sd[0];
        }
        return new Start(family, GaussianGuide.lowRankStart(q.mean(), sd, factor), pathfinder.elbo(),
                List.of(why, "start: Pathfinder's Gaussian, its " + Math.max(rank, 1) + " strongest directions as the low-rank factor"),
                0, 0);
    }

    private static double[] conditionalSds(double[] precisionDiagonal) {
        double[] sd = new double[precisionDiagonal.length];
        for (int i = 0; i < sd.length; i++) {
            sd[i] = 1 / Math.sqrt(precisionDiagonal[i]);
        }
        return sd;
    }
}
