package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** frechet(alpha, sigma): shape and scale; drawn as sigma E^(-1 / alpha), E a standard exponential. */
final class Frechet extends ReparameterisedDensity implements Cumulative {
    Frechet() {
        super("frechet", Support.POSITIVE, List.of("alpha", "sigma"), List.of(Support.POSITIVE, Support.POSITIVE));
    }

    @Override
    public double logDensity(double x, double alpha, double sigma, double unused) {
        if (x <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double t = x / sigma;
        return Math.log(alpha / sigma) - (1 + alpha) * Math.log(t) - Math.pow(t, -alpha);
    }

    @Override
    public void gradient(double x, double alpha, double sigma, double unused, double[] g) {
        if (x <= 0) {
            Arrays.fill(g, 0);
            return;
        }
        double t = x / sigma;
        double p = Math.pow(t, -alpha);
        g[0] = (alpha * p - (1 + alpha)) / x;
        g[1] = 1 / alpha - Math.log(t) * (1 - p);
        g[2] = alpha * (1 - p) / sigma;
    }

    /** F = exp(-p), p = (x / sigma)^-alpha: the lower tail is what the upper is for a survival exponent. */
    @Override
    public double logCdf(double x, double alpha, double sigma, double unused) {
        return x <= 0 ? Double.NEGATIVE_INFINITY : SurvivalExponent.logTail(Math.pow(x / sigma, -alpha), true);
    }

    @Override
    public double logCcdf(double x, double alpha, double sigma, double unused) {
        return x <= 0 ? 0 : SurvivalExponent.logTail(Math.pow(x / sigma, -alpha), false);
    }

    /** Both tails are functions of p, the CDF being e^-p: the mirror of {@link SurvivalExponent}'s tails. */
    @Override
    public void logCumulativeGradient(double x, double alpha, double sigma, double unused, boolean upper, double[] g) {
        Arrays.fill(g, 0);
        if (x <= 0) {
            return;
        }
        double t = x / sigma;
        double p = Math.pow(t, -alpha);
        double slope = SurvivalExponent.slope(p, !upper);
        g[0] = -slope * alpha * p / x;
        g[1] = -slope * p * Math.log(t);
        g[2] = slope * alpha * p / sigma;
    }

    @Override
    public Leaf.Noise.Kind noise() {
        return Leaf.Noise.Kind.UNIFORM;
    }

    @Override
    public double draw(double u, double alpha, double sigma) {
        return sigma * Math.pow(-Math.log(ScalarDraw.open(u)), -1 / alpha);
    }

    @Override
    public void drawGradient(double u, double alpha, double sigma, double y, double[] g) {
        double v = ScalarDraw.open(u);
        double e = -Math.log(v);
        g[0] = y / (alpha * e * v);
        g[1] = y * Math.log(e) / (alpha * alpha);
        g[2] = y / sigma;
    }
}
