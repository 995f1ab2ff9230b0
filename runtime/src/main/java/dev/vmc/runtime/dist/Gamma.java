package dev.vmc.runtime.dist;

import static org.apache.commons.math3.special.Gamma.digamma;
import static org.apache.commons.math3.special.Gamma.logGamma;

import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** gamma(alpha, beta): shape alpha and rate beta, mean alpha / beta. */
final class Gamma extends ScalarDensity {
    Gamma() {
        super("gamma", Support.POSITIVE, List.of("alpha", "beta"), List.of(Support.POSITIVE, Support.POSITIVE));
    }

    @Override
    public double logDensity(double x, double alpha, double beta, double unused) {
        if (x < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        // multiplyLog gives the right limit at x = 0 when alpha = 1 (the exponential case)
        return alpha * Math.log(beta) - logGamma(alpha) + Special.multiplyLog(alpha - 1, x) - beta * x;
    }

    @Override
    public void gradient(double x, double alpha, double beta, double unused, double[] g) {
        if (x < 0) {
            Arrays.fill(g, 0);
            return;
        }
        g[0] = (alpha == 1 ? 0 : (alpha - 1) / x) - beta;
        g[1] = Math.log(beta) - digamma(alpha) + Math.log(x);
        g[2] = alpha / beta - x;
    }
}
