package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/** double_exponential(mu, sigma): the Laplace law, location and scale; drawn by inverting the cdf. */
final class DoubleExponential extends ReparameterisedDensity implements Cumulative {
    DoubleExponential() {
        super("double_exponential", Support.REAL, List.of("mu", "sigma"), List.of(Support.REAL, Support.POSITIVE));
    }

    @Override
    public double logDensity(double x, double mu, double sigma, double unused) {
        return -Special.LOG_2 - Math.log(sigma) - Math.abs(x - mu) / sigma;
    }

    /** At x = mu, where |x - mu| has no derivative, the partials take sign(0) = 0, as Stan's do. */
    @Override
    public void gradient(double x, double mu, double sigma, double unused, double[] g) {
        double sign = Math.signum(x - mu);
        g[0] = -sign / sigma;
        g[1] = sign / sigma;
        g[2] = (Math.abs(x - mu) / sigma - 1) / sigma;
    }

    /** The tail of z beyond 0 on its own side: exp(-|z|) / 2. */
    private static double logTail(double z) {
        return z < 0 ? z - Special.LOG_2 : Math.log1p(-0.5 * Math.exp(-z));
    }

    @Override
    public double logCdf(double x, double mu, double sigma, double unused) {
        return logTail((x - mu) / sigma);
    }

    @Override
    public double logCcdf(double x, double mu, double sigma, double unused) {
        return logTail((mu - x) / sigma);
    }

    @Override
    public void logCumulativeGradient(double x, double mu, double sigma, double unused, boolean upper, double[] g) {
        double z = (x - mu) / sigma;
        LocationScale.tailPartials(z, sigma, -Special.LOG_2 - Math.abs(z), logTail(upper ? -z : z), upper, g, 1);
    }

    @Override
    public Leaf.Noise.Kind noise() {
        return Leaf.Noise.Kind.UNIFORM;
    }

    @Override
    public double draw(double u, double mu, double sigma) {
        double d = ScalarDraw.open(u) - 0.5;
        return mu - sigma * Math.signum(d) * Math.log1p(-2 * Math.abs(d));
    }

    @Override
    public void drawGradient(double u, double mu, double sigma, double y, double[] g) {
        double d = ScalarDraw.open(u) - 0.5;
        g[0] = 2 * sigma / (1 - 2 * Math.abs(d));
        g[1] = 1;
        g[2] = (y - mu) / sigma;
    }
}
