package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/**
 * exp_mod_normal(mu, sigma, lambda): a normal(mu, sigma) plus an independent exponential(lambda).
 * Stan writes its density (lambda / 2) exp((lambda / 2)(2 mu + lambda sigma^2 - 2 y)) erfc(z),
 * z = (mu + lambda sigma^2 - y) / (sqrt(2) sigma); since erfc(z) = 2 Phi(-sqrt(2) z), that is
 * lambda exp(v) Phi(w) with v = lambda (mu - y) + lambda^2 sigma^2 / 2 and w = u - lambda sigma,
 * u = (y - mu) / sigma. The log takes log Phi in its stable form, so a y far below mu (where
 * erfc underflows long before its log is large) keeps its digits: the log erfc Stan needs.
 *
 * <p>The CDF is Phi(u) - exp(v) Phi(w); its complement, Phi(-u) + exp(v) Phi(w), is a sum of
 * two positive terms and is taken as one, in logs.
 */
final class ExpModNormal extends ScalarDensity implements Cumulative {
    ExpModNormal() {
        super("exp_mod_normal", Support.REAL, List.of("mu", "sigma", "lambda"),
                List.of(Support.REAL, Support.POSITIVE, Support.POSITIVE));
    }

    /** log(exp(v) Phi(w)), the exponential part of both the density and the CDF. */
    private static double logShifted(double y, double mu, double sigma, double lambda) {
        double w = (y - mu) / sigma - lambda * sigma;
        return lambda * (mu - y) + 0.5 * lambda * lambda * sigma * sigma + Special.logPhi(w);
    }

    @Override
    public double logDensity(double y, double mu, double sigma, double lambda) {
        return Math.log(lambda) + logShifted(y, mu, sigma, lambda);
    }

    /** Through m = phi(w) / Phi(w), the slope of log Phi at w. */
    @Override
    public void gradient(double y, double mu, double sigma, double lambda, double[] g) {
        double w = (y - mu) / sigma - lambda * sigma;
        double m = Special.logPhiSlope(w);
        g[0] = -lambda + m / sigma;
        g[1] = lambda - m / sigma;
        g[2] = lambda * lambda * sigma - m * ((y - mu) / (sigma * sigma) + lambda);
        g[3] = 1 / lambda + (mu - y) + lambda * sigma * sigma - m * sigma;
    }

    @Override
    public double logCdf(double y, double mu, double sigma, double lambda) {
        return Special.logDiffExp(Special.logPhi((y - mu) / sigma), logShifted(y, mu, sigma, lambda));
    }

    @Override
    public double logCcdf(double y, double mu, double sigma, double lambda) {
        return Special.logSumExp(Special.logPhi((mu - y) / sigma), logShifted(y, mu, sigma, lambda));
    }

    /**
     * With E = exp(v) Phi(w) and phi(u) = exp(v) phi(w): dF/dy = lambda E, dF/dmu = -lambda E,
     * dF/dsigma = lambda phi(u) - lambda^2 sigma E, dF/dlambda = (y - mu - lambda sigma^2) E +
     * sigma phi(u); each divided by F, or by -(1 - F) for the upper tail.
     */
    @Override
    public void logCumulativeGradient(double y, double mu, double sigma, double lambda, boolean upper, double[] g) {
        double logTail = upper ? logCcdf(y, mu, sigma, lambda) : logCdf(y, mu, sigma, lambda);
        double sign = upper ? -1 : 1;
        double u = (y - mu) / sigma;
        double shifted = Math.exp(logShifted(y, mu, sigma, lambda) - logTail);
        double normal = Math.exp(-0.5 * u * u - 0.5 * Special.LOG_2PI - logTail);
        g[0] = sign * lambda * shifted;
        g[1] = -g[0];
        g[2] = sign * (lambda * normal - lambda * lambda * sigma * shifted);
        g[3] = sign * ((y - mu - lambda * sigma * sigma) * shifted + sigma * normal);
    }
}
