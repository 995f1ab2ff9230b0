package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** lognormal(mu, sigma): log x is normal(mu, sigma). */
final class LogNormal extends ReparameterisedDensity implements Cumulative {
    LogNormal() {
        super("lognormal", Support.POSITIVE, List.of("mu", "sigma"), List.of(Support.REAL, Support.POSITIVE));
    }

    @Override
    public double logDensity(double x, double mu, double sigma, double unused) {
        if (x <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double logX = Math.log(x);
        double z = (logX - mu) / sigma;
        return -0.5 * z * z - Math.log(sigma) - 0.5 * Special.LOG_2PI - logX;
    }

    @Override
    public void gradient(double x, double mu, double sigma, double unused, double[] g) {
        if (x <= 0) {
            Arrays.fill(g, 0);
            return;
        }
        double z = (Math.log(x) - mu) / sigma;
        g[0] = -(z / sigma + 1) / x;
        g[1] = z / sigma;
        g[2] = (z * z - 1) / sigma;
    }

    @Override
    public Leaf.Noise.Kind noise() {
        return Leaf.Noise.Kind.NORMAL;
    }

    @Override
    public double draw(double eps, double mu, double sigma) {
        return Math.exp(mu + sigma * eps);
    }

    @Override
    public void drawGradient(double eps, double mu, double sigma, double y, double[] g) {
        g[0] = y * sigma;
        g[1] = y;
        g[2] = y * eps;
    }

    /** Normal's in log x; nothing lies at or below 0. */
    @Override
    public double logCdf(double x, double mu, double sigma, double unused) {
        return x <= 0 ? Double.NEGATIVE_INFINITY : Special.logPhi((Math.log(x) - mu) / sigma);
    }

    @Override
    public double logCcdf(double x, double mu, double sigma, double unused) {
        return x <= 0 ? 0 : Special.logPhi((mu - Math.log(x)) / sigma);
    }

    @Override
    public void logCumulativeGradient(double x, double mu, double sigma, double unused, boolean upper, double[] g) {
        if (x <= 0) {
            Arrays.fill(g, 0);
            return;
        }
        double z = (Math.log(x) - mu) / sigma;
        LocationScale.tailPartials(z, sigma, -0.5 * z * z - 0.5 * Special.LOG_2PI, Special.logPhi(upper ? -z : z), upper, g, 1);
        g[0] /= x;
    }
}
