package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** half_normal(sigma): |X| for X ~ normal(0, sigma). */
final class HalfNormal extends ReparameterisedDensity implements FoldedScaleTails {
    /** log 2 - 0.5 log(2 pi): folding doubles the normal density. */
    private static final double LOG_NORMALISER = Math.log(2) - 0.5 * Special.LOG_2PI;

    HalfNormal() {
        super("half_normal", Support.POSITIVE, List.of("sigma"), List.of(Support.POSITIVE));
    }

    @Override
    public double logDensity(double x, double sigma, double unused1, double unused2) {
        if (x < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double z = x / sigma;
        return LOG_NORMALISER - Math.log(sigma) - 0.5 * z * z;
    }

    @Override
    public void gradient(double x, double sigma, double unused1, double unused2, double[] g) {
        if (x < 0) {
            Arrays.fill(g, 0);
            return;
        }
        double z = x / sigma;
        g[0] = -z / sigma;
        g[1] = (z * z - 1) / sigma;
    }

    @Override
    public Leaf.Noise.Kind noise() {
        return Leaf.Noise.Kind.NORMAL;
    }

    @Override
    public double draw(double eps, double sigma, double unused) {
        return Math.abs(sigma * eps);
    }

    @Override
    public void drawGradient(double eps, double sigma, double unused, double y, double[] g) {
        double sign = Math.signum(sigma * eps);
        g[0] = sign * sigma;
        g[1] = sign * eps;
        g[2] = 0;
    }

    /** F = 2 Phi(t) - 1 = 1 - 2 Phi(-t), t = x / sigma, as log1m_exp of the upper tail's log. */
    @Override
    public double logCdf(double x, double sigma, double unused1, double unused2) {
        return x <= 0 ? Double.NEGATIVE_INFINITY : Special.log1mExp(logCcdf(x, sigma, 0, 0));
    }

    @Override
    public double logCcdf(double x, double sigma, double unused1, double unused2) {
        return x <= 0 ? 0 : Special.LOG_2 + Special.logPhi(-x / sigma);
    }
}
