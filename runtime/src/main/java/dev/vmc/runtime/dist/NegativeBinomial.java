package dev.vmc.runtime.dist;

import static org.apache.commons.math3.special.Gamma.digamma;
import static org.apache.commons.math3.special.Gamma.logGamma;

import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import org.apache.commons.math3.special.Beta;
import java.util.Arrays;
import java.util.List;

/**
 * The negative binomial, a gamma mixture of poissons, in Stan's three parameterisations:
 * neg_binomial_2(mu, phi), mean mu and variance mu + mu^2 / phi; neg_binomial_2_log(eta, phi),
 * mu = exp(eta); and neg_binomial(alpha, beta), the gamma's shape and rate, so phi = alpha and
 * mu = alpha / beta. The mass is computed in the mean form,
 * lgamma(k + phi) - lgamma(phi) - lgamma(k + 1) + k log mu + phi log phi - (k + phi) log(mu + phi),
 * with log mu and log(mu + phi) written per form so that none of them loses digits.
 */
final class NegativeBinomial extends DiscreteDensity implements Cumulative {
    enum Form { MEAN, LOG_MEAN, SHAPE_RATE }

    private final Form form;

    private NegativeBinomial(String name, List<String> parameters, List<Support> supports, Form form) {
        super(name, Support.NONNEGATIVE_INTEGER, parameters, supports, NegativeBinomialDraw.of(form));
        this.form = form;
    }

    static NegativeBinomial mean() {
        return new NegativeBinomial("neg_binomial_2", List.of("mu", "phi"), List.of(Support.POSITIVE, Support.POSITIVE), Form.MEAN);
    }

    static NegativeBinomial logMean() {
        return new NegativeBinomial("neg_binomial_2_log", List.of("eta", "phi"), List.of(Support.REAL, Support.POSITIVE),
                Form.LOG_MEAN);
    }

    static NegativeBinomial shapeRate() {
        return new NegativeBinomial("neg_binomial", List.of("alpha", "beta"), List.of(Support.POSITIVE, Support.POSITIVE),
                Form.SHAPE_RATE);
    }

    /** phi, from the form's parameters. */
    private double phi(double a, double b) {
        return form == Form.SHAPE_RATE ? a : b;
    }

    /** log mu, from the form's parameters. */
    private double logMu(double a, double b) {
        return switch (form) {
            case MEAN -> Math.log(a);
            case LOG_MEAN -> a;
            case SHAPE_RATE -> Math.log(a) - Math.log(b);
        };
    }

    /** log(mu + phi), as a log-sum-exp in the log form, so that a large eta does not overflow. */
    private double logTotal(double a, double b) {
        return switch (form) {
            case MEAN -> Math.log(a + b);
            case LOG_MEAN -> {
                double logPhi = Math.log(b);
                yield Math.max(a, logPhi) + Math.log1p(Math.exp(-Math.abs(a - logPhi)));
            }
            case SHAPE_RATE -> Math.log(a) + Math.log1p(b) - Math.log(b);
        };
    }

    @Override
    public double logDensity(double k, double a, double b, double unused) {
        if (!Counts.isCount(k)) {
            return Double.NEGATIVE_INFINITY;
        }
        double phi = phi(a, b);
        double logTotal = logTotal(a, b);
        return logGamma(k + phi) - logGamma(phi) - Special.logFactorial(k) + (k == 0 ? 0 : k * (logMu(a, b) - logTotal))
                + phi * (Math.log(phi) - logTotal);
    }

    /**
     * In the mean form, d/dmu = k / mu - (k + phi) / (mu + phi) and d/dphi = digamma(k + phi) -
     * digamma(phi) + log(phi / (mu + phi)) + 1 - (k + phi) / (mu + phi); the other forms by the
     * chain rule (d/deta = mu d/dmu), or directly in alpha and beta.
     */
    @Override
    public void gradient(double k, double a, double b, double unused, double[] g) {
        Arrays.fill(g, 0);
        if (!Counts.isCount(k)) {
            return;
        }
        if (form == Form.SHAPE_RATE) {
            g[1] = digamma(k + a) - digamma(a) + Math.log(b) - Math.log1p(b);
            g[2] = a / b - (a + k) / (1 + b);
            return;
        }
        double phi = b;
        double logTotal = logTotal(a, b);
        double countShare = Math.exp(logMu(a, b) - logTotal); // mu / (mu + phi)
        double perTotal = Math.exp(-logTotal); // 1 / (mu + phi)
        g[1] = form == Form.MEAN ? k / a - (k + phi) * perTotal : k - (k + phi) * countShare;
        g[2] = digamma(k + phi) - digamma(phi) + Math.log(phi) - logTotal + 1 - (k + phi) * perTotal;
    }

    /**
     * P(X <= k) = I_{phi / (mu + phi)}(phi, k + 1), the regularized incomplete beta function;
     * the upper tail is I_{mu / (mu + phi)}(k + 1, phi), computed in its own right.
     */
    @Override
    public double logCdf(double x, double a, double b, double unused) {
        double k = Math.floor(x);
        if (k < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double logTotal = logTotal(a, b);
        double phi = phi(a, b);
        return Math.log(Beta.regularizedBeta(Math.exp(Math.log(phi) - logTotal), phi, k + 1));
    }

    @Override
    public double logCcdf(double x, double a, double b, double unused) {
        double k = Math.floor(x);
        if (k < 0) {
            return 0;
        }
        return Math.log(Beta.regularizedBeta(Math.exp(logMu(a, b) - logTotal(a, b)), k + 1, phi(a, b)));
    }

    /** By {@link Cumulative#centralDifference} in both parameters: phi enters as a shape of the incomplete beta. */
    @Override
    public void logCumulativeGradient(double x, double a, double b, double unused, boolean upper, double[] g) {
        Arrays.fill(g, 0);
        if (Math.floor(x) < 0) {
            return;
        }
        g[1] = centralDifference(x, a, b, 0, upper, 1);
        g[2] = centralDifference(x, a, b, 0, upper, 2);
    }
}
