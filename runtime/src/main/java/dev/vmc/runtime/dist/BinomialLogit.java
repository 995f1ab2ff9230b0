package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** binomial_logit(n, alpha): binomial(n, inv_logit(alpha)), stable for large |alpha|. */
final class BinomialLogit extends DiscreteDensity {
    BinomialLogit() {
        super("binomial_logit", Support.NONNEGATIVE_INTEGER, List.of("n", "alpha"),
                List.of(Support.NONNEGATIVE_INTEGER, Support.REAL), BinomialDraw.LOGIT);
    }

    @Override
    public double logDensity(double x, double n, double alpha, double unused) {
        if (!Counts.isCount(n)) {
            return Double.NaN; // a malformed trial count is an error in the model, not an unlikely value
        }
        if (!Counts.isCountUpTo(x, n)) {
            return Double.NEGATIVE_INFINITY;
        }
        double successes = x == 0 ? 0 : x * Special.logInvLogit(alpha);
        double failures = x == n ? 0 : (n - x) * Special.logInvLogit(-alpha);
        return Special.logChoose(n, x) + successes + failures;
    }

    @Override
    public void gradient(double x, double n, double alpha, double unused, double[] g) {
        Arrays.fill(g, 0);
        if (Counts.isCount(n) && Counts.isCountUpTo(x, n)) {
            // x (1 - p) - (n - x) p, written with both tails so neither p nor 1 - p rounds away
            g[2] = x * Special.invLogit(-alpha) - (n - x) * Special.invLogit(alpha);
        }
    }
}
