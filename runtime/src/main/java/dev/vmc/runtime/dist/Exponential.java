package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** exponential(lambda): rate lambda, mean 1 / lambda. */
final class Exponential extends ReparameterisedDensity implements Cumulative {
    Exponential() {
        super("exponential", Support.POSITIVE, List.of("lambda"), List.of(Support.POSITIVE));
    }

    @Override
    public double logDensity(double x, double lambda, double unused1, double unused2) {
        // x = 0 keeps its finite density (the sampler can return it), as Stan does
        if (x < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.log(lambda) - lambda * x;
    }

    @Override
    public void gradient(double x, double lambda, double unused1, double unused2, double[] g) {
        if (x < 0) {
            Arrays.fill(g, 0);
            return;
        }
        g[0] = -lambda;
        g[1] = 1 / lambda - x;
    }

    @Override
    public Leaf.Noise.Kind noise() {
        return Leaf.Noise.Kind.UNIFORM;
    }

    /** -log(1 - u) / lambda: uniform noise lies in [0, 1), so 1 - u is never 0 and log1p keeps small u exact. */
    @Override
    public double draw(double u, double lambda, double unused) {
        return -Math.log1p(-u) / lambda;
    }

    @Override
    public void drawGradient(double u, double lambda, double unused, double y, double[] g) {
        g[0] = 1 / ((1 - u) * lambda);
        g[1] = -y / lambda;
        g[2] = 0;
    }

    /** log(1 - exp(-lambda x)), by log1m_exp, which keeps small lambda x accurate. */
    @Override
    public double logCdf(double x, double lambda, double unused1, double unused2) {
        return x <= 0 ? Double.NEGATIVE_INFINITY : Special.log1mExp(-lambda * x);
    }

    @Override
    public double logCcdf(double x, double lambda, double unused1, double unused2) {
        return x <= 0 ? 0 : -lambda * x;
    }

    @Override
    public void logCumulativeGradient(double x, double lambda, double unused1, double unused2, boolean upper, double[] g) {
        Arrays.fill(g, 0);
        if (x <= 0) {
            return;
        }
        if (upper) {
            g[0] = -lambda;
            g[1] = -x;
            return;
        }
        double odds = 1 / Math.expm1(lambda * x); // exp(-lambda x) / (1 - exp(-lambda x))
        g[0] = lambda * odds;
        g[1] = x * odds;
    }
}
