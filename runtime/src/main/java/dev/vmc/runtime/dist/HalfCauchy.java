package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** half_cauchy(sigma): |X| for X ~ cauchy(0, sigma). */
final class HalfCauchy extends ReparameterisedDensity implements FoldedScaleTails {
    private static final double LOG_NORMALISER = Math.log(2) - Special.LOG_PI;

    HalfCauchy() {
        super("half_cauchy", Support.POSITIVE, List.of("sigma"), List.of(Support.POSITIVE));
    }

    @Override
    public double logDensity(double x, double sigma, double unused1, double unused2) {
        if (x < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double z = x / sigma;
        return LOG_NORMALISER - Math.log(sigma) - Math.log1p(z * z);
    }

    @Override
    public void gradient(double x, double sigma, double unused1, double unused2, double[] g) {
        if (x < 0) {
            Arrays.fill(g, 0);
            return;
        }
        double z = x / sigma;
        double pull = 2 * z / (1 + z * z);
        g[0] = -pull / sigma;
        g[1] = (pull * z - 1) / sigma;
    }

    @Override
    public Leaf.Noise.Kind noise() {
        return Leaf.Noise.Kind.UNIFORM;
    }

    /**
     * sigma * tan(pi u / 2), the inverse cdf: u in [0, 1) keeps the angle below pi / 2, so the
     * draw is finite and non-negative without taking an absolute value.
     */
    @Override
    public double draw(double u, double sigma, double unused) {
        return sigma * Math.tan(0.5 * Math.PI * u);
    }

    @Override
    public void drawGradient(double u, double sigma, double unused, double y, double[] g) {
        double t = Math.tan(0.5 * Math.PI * u);
        g[0] = sigma * 0.5 * Math.PI * (1 + t * t);
        g[1] = t;
        g[2] = 0;
    }

    /** F = (2 / pi) atan(t), t = x / sigma; the upper tail (2 / pi) atan2(1, t) keeps its digits far out. */
    @Override
    public double logCdf(double x, double sigma, double unused1, double unused2) {
        return x <= 0 ? Double.NEGATIVE_INFINITY : Math.log(2 / Math.PI * Math.atan(x / sigma));
    }

    @Override
    public double logCcdf(double x, double sigma, double unused1, double unused2) {
        return x <= 0 ? 0 : Math.log(2 / Math.PI * Math.atan2(1, x / sigma));
    }
}
