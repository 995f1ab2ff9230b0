package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Bessel;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/**
 * von_mises(mu, kappa): location and concentration of the circular law, density
 * exp(kappa cos(y - mu)) / (2 pi I0(kappa)) for any real y (it has period 2 pi, and integrates to
 * 1 over any interval of that length, which a latent's bounds should give it, as Stan advises).
 * kappa = 0 is the uniform law on the circle. log I0 is taken without forming I0, which
 * overflows past kappa = 713 (see {@link Bessel}).
 *
 * <p>Its CDF is Stan's: the law on [-pi, pi] (mu taken modulo 2 pi), P(Y <= y) = G(y - mu) -
 * G(-pi - mu) with G {@link VonMisesCdf}'s antiderivative, and the upper tail G(pi - mu) - G(y - mu)
 * in its own right; 0 and 1 outside [-pi, pi]. Each is a difference, so a tail below about 1e-14
 * has no digits left and rounds to 0 (as Stan's does).
 */
final class VonMises extends ScalarDensity implements Cumulative {
    VonMises() {
        super("von_mises", Support.REAL, List.of("mu", "kappa"), List.of(Support.REAL, Support.POSITIVE));
    }

    @Override
    public double logDensity(double y, double mu, double kappa, double unused) {
        return kappa * Math.cos(y - mu) - Special.LOG_2PI - Bessel.logI0(kappa);
    }

    @Override
    public void gradient(double y, double mu, double kappa, double unused, double[] g) {
        double slope = -kappa * Math.sin(y - mu);
        g[0] = slope;
        g[1] = -slope;
        g[2] = Math.cos(y - mu) - Bessel.i1OverI0(kappa);
    }

    /**
     * The bulk forms: log I0(kappa) and I1 / I0, up to 60 terms of a series each, once per
     * distinct kappa rather than once per element (a vector of angles with one kappa is the
     * usual case).
     */
    @Override
    void values(DensityOp.Operands in, double[] out, int offset) {
        double kappa = Double.NaN;
        double logI0 = Double.NaN;
        for (int e = 0; e < in.length; e++) {
            double k = in.at(2, e);
            if (k != kappa) { // always true for the first element, and for NaN, which then propagates
                kappa = k;
                logI0 = Bessel.logI0(k);
            }
            out[offset + e] = k * Math.cos(in.at(0, e) - in.at(1, e)) - Special.LOG_2PI - logI0;
        }
    }

    @Override
    void partials(DensityOp.Operands in, double[][] partials) {
        double kappa = Double.NaN;
        double ratio = Double.NaN;
        for (int e = 0; e < in.length; e++) {
            double k = in.at(2, e);
            double d = in.at(0, e) - in.at(1, e);
            double slope = -k * Math.sin(d);
            if (partials[0] != null) {
                partials[0][e] = slope;
            }
            if (partials[1] != null) {
                partials[1][e] = -slope;
            }
            if (partials[2] != null) {
                if (k != kappa) {
                    kappa = k;
                    ratio = Bessel.i1OverI0(k);
                }
                partials[2][e] = Math.cos(d) - ratio;
            }
        }
    }

    @Override
    public double logCdf(double y, double mu, double kappa, double unused) {
        if (y <= -Math.PI) {
            return Double.NEGATIVE_INFINITY;
        }
        return y >= Math.PI ? 0 : logOf(VonMisesCdf.antiderivative(y - mu, kappa) - VonMisesCdf.antiderivative(-Math.PI - mu, kappa));
    }

    @Override
    public double logCcdf(double y, double mu, double kappa, double unused) {
        if (y >= Math.PI) {
            return Double.NEGATIVE_INFINITY;
        }
        return y <= -Math.PI ? 0 : logOf(VonMisesCdf.antiderivative(Math.PI - mu, kappa) - VonMisesCdf.antiderivative(y - mu, kappa));
    }

    /** The log of a probability found as a difference: 0 where rounding took it below 0, at most 1. */
    private static double logOf(double p) {
        return Math.log(Math.min(1, Math.max(0, p)));
    }

    /**
     * dF/dy = f(y) and dF/dmu = f(-pi) - f(y) (the interval's lower end moves with mu's frame); in
     * kappa, whose series has no handy derivative, the central difference.
     */
    @Override
    public void logCumulativeGradient(double y, double mu, double kappa, double unused, boolean upper, double[] g) {
        java.util.Arrays.fill(g, 0);
        double logTail = upper ? logCcdf(y, mu, kappa, 0) : logCdf(y, mu, kappa, 0);
        if (y <= -Math.PI || y >= Math.PI || logTail == Double.NEGATIVE_INFINITY) {
            return;
        }
        double sign = upper ? -1 : 1;
        double atY = Math.exp(logDensity(y, mu, kappa, 0) - logTail);
        double atLowerEnd = Math.exp(logDensity(-Math.PI, mu, kappa, 0) - logTail);
        g[0] = sign * atY;
        g[1] = sign * (atLowerEnd - atY);
        g[2] = centralDifference(y, mu, kappa, 0, upper, 2);
    }
}
