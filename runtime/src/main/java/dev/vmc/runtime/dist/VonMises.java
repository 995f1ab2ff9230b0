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
 */
final class VonMises extends ScalarDensity {
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
}
