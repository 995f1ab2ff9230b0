package dev.vmc.runtime.dist;

import org.apache.commons.math3.special.Beta;
import static org.apache.commons.math3.special.Gamma.digamma;
import static org.apache.commons.math3.special.Gamma.logGamma;

import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/** student_t(nu, mu, sigma): degrees of freedom, location and scale. */
final class StudentT extends ScalarDensity implements Cumulative {
    StudentT() {
        super("student_t", Support.REAL, List.of("nu", "mu", "sigma"),
                List.of(Support.POSITIVE, Support.REAL, Support.POSITIVE));
    }

    @Override
    public double logDensity(double x, double nu, double mu, double sigma) {
        double z = (x - mu) / sigma;
        return logGamma(0.5 * (nu + 1)) - logGamma(0.5 * nu) - 0.5 * (Math.log(nu) + Special.LOG_PI)
                - Math.log(sigma) - 0.5 * (nu + 1) * Math.log1p(z * z / nu);
    }

    @Override
    public void gradient(double x, double nu, double mu, double sigma, double[] g) {
        double z = (x - mu) / sigma;
        double z2 = z * z;
        // (nu + 1) z / (nu + z^2) is the derivative of the kernel's log with respect to z, up to sign
        double pull = (nu + 1) * z / (nu + z2);
        g[0] = -pull / sigma;
        g[1] = 0.5 * (digamma(0.5 * (nu + 1)) - digamma(0.5 * nu)) - 0.5 / nu
                - 0.5 * Math.log1p(z2 / nu) + 0.5 * (nu + 1) * z2 / (nu * (nu + z2));
        g[2] = pull / sigma;
        g[3] = (pull * z - 1) / sigma;
    }

    /**
     * The tail beyond |t| of the standard t with nu degrees of freedom,
     * I_{nu / (nu + t^2)}(nu / 2, 1 / 2) / 2, from Commons Math's regularized incomplete beta.
     */
    private static double outerTail(double t, double nu) {
        return 0.5 * Beta.regularizedBeta(nu / (nu + t * t), 0.5 * nu, 0.5);
    }

    @Override
    public double logCdf(double x, double nu, double mu, double sigma) {
        double t = (x - mu) / sigma;
        return t < 0 ? Math.log(outerTail(t, nu)) : Math.log1p(-outerTail(t, nu));
    }

    @Override
    public double logCcdf(double x, double nu, double mu, double sigma) {
        double t = (x - mu) / sigma;
        return t > 0 ? Math.log(outerTail(t, nu)) : Math.log1p(-outerTail(t, nu));
    }

    /** The partial with respect to nu, which has no closed form, by {@link Cumulative#centralDifference}. */
    @Override
    public void logCumulativeGradient(double x, double nu, double mu, double sigma, boolean upper, double[] g) {
        double t = (x - mu) / sigma;
        double logStandard = logDensity(t, nu, 0, 1);
        double logTail = upper ? logCcdf(x, nu, mu, sigma) : logCdf(x, nu, mu, sigma);
        LocationScale.tailPartials(t, sigma, logStandard, logTail, upper, g, 2);
        g[1] = centralDifference(x, nu, mu, sigma, upper, 1);
    }
}
