package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** weibull(alpha, sigma): shape and scale; drawn as sigma E^(1 / alpha), E a standard exponential. */
final class Weibull extends ReparameterisedDensity implements Cumulative {
    Weibull() {
        super("weibull", Support.POSITIVE, List.of("alpha", "sigma"), List.of(Support.POSITIVE, Support.POSITIVE));
    }

    @Override
    public double logDensity(double x, double alpha, double sigma, double unused) {
        if (x < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double t = x / sigma;
        return Math.log(alpha / sigma) + Special.multiplyLog(alpha - 1, t) - Math.pow(t, alpha);
    }

    @Override
    public void gradient(double x, double alpha, double sigma, double unused, double[] g) {
        if (x <= 0) {
            Arrays.fill(g, 0);
            return;
        }
        double t = x / sigma;
        double p = Math.pow(t, alpha);
        double logT = Math.log(t);
        g[0] = ((alpha - 1) - alpha * p) / x;
        g[1] = 1 / alpha + logT * (1 - p);
        g[2] = alpha * (p - 1) / sigma;
    }

    /** F = 1 - exp(-(x / sigma)^alpha). */
    @Override
    public double logCdf(double x, double alpha, double sigma, double unused) {
        return x <= 0 ? Double.NEGATIVE_INFINITY : SurvivalExponent.logTail(Math.pow(x / sigma, alpha), false);
    }

    @Override
    public double logCcdf(double x, double alpha, double sigma, double unused) {
        return x <= 0 ? 0 : SurvivalExponent.logTail(Math.pow(x / sigma, alpha), true);
    }

    /** Both tails are functions of p = (x / sigma)^alpha, the survival function being e^-p. */
    @Override
    public void logCumulativeGradient(double x, double alpha, double sigma, double unused, boolean upper, double[] g) {
        Arrays.fill(g, 0);
        if (x <= 0) {
            return;
        }
        double t = x / sigma;
        double p = Math.pow(t, alpha);
        double slope = SurvivalExponent.slope(p, upper);
        g[0] = slope * alpha * p / x;
        g[1] = slope * p * Math.log(t);
        g[2] = -slope * alpha * p / sigma;
    }

    @Override
    public Leaf.Noise.Kind noise() {
        return Leaf.Noise.Kind.UNIFORM;
    }

    @Override
    public double draw(double u, double alpha, double sigma) {
        return sigma * Math.pow(-Math.log1p(-ScalarDraw.open(u)), 1 / alpha);
    }

    @Override
    public void drawGradient(double u, double alpha, double sigma, double y, double[] g) {
        double v = ScalarDraw.open(u);
        double e = -Math.log1p(-v);
        g[0] = y / (alpha * e * (1 - v));
        g[1] = -y * Math.log(e) / (alpha * alpha);
        g[2] = y / sigma;
    }
}
