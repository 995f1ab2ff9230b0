package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/** cauchy(mu, sigma): location and scale; drawn by inverting the cdf at uniform noise. */
final class Cauchy extends ReparameterisedDensity implements Cumulative {
    Cauchy() {
        super("cauchy", Support.REAL, List.of("mu", "sigma"), List.of(Support.REAL, Support.POSITIVE));
    }

    @Override
    public double logDensity(double x, double mu, double sigma, double unused) {
        double z = (x - mu) / sigma;
        return -Special.LOG_PI - Math.log(sigma) - Math.log1p(z * z);
    }

    @Override
    public void gradient(double x, double mu, double sigma, double unused, double[] g) {
        double z = (x - mu) / sigma;
        double pull = 2 * z / (1 + z * z);
        g[0] = -pull / sigma;
        g[1] = pull / sigma;
        g[2] = (pull * z - 1) / sigma;
    }

    @Override
    public Leaf.Noise.Kind noise() {
        return Leaf.Noise.Kind.UNIFORM;
    }

    @Override
    public double draw(double u, double mu, double sigma) {
        return mu + sigma * Math.tan(Math.PI * (u - 0.5));
    }

    @Override
    public void drawGradient(double u, double mu, double sigma, double y, double[] g) {
        double t = Math.tan(Math.PI * (u - 0.5));
        g[0] = sigma * Math.PI * (1 + t * t);
        g[1] = 1;
        g[2] = t;
    }

    /** 1/2 + atan(z) / pi, written as atan2(1, -z) / pi, which keeps its relative accuracy far in the lower tail. */
    @Override
    public double logCdf(double x, double mu, double sigma, double unused) {
        return Math.log(Math.atan2(1, (mu - x) / sigma) / Math.PI);
    }

    @Override
    public double logCcdf(double x, double mu, double sigma, double unused) {
        return Math.log(Math.atan2(1, (x - mu) / sigma) / Math.PI);
    }

    @Override
    public void logCumulativeGradient(double x, double mu, double sigma, double unused, boolean upper, double[] g) {
        double z = (x - mu) / sigma;
        double logTail = upper ? logCcdf(x, mu, sigma, 0) : logCdf(x, mu, sigma, 0);
        LocationScale.tailPartials(z, sigma, -Special.LOG_PI - Math.log1p(z * z), logTail, upper, g, 1);
    }
}
