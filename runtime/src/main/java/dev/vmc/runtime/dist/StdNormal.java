package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/** std_normal(): normal(0, 1), with no parameters; drawn as the noise itself. */
final class StdNormal extends ReparameterisedDensity implements Cumulative {
    StdNormal() {
        super("std_normal", Support.REAL, List.of(), List.of());
    }

    @Override
    public double logDensity(double x, double unused1, double unused2, double unused3) {
        return -0.5 * x * x - 0.5 * Special.LOG_2PI;
    }

    @Override
    public void gradient(double x, double unused1, double unused2, double unused3, double[] g) {
        g[0] = -x;
    }

    @Override
    public double logCdf(double x, double unused1, double unused2, double unused3) {
        return Special.logPhi(x);
    }

    @Override
    public double logCcdf(double x, double unused1, double unused2, double unused3) {
        return Special.logPhi(-x);
    }

    @Override
    public void logCumulativeGradient(double x, double unused1, double unused2, double unused3, boolean upper, double[] g) {
        g[0] = (upper ? -1 : 1) * Math.exp(logDensity(x, 0, 0, 0) - Special.logPhi(upper ? -x : x));
    }

    @Override
    public Leaf.Noise.Kind noise() {
        return Leaf.Noise.Kind.NORMAL;
    }

    @Override
    public double draw(double eps, double unused1, double unused2) {
        return eps;
    }

    @Override
    public void drawGradient(double eps, double unused1, double unused2, double y, double[] g) {
        g[0] = 1;
        g[1] = 0;
        g[2] = 0;
    }
}
