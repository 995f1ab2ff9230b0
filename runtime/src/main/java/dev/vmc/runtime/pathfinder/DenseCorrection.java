package dev.vmc.runtime.pathfinder;

import dev.vmc.runtime.diagnose.Estimate;
import dev.vmc.runtime.model.LogDensity;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A full-covariance Gaussian from Pathfinder's, for a posterior small enough to afford one: the
 * Hessian of log p at Pathfinder's mean by central differences of the gradient, taken along
 * the columns of Pathfinder's own Cholesky factor (so each difference spans about one posterior
 * sd, whatever the scale), then one Newton step and the inverse curvature as the covariance.
 * L-BFGS keeps only a few curvature pairs and may stop short on an ill-conditioned posterior;
 * this sees all d directions at the cost of 2d gradients. It is exact for a Gaussian posterior.
 * Where the posterior is not log-concave the curvature says little, so directions of negative
 * or vanishing curvature keep Pathfinder's variance, and the result is kept only if it scores a
 * better ELBO than Pathfinder's Gaussian on the same draws.
 */
final class DenseCorrection {
    /** Central-difference step, in Pathfinder's posterior sds. */
    private static final double STEP = 1e-3;
    /**
     * Whitened curvatures outside this range are not trusted: Pathfinder's own variance stands.
     * The range is wide on purpose: L-BFGS's few pairs can understate a variance by orders of
     * magnitude along a ridge, and the ELBO comparison catches a step that goes wrong.
     */
    private static final double MIN_CURVATURE = 1e-10;
    private static final double MAX_CURVATURE = 1e10;
    static final int ELBO_DRAWS = 50;

    /** A Gaussian by its mean and lower Cholesky factor, with its ELBO on the comparison draws. */
    record Gaussian(double[] mean, double[][] lower, Estimate elbo, boolean corrected, long gradientEvaluations,
            long densityEvaluations) {}

    private DenseCorrection() {}

    static Gaussian apply(PathGaussian pathfinder, LogDensity density, RandomGenerator random) {
        int d = pathfinder.dimension();
        double[] mean = pathfinder.mean();
        RealMatrix c = new Array2DRowRealMatrix(choleskyFactor(pathfinder.covariance()), false);
        double[][] noise = DrawnGaussian.noise(ELBO_DRAWS, d, random);
        LogDensity.Evaluator scorer = density.evaluator(ELBO_DRAWS);
        Estimate original = DrawnGaussian.elbo(new Cholesky(mean, c.getData()), noise, scorer);

        LogDensity.Evaluator gradients = density.evaluator(1);
        double[] g0 = new double[d];
        double value = gradients.valueAndGradient(mean, g0);
        RealMatrix curvature = Double.isFinite(value) ? whitenedCurvature(mean, c, gradients) : null;
        EigenDecomposition eigen = curvature == null ? null : eigenOf(curvature);
        if (eigen == null) {
            return new Gaussian(mean, c.getData(), original, false, gradients.evaluations(), scorer.evaluations());
        }
        // whitened precision P = -C' H C, its eigenvalues kept in the trusted range
        double[] lambda = eigen.getRealEigenvalues();
        RealMatrix v = eigen.getV();
        double[][] inverse = new double[d][d];
        for (int k = 0; k < d; k++) {
            double l = lambda[k] >= MIN_CURVATURE && lambda[k] <= MAX_CURVATURE ? lambda[k] : 1;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    inverse[i][j] += v.getEntry(i, k) * v.getEntry(j, k) / l;
                }
            }
        }
        RealMatrix whitenedCovariance = new Array2DRowRealMatrix(inverse, false);
        double[] step = c.multiply(whitenedCovariance).operate(c.transpose().operate(g0)); // Newton: C P^-1 C' g
        double[] newMean = mean.clone();
        for (int i = 0; i < d; i++) {
            newMean[i] += step[i];
        }
        RealMatrix covariance = c.multiply(whitenedCovariance).multiply(c.transpose());
        double[][] symmetric = covariance.getData();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                symmetric[i][j] = symmetric[j][i];
            }
        }
        double[][] lower = choleskyFactor(symmetric);
        Estimate corrected = DrawnGaussian.elbo(new Cholesky(newMean, lower), noise, scorer);
        boolean better = corrected.mean() > original.mean();
        return new Gaussian(better ? newMean : mean, better ? lower : c.getData(), better ? corrected : original, better,
                gradients.evaluations(), scorer.evaluations());
    }

    /**
     * The eigen-decomposition, or null where the curvature has values too extreme for it (a
     * posterior whose density changes by 1e300 across a thousandth of an sd, as an unbounded GP
     * length-scale's can): Pathfinder's Gaussian then stands, as it does for a non-finite gradient.
     */
    private static EigenDecomposition eigenOf(RealMatrix curvature) {
        for (double[] row : curvature.getData()) {
            for (double x : row) {
                if (!Double.isFinite(x)) {
                    return null;
                }
            }
        }
        try {
            return new EigenDecomposition(curvature);
        } catch (org.apache.commons.math3.exception.MaxCountExceededException e) {
            return null;
        }
    }

    /** -C' H C by central differences of the gradient along each column of C; null if a gradient is not finite. */
    private static RealMatrix whitenedCurvature(double[] mean, RealMatrix c, LogDensity.Evaluator gradients) {
        int d = mean.length;
        double[][] hc = new double[d][d]; // column k: H c_k
        double[] up = new double[d];
        double[] down = new double[d];
        double[] point = new double[d];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < d; i++) {
                point[i] = mean[i] + STEP * c.getEntry(i, k);
            }
            double a = gradients.valueAndGradient(point, up);
            for (int i = 0; i < d; i++) {
                point[i] = mean[i] - STEP * c.getEntry(i, k);
            }
            double b = gradients.valueAndGradient(point, down);
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                return null;
            }
            for (int i = 0; i < d; i++) {
                hc[i][k] = (up[i] - down[i]) / (2 * STEP);
            }
        }
        double[][] p = c.transpose().multiply(new Array2DRowRealMatrix(hc, false)).scalarMultiply(-1).getData();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double mean2 = 0.5 * (p[i][j] + p[j][i]);
                p[i][j] = mean2;
                p[j][i] = mean2;
            }
        }
        return new Array2DRowRealMatrix(p, false);
    }

    /**
     * The lower Cholesky factor of a covariance that is positive definite in exact arithmetic
     * but, at a condition number near 1e16, may not be in floating point: then with the least
     * jitter on the diagonal, from 1e-12 of its mean upwards, that makes it so.
     */
    static double[][] choleskyFactor(double[][] covariance) {
        int d = covariance.length;
        double scale = 0;
        for (int i = 0; i < d; i++) {
            scale += covariance[i][i] / d;
        }
        for (double jitter = 0; ; jitter = jitter == 0 ? 1e-12 * scale : 10 * jitter) {
            double[][] m = new double[d][];
            for (int i = 0; i < d; i++) {
                m[i] = covariance[i].clone();
                m[i][i] += jitter;
            }
            try {
                return new CholeskyDecomposition(new Array2DRowRealMatrix(m, false), 1e-12, 0).getL().getData();
            } catch (org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException e) {
                if (jitter > scale) {
                    throw e;
                }
            }
        }
    }

    /** A Gaussian by its mean and lower Cholesky factor. */
    private record Cholesky(double[] mean, double[][] lower) implements DrawnGaussian {
        public int dimension() {
            return mean.length;
        }

        public void draw(double[] xi, double[] into) {
            for (int i = 0; i < mean.length; i++) {
                double acc = mean[i];
                for (int j = 0; j <= i; j++) {
                    acc += lower[i][j] * xi[j];
                }
                into[i] = acc;
            }
        }

        public double logDensityOfDraw(double[] xi) {
            double logDet = 0;
            for (int i = 0; i < mean.length; i++) {
                logDet += Math.log(lower[i][i]);
            }
            return -0.5 * (mean.length * Math.log(2 * Math.PI) + Lbfgs.dot(xi, xi)) - logDet;
        }
    }
}
