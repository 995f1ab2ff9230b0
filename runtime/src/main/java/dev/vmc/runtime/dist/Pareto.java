package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/**
 * pareto(y_min, alpha): scale and shape, density alpha y_min^alpha / y^(alpha + 1) for y >= y_min;
 * the survival function is (y_min / y)^alpha, so p = alpha log(y / y_min) in {@link SurvivalExponent}.
 * Drawn as y_min e^(E / alpha), E a standard exponential. Its support is y >= y_min, which the
 * declared support (> 0) contains: a latent with it should be declared {@code <lower=y_min>}.
 */
final class Pareto extends ReparameterisedDensity implements Cumulative {
    Pareto() {
        super("pareto", Support.POSITIVE, List.of("y_min", "alpha"), List.of(Support.POSITIVE, Support.POSITIVE));
    }

    @Override
    public double logDensity(double y, double yMin, double alpha, double unused) {
        if (!(y >= yMin)) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.log(alpha) + alpha * Math.log(yMin) - (alpha + 1) * Math.log(y);
    }

    @Override
    public void gradient(double y, double yMin, double alpha, double unused, double[] g) {
        if (!(y >= yMin)) {
            Arrays.fill(g, 0);
            return;
        }
        g[0] = -(alpha + 1) / y;
        g[1] = alpha / yMin;
        g[2] = 1 / alpha - Math.log(y / yMin);
    }

    @Override
    public double logCdf(double y, double yMin, double alpha, double unused) {
        return y <= yMin ? Double.NEGATIVE_INFINITY : SurvivalExponent.logTail(alpha * Math.log(y / yMin), false);
    }

    @Override
    public double logCcdf(double y, double yMin, double alpha, double unused) {
        return y <= yMin ? 0 : SurvivalExponent.logTail(alpha * Math.log(y / yMin), true);
    }

    @Override
    public void logCumulativeGradient(double y, double yMin, double alpha, double unused, boolean upper, double[] g) {
        Arrays.fill(g, 0);
        if (y <= yMin) {
            return;
        }
        double logRatio = Math.log(y / yMin);
        double slope = SurvivalExponent.slope(alpha * logRatio, upper);
        g[0] = slope * alpha / y;
        g[1] = -slope * alpha / yMin;
        g[2] = slope * logRatio;
    }

    @Override
    public Leaf.Noise.Kind noise() {
        return Leaf.Noise.Kind.UNIFORM;
    }

    @Override
    public double draw(double u, double yMin, double alpha) {
        return yMin * Math.exp(-Math.log1p(-ScalarDraw.open(u)) / alpha);
    }

    @Override
    public void drawGradient(double u, double yMin, double alpha, double y, double[] g) {
        double v = ScalarDraw.open(u);
        double e = -Math.log1p(-v);
        g[0] = y / (alpha * (1 - v));
        g[1] = y / yMin;
        g[2] = -y * e / (alpha * alpha);
    }
}
