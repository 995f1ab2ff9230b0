package dev.vmc.runtime.dist;

import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/**
 * pareto_type_2(mu, lambda, alpha): location, scale and shape (the Lomax law shifted to mu),
 * density (alpha / lambda) (1 + (y - mu) / lambda)^-(alpha + 1) for y >= mu; the survival
 * function is (1 + (y - mu) / lambda)^-alpha, so p = alpha log1p((y - mu) / lambda) in
 * {@link SurvivalExponent}. Below mu the density is 0.
 */
final class ParetoType2 extends ScalarDensity implements Cumulative {
    ParetoType2() {
        super("pareto_type_2", Support.REAL, List.of("mu", "lambda", "alpha"),
                List.of(Support.REAL, Support.POSITIVE, Support.POSITIVE));
    }

    @Override
    public double logDensity(double y, double mu, double lambda, double alpha) {
        if (!(y >= mu)) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.log(alpha / lambda) - (alpha + 1) * Math.log1p((y - mu) / lambda);
    }

    /** Through the log of 1 + (y - mu) / lambda, whose slope in y is 1 / (lambda + y - mu). */
    @Override
    public void gradient(double y, double mu, double lambda, double alpha, double[] g) {
        if (!(y >= mu)) {
            Arrays.fill(g, 0);
            return;
        }
        double r = 1 / (lambda + y - mu);
        g[0] = -(alpha + 1) * r;
        g[1] = (alpha + 1) * r;
        g[2] = -1 / lambda + (alpha + 1) * (y - mu) * r / lambda;
        g[3] = 1 / alpha - Math.log1p((y - mu) / lambda);
    }

    @Override
    public double logCdf(double y, double mu, double lambda, double alpha) {
        return y <= mu ? Double.NEGATIVE_INFINITY : SurvivalExponent.logTail(alpha * Math.log1p((y - mu) / lambda), false);
    }

    @Override
    public double logCcdf(double y, double mu, double lambda, double alpha) {
        return y <= mu ? 0 : SurvivalExponent.logTail(alpha * Math.log1p((y - mu) / lambda), true);
    }

    @Override
    public void logCumulativeGradient(double y, double mu, double lambda, double alpha, boolean upper, double[] g) {
        Arrays.fill(g, 0);
        if (y <= mu) {
            return;
        }
        double log1p = Math.log1p((y - mu) / lambda);
        double slope = SurvivalExponent.slope(alpha * log1p, upper);
        double r = 1 / (lambda + y - mu);
        g[0] = slope * alpha * r;
        g[1] = -slope * alpha * r;
        g[2] = -slope * alpha * (y - mu) * r / lambda;
        g[3] = slope * log1p;
    }
}
