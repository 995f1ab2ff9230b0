package dev.vmc.runtime.pathfinder;

import dev.vmc.runtime.diagnose.Estimate;
import dev.vmc.runtime.model.LogDensity;

/**
 * A Gaussian drawn from as an affine map of standard normal noise, which Pathfinder scores by
 * its ELBO: Pathfinder's own along a path, and the dense one that may replace it.
 */
interface DrawnGaussian {
    int dimension();

    /** The draw made from standard normal noise xi, into {@code into}. */
    void draw(double[] xi, double[] into);

    /** log q of the draw made from xi. */
    double logDensityOfDraw(double[] xi);

    /**
     * The ELBO estimated on the given noise, one draw per row, scored by an evaluator of as
     * many points; a draw where the log density is undefined counts as -infinity.
     */
    static Estimate elbo(DrawnGaussian q, double[][] noise, LogDensity.Evaluator density) {
        int d = q.dimension();
        int k = noise.length;
        double[] points = new double[k * d];
        double[] one = new double[d];
        double[] logP = new double[k];
        double[] weights = new double[k];
        for (int s = 0; s < k; s++) {
            q.draw(noise[s], one);
            System.arraycopy(one, 0, points, s * d, d);
        }
        density.values(points, logP);
        for (int s = 0; s < k; s++) {
            weights[s] = Double.isNaN(logP[s]) ? Double.NEGATIVE_INFINITY : logP[s] - q.logDensityOfDraw(noise[s]);
        }
        return Estimate.of(weights);
    }

    /** Standard normal noise: one row of d values per draw. */
    static double[][] noise(int draws, int d, java.util.random.RandomGenerator random) {
        double[][] noise = new double[draws][d];
        for (double[] xi : noise) {
            for (int i = 0; i < d; i++) {
                xi[i] = random.nextGaussian();
            }
        }
        return noise;
    }
}
