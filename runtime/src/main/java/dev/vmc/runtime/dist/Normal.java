package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/** normal(mu, sigma): location and scale. */
final class Normal extends ReparameterisedDensity implements Cumulative {
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

    /**
     * The bulk form: 1 / sigma and log sigma are computed only when sigma changes from one
     * element to the next, so a shared sigma (the usual likelihood) costs one log per
     * particle, not one per element, and the same loop serves a sigma per element.
     */
    @Override
    void values(DensityOp.Operands in, double[] out, int offset) {
        double[] x = in.data[0], mu = in.data[1], sd = in.data[2];
        int ox = in.offset[0], om = in.offset[1], os = in.offset[2];
        int sx = in.stride[0], sm = in.stride[1], ss = in.stride[2];
        double sigma = Double.NaN, inverse = 0, logNormaliser = 0;
        for (int e = 0; e < in.length; e++) {
            double s = sd[os + e * ss];
            if (s != sigma) { // always true for the first element, and for NaN, which then propagates
                sigma = s;
                inverse = 1 / s;
                logNormaliser = Math.log(s) + 0.5 * Special.LOG_2PI;
            }
            double z = (x[ox + e * sx] - mu[om + e * sm]) * inverse;
            out[offset + e] = -0.5 * z * z - logNormaliser;
        }
    }

    @Override
    void partials(DensityOp.Operands in, double[][] partials) {
        double[] x = in.data[0], mu = in.data[1], sd = in.data[2];
        int ox = in.offset[0], om = in.offset[1], os = in.offset[2];
        int sx = in.stride[0], sm = in.stride[1], ss = in.stride[2];
        double[] dx = partials[0], dmu = partials[1], dsigma = partials[2];
        double sigma = Double.NaN, inverse = 0;
        for (int e = 0; e < in.length; e++) {
            double s = sd[os + e * ss];
            if (s != sigma) {
                sigma = s;
                inverse = 1 / s;
            }
            double z = (x[ox + e * sx] - mu[om + e * sm]) * inverse;
            double dz = z * inverse;
            if (dx != null) {
                dx[e] = -dz;
            }
            if (dmu != null) {
                dmu[e] = dz;
            }
            if (dsigma != null) {
                dsigma[e] = (z * z - 1) * inverse;
            }
        }
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

    @Override
    public double logCdf(double x, double mu, double sigma, double unused) {
        return Special.logPhi((x - mu) / sigma);
    }

    @Override
    public double logCcdf(double x, double mu, double sigma, double unused) {
        return Special.logPhi((mu - x) / sigma);
    }

    @Override
    public void logCumulativeGradient(double x, double mu, double sigma, double unused, boolean upper, double[] g) {
        double z = (x - mu) / sigma;
        LocationScale.tailPartials(z, sigma, -0.5 * z * z - 0.5 * Special.LOG_2PI, Special.logPhi(upper ? -z : z), upper, g, 1);
    }
}
