package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/** gumbel(mu, beta): location and scale of the largest-extreme-value law; drawn as mu - beta log(-log u). */
final class Gumbel extends ReparameterisedDensity implements Cumulative {
    Gumbel() {
        super("gumbel", Support.REAL, List.of("mu", "beta"), List.of(Support.REAL, Support.POSITIVE));
    }

    @Override
    public double logDensity(double x, double mu, double beta, double unused) {
        double z = (x - mu) / beta;
        return -z - Math.exp(-z) - Math.log(beta);
    }

    @Override
    public void gradient(double x, double mu, double beta, double unused, double[] g) {
        double z = (x - mu) / beta;
        double slope = Math.expm1(-z); // d log f / dz = -1 + exp(-z)
        g[0] = slope / beta;
        g[1] = -slope / beta;
        g[2] = -(slope * z + 1) / beta;
    }

    /** F(z) = exp(-exp(-z)). */
    @Override
    public double logCdf(double x, double mu, double beta, double unused) {
        return -Math.exp((mu - x) / beta);
    }

    @Override
    public double logCcdf(double x, double mu, double beta, double unused) {
        return Special.log1mExp(-Math.exp((mu - x) / beta));
    }

    @Override
    public void logCumulativeGradient(double x, double mu, double beta, double unused, boolean upper, double[] g) {
        double z = (x - mu) / beta;
        double logTail = upper ? logCcdf(x, mu, beta, 0) : logCdf(x, mu, beta, 0);
        LocationScale.tailPartials(z, beta, -z - Math.exp(-z), logTail, upper, g, 1);
    }

    @Override
    public Leaf.Noise.Kind noise() {
        return Leaf.Noise.Kind.UNIFORM;
    }

    @Override
    public double draw(double u, double mu, double beta) {
        return mu - beta * Math.log(-Math.log(ScalarDraw.open(u)));
    }

    @Override
    public void drawGradient(double u, double mu, double beta, double y, double[] g) {
        double v = ScalarDraw.open(u);
        g[0] = beta / (v * -Math.log(v));
        g[1] = 1;
        g[2] = (y - mu) / beta;
    }
}
