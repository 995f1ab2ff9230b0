package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.transform.Support;
import java.util.Arrays;
import java.util.List;

/** bernoulli_logit(alpha): bernoulli(inv_logit(alpha)), computed without forming the probability. */
final class BernoulliLogit extends DiscreteDensity {
    BernoulliLogit() {
        super("bernoulli_logit", Support.BINARY, List.of("alpha"), List.of(Support.REAL), BernoulliDraw.LOGIT);
    }

    @Override
    public double logDensity(double x, double alpha, double unused1, double unused2) {
        if (!Counts.isBinary(x)) {
            return Double.NEGATIVE_INFINITY;
        }
        return Special.logInvLogit(x == 1 ? alpha : -alpha);
    }

    @Override
    public void gradient(double x, double alpha, double unused1, double unused2, double[] g) {
        Arrays.fill(g, 0);
        if (Counts.isBinary(x)) {
            g[1] = x == 1 ? Special.invLogit(-alpha) : -Special.invLogit(alpha);
        }
    }
}
