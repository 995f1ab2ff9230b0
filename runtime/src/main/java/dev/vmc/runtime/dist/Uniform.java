package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** uniform(a, b): flat on [a, b]; the variate's support is set by the parameters. */
final class Uniform extends ReparameterisedDensity implements Cumulative {
    Uniform() {
        super("uniform", Support.PARAMETER_BOUNDED, List.of("a", "b"), List.of(Support.REAL, Support.REAL));
    }

    @Override
    public double logDensity(double x, double a, double b, double unused) {
        // closed at both ends, as in Stan, so a draw of exactly a (u = 0) stays possible
        if (x < a || x > b) {
            return Double.NEGATIVE_INFINITY;
        }
        return -Math.log(b - a);
    }

    @Override
    public void gradient(double x, double a, double b, double unused, double[] g) {
        Arrays.fill(g, 0);
        if (x < a || x > b) {
            return;
        }
        g[1] = 1 / (b - a);
        g[2] = -1 / (b - a);
    }

    @Override
    public Leaf.Noise.Kind noise() {
        return Leaf.Noise.Kind.UNIFORM;
    }

    @Override
    public double draw(double u, double a, double b) {
        return a + (b - a) * u;
    }

    @Override
    public void drawGradient(double u, double a, double b, double y, double[] g) {
        g[0] = b - a;
        g[1] = 1 - u;
        g[2] = u;
    }

    @Override
    public double logCdf(double x, double a, double b, double unused) {
        return x <= a ? Double.NEGATIVE_INFINITY : x >= b ? 0 : Math.log((x - a) / (b - a));
    }

    @Override
    public double logCcdf(double x, double a, double b, double unused) {
        return x <= a ? 0 : x >= b ? Double.NEGATIVE_INFINITY : Math.log((b - x) / (b - a));
    }

    @Override
    public void logCumulativeGradient(double x, double a, double b, double unused, boolean upper, double[] g) {
        Arrays.fill(g, 0);
        if (x <= a || x >= b) {
            return;
        }
        double width = 1 / (b - a);
        if (upper) {
            g[0] = -1 / (b - x);
            g[1] = width;
            g[2] = 1 / (b - x) - width;
        } else {
            g[0] = 1 / (x - a);
            g[1] = -1 / (x - a) + width;
            g[2] = -width;
        }
    }
}
