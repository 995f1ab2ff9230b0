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

    /**
     * The bulk form, for a VAE's likelihood (784 pixels a digit): the same arithmetic as the
     * per-element methods (so fits do not change by a bit), without a call through the
     * interface and a cleared gradient array per element.
     */
    @Override
    void values(DensityOp.Operands in, double[] out, int offset) {
        double[] x = in.data[0], alpha = in.data[1];
        int ox = in.offset[0], oa = in.offset[1];
        int sx = in.stride[0], sa = in.stride[1];
        for (int e = 0; e < in.length; e++) {
            double v = x[ox + e * sx];
            double a = alpha[oa + e * sa];
            out[offset + e] = v == 1 || v == 0 ? Special.logInvLogit(v == 1 ? a : -a) : Double.NEGATIVE_INFINITY;
        }
    }

    /** d/d alpha = inv_logit(-alpha) for x = 1, -inv_logit(alpha) for x = 0; nothing flows to x, a count. */
    @Override
    void partials(DensityOp.Operands in, double[][] partials) {
        double[] x = in.data[0], alpha = in.data[1];
        int ox = in.offset[0], oa = in.offset[1];
        int sx = in.stride[0], sa = in.stride[1];
        double[] dx = partials[0], dalpha = partials[1];
        for (int e = 0; e < in.length; e++) {
            double v = x[ox + e * sx];
            if (dx != null) {
                dx[e] = 0;
            }
            if (dalpha != null) {
                double a = alpha[oa + e * sa];
                dalpha[e] = v == 1 ? Special.invLogit(-a) : v == 0 ? -Special.invLogit(a) : 0;
            }
        }
    }
}
