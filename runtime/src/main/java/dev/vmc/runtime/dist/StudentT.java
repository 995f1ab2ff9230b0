package dev.vmc.runtime.dist;

import static org.apache.commons.math3.special.Gamma.digamma;
import static org.apache.commons.math3.special.Gamma.logGamma;

import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/** student_t(nu, mu, sigma): degrees of freedom, location and scale. */
final class StudentT extends ScalarDensity {
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
}
