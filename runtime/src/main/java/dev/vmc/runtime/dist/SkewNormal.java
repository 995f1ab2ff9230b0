package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/**
 * skew_normal(xi, omega, alpha): location, scale and shape; density 2 phi(z) Phi(alpha z) / omega,
 * z = (x - xi) / omega, with log Phi in its stable form so a strongly skewed tail stays finite.
 */
final class SkewNormal extends ScalarDensity {
    SkewNormal() {
        super("skew_normal", Support.REAL, List.of("xi", "omega", "alpha"),
                List.of(Support.REAL, Support.POSITIVE, Support.REAL));
    }

    @Override
    public double logDensity(double x, double xi, double omega, double alpha) {
        double z = (x - xi) / omega;
        return Special.LOG_2 - Math.log(omega) - 0.5 * Special.LOG_2PI - 0.5 * z * z + Special.logPhi(alpha * z);
    }

    /** Through r = phi(alpha z) / Phi(alpha z), the slope of log Phi. */
    @Override
    public void gradient(double x, double xi, double omega, double alpha, double[] g) {
        double z = (x - xi) / omega;
        double s = alpha * z;
        double r = Special.logPhiSlope(s);
        double slope = -z + alpha * r; // d log f / dz
        g[0] = slope / omega;
        g[1] = -slope / omega;
        g[2] = -(1 + slope * z) / omega;
        g[3] = z * r;
    }
}
