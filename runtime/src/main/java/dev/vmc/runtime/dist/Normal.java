package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/** normal(mu, sigma): location and scale. */
final class Normal extends ReparameterisedDensity {
    Normal() {
        super("normal", Support.REAL, List.of("mu", "sigma"), List.of(Support.REAL, Support.POSITIVE));
    }

    @Override
    public double logDensity(double x, double mu, double sigma, double unused) {
        double z = (x - mu) / sigma;
        return -0.5 * z * z - Math.log(sigma) - 0.5 * Special.LOG_2PI;
    }

    @Override
    public void gradient(double x, double mu, double sigma, double unused, double[] g) {
        double z = (x - mu) / sigma;
        g[0] = -z / sigma;
        g[1] = z / sigma;
        g[2] = (z * z - 1) / sigma;
    }

    @Override
    public Leaf.Noise.Kind noise() {
        return Leaf.Noise.Kind.NORMAL;
    }

    @Override
    public double draw(double eps, double mu, double sigma) {
        return mu + sigma * eps;
    }

    @Override
    public void drawGradient(double eps, double mu, double sigma, double y, double[] g) {
        g[0] = sigma;
        g[1] = 1;
        g[2] = eps;
    }
}
