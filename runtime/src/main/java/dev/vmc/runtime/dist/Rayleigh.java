package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** rayleigh(sigma): the length of a 2-d normal(0, sigma) vector; drawn as sigma sqrt(2 E), E a standard exponential. */
final class Rayleigh extends ReparameterisedDensity implements Cumulative {
    Rayleigh() {
        super("rayleigh", Support.POSITIVE, List.of("sigma"), List.of(Support.POSITIVE));
    }

    @Override
    public double logDensity(double x, double sigma, double unused1, double unused2) {
        if (x < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double t = x / sigma;
        return Math.log(x) - 2 * Math.log(sigma) - 0.5 * t * t;
    }

    @Override
    public void gradient(double x, double sigma, double unused1, double unused2, double[] g) {
        if (x <= 0) {
            Arrays.fill(g, 0);
            return;
        }
        g[0] = 1 / x - x / (sigma * sigma);
        g[1] = -2 / sigma + x * x / (sigma * sigma * sigma);
    }

    /** F = 1 - exp(-x^2 / (2 sigma^2)). */
    @Override
    public double logCdf(double x, double sigma, double unused1, double unused2) {
        double t = x / sigma;
        return x <= 0 ? Double.NEGATIVE_INFINITY : Special.log1mExp(-0.5 * t * t);
    }

    @Override
    public double logCcdf(double x, double sigma, double unused1, double unused2) {
        double t = x / sigma;
        return x <= 0 ? 0 : -0.5 * t * t;
    }

    /** Functions of p = x^2 / (2 sigma^2), as weibull's with alpha = 2. */
    @Override
    public void logCumulativeGradient(double x, double sigma, double unused1, double unused2, boolean upper, double[] g) {
        Arrays.fill(g, 0);
        if (x <= 0) {
            return;
        }
        double t = x / sigma;
        double p = 0.5 * t * t;
        double slope = upper ? -1 : 1 / Math.expm1(p);
        g[0] = slope * 2 * p / x;
        g[1] = -slope * 2 * p / sigma;
    }

    @Override
    public Leaf.Noise.Kind noise() {
        return Leaf.Noise.Kind.UNIFORM;
    }

    @Override
    public double draw(double u, double sigma, double unused) {
        return sigma * Math.sqrt(-2 * Math.log1p(-ScalarDraw.open(u)));
    }

    @Override
    public void drawGradient(double u, double sigma, double unused, double y, double[] g) {
        double v = ScalarDraw.open(u);
        g[0] = sigma * sigma / (y * (1 - v));
        g[1] = y / sigma;
        g[2] = 0;
    }
}
