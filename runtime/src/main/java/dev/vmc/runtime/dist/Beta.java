package dev.vmc.runtime.dist;

import static org.apache.commons.math3.special.Beta.logBeta;
import static org.apache.commons.math3.special.Gamma.digamma;

import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** beta(alpha, beta): prior successes and failures, on the unit interval. */
final class Beta extends ScalarDensity {
    Beta() {
        super("beta", Support.UNIT_INTERVAL, List.of("alpha", "beta"), List.of(Support.POSITIVE, Support.POSITIVE));
    }

    @Override
    public double logDensity(double x, double alpha, double beta, double unused) {
        if (x < 0 || x > 1) {
            return Double.NEGATIVE_INFINITY;
        }
        // log1p(-x) rather than log(1 - x) keeps x near 0 exact; multiply* give the limits at the ends
        return Special.multiplyLog(alpha - 1, x) + Special.multiplyLog1p(beta - 1, -x) - logBeta(alpha, beta);
    }

    @Override
    public void gradient(double x, double alpha, double beta, double unused, double[] g) {
        if (x < 0 || x > 1) {
            Arrays.fill(g, 0);
            return;
        }
        double digammaSum = digamma(alpha + beta);
        g[0] = (alpha == 1 ? 0 : (alpha - 1) / x) - (beta == 1 ? 0 : (beta - 1) / (1 - x));
        g[1] = Math.log(x) - digamma(alpha) + digammaSum;
        g[2] = Math.log1p(-x) - digamma(beta) + digammaSum;
    }
}
