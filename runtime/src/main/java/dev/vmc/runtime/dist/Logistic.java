package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/** logistic(mu, sigma): location and scale; drawn by inverting the cdf, mu + sigma logit(u). */
final class Logistic extends ReparameterisedDensity implements Cumulative {
    Logistic() {
        super("logistic", Support.REAL, List.of("mu", "sigma"), List.of(Support.REAL, Support.POSITIVE));
    }

    /** log f(z) = -z - 2 log(1 + exp(-z)), as log_inv_logit(z) + log_inv_logit(-z), which never overflows. */
    private static double logStandard(double z) {
        return Special.logInvLogit(z) + Special.logInvLogit(-z);
    }

    @Override
    public double logDensity(double x, double mu, double sigma, double unused) {
        return logStandard((x - mu) / sigma) - Math.log(sigma);
    }

    @Override
    public void gradient(double x, double mu, double sigma, double unused, double[] g) {
        double z = (x - mu) / sigma;
        double slope = -Math.tanh(0.5 * z); // d log f / dz = 1 - 2 inv_logit(z)
        g[0] = slope / sigma;
        g[1] = -slope / sigma;
        g[2] = -(slope * z + 1) / sigma;
    }

    @Override
    public double logCdf(double x, double mu, double sigma, double unused) {
        return Special.logInvLogit((x - mu) / sigma);
    }

    @Override
    public double logCcdf(double x, double mu, double sigma, double unused) {
        return Special.logInvLogit((mu - x) / sigma);
    }

    @Override
    public void logCumulativeGradient(double x, double mu, double sigma, double unused, boolean upper, double[] g) {
        double z = (x - mu) / sigma;
        LocationScale.tailPartials(z, sigma, logStandard(z), Special.logInvLogit(upper ? -z : z), upper, g, 1);
    }

    @Override
    public Leaf.Noise.Kind noise() {
        return Leaf.Noise.Kind.UNIFORM;
    }

    @Override
    public double draw(double u, double mu, double sigma) {
        double v = ScalarDraw.open(u);
        return mu + sigma * (Math.log(v) - Math.log1p(-v));
    }

    @Override
    public void drawGradient(double u, double mu, double sigma, double y, double[] g) {
        double v = ScalarDraw.open(u);
        g[0] = sigma / (v * (1 - v));
        g[1] = 1;
        g[2] = (y - mu) / sigma;
    }
}
