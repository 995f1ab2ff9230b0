package dev.vmc.runtime.graph;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;

/** Numerically careful scalar functions shared by ops and densities. */
public final class Special {
    public static final double LOG_2PI = Math.log(2 * Math.PI);
    public static final double LOG_PI = Math.log(Math.PI);
    public static final double LOG_2 = Math.log(2);
    /** log(k!) for k below its length: counts are small, and a log-gamma costs as much as the rest of a density. */
    private static final double[] LOG_FACTORIAL = new double[1024];

    static {
        for (int k = 0; k < LOG_FACTORIAL.length; k++) {
            LOG_FACTORIAL[k] = org.apache.commons.math3.special.Gamma.logGamma(k + 1.0);
        }
    }

    /** log(x!) = lgamma(x + 1), from a table for whole x up to 1023: the same values, without the cost. */
    public static double logFactorial(double x) {
        int k = (int) x;
        return k == x && k >= 0 && k < LOG_FACTORIAL.length ? LOG_FACTORIAL[k]
                : org.apache.commons.math3.special.Gamma.logGamma(x + 1);
    }

    private Special() {}

    public static double invLogit(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** log(1 + exp(x)) without overflow. */
    public static double softplus(double x) {
        return x > 0 ? x + log1p(Math.exp(-x)) : log1p(Math.exp(x));
    }

    /** log(inv_logit(x)) = -softplus(-x). */
    public static double logInvLogit(double x) {
        return -softplus(-x);
    }

    /**
     * The standard normal CDF as Stan computes it: 0 below -37.5 and 1 above 8.25 (where the
     * double is already 0 or 1), erfc below -5 so the lower tail keeps its relative accuracy,
     * erf in between.
     */
    public static double phi(double x) {
        if (x < -37.5) {
            return 0;
        }
        if (x < -5) {
            return 0.5 * Erf.erfc(-x / Math.sqrt(2));
        }
        if (x > 8.25) {
            return 1;
        }
        return 0.5 * (1 + Erf.erf(x / Math.sqrt(2)));
    }

    /**
     * log Phi(x), accurate in both tails: log1p of the small upper tail above 5, the log of erfc
     * down to -35, and below that, where erfc nears underflow, the asymptotic series
     * Phi(x) ~ phi(x) / -x (1 - 1/x^2 + 3/x^4 - 15/x^6 + 105/x^8), whose next term is below 1e-12 there.
     */
    public static double logPhi(double x) {
        if (x > 5) {
            return Math.log1p(-0.5 * Erf.erfc(x / Math.sqrt(2)));
        }
        if (x > -35) {
            return Math.log(0.5 * Erf.erfc(-x / Math.sqrt(2)));
        }
        double r = 1 / (x * x);
        double series = r * (-1 + r * (3 + r * (-15 + r * 105)));
        return -0.5 * x * x - Math.log(-x) - 0.5 * LOG_2PI + Math.log1p(series);
    }

    /**
     * phi(x) / Phi(x), the slope of {@link #logPhi} (the inverse Mills ratio of -x), taken in
     * logs so that far in the lower tail, where both underflow, it stays near -x.
     */
    public static double logPhiSlope(double x) {
        return Math.exp(-0.5 * x * x - 0.5 * LOG_2PI - logPhi(x));
    }

    /** The logistic argument of Stan's Phi_approx: Phi(x) ~ inv_logit(0.07056 x^3 + 1.5976 x). */
    public static double phiApproxArgument(double x) {
        return 0.07056 * x * x * x + 1.5976 * x;
    }

    /**
     * log(1 - exp(x)) for x <= 0: log(-expm1(x)) near 0, where 1 - exp(x) cancels, and
     * log1p(-exp(x)) further out, where exp(x) is small (Mächler, "Accurately computing
     * log(1 - exp(-|a|))", 2012).
     */
    public static double log1mExp(double x) {
        if (x > 0) {
            return Double.NaN;
        }
        return x > -LOG_2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
    }

    /**
     * log(exp(a) - exp(b)) for a >= b, as a + log1m_exp(b - a); -inf when both are -inf
     * (nothing minus nothing), NaN when b > a.
     */
    public static double logDiffExp(double a, double b) {
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        return a == Double.POSITIVE_INFINITY ? (b == a ? Double.NaN : a) : a + log1mExp(b - a);
    }

    /** a * log(b), taking 0 * log(0) as 0 (the limit), as in Stan's multiply_log. */
    public static double multiplyLog(double a, double b) {
        return a == 0 && b == 0 ? 0 : a * Math.log(b);
    }

    /** a * log1p(b), taking 0 * log1p(-1) as 0, for the failure term of binomial-like masses. */
    public static double multiplyLog1p(double a, double b) {
        return a == 0 && b == -1 ? 0 : a * Math.log1p(b);
    }

    /**
     * log(n choose k) for 0 <= k <= n, through log Beta rather than three log Gammas, whose
     * difference cancels catastrophically for large n.
     */
    public static double logChoose(double n, double k) {
        if (k == 0 || k == n) {
            return 0;
        }
        return -Math.log1p(n) - Beta.logBeta(n - k + 1, k + 1);
    }

    /**
     * log(1 + x) to within a few ulps, at half the cost of Math.log1p on this JVM: the rounding
     * error of 1 + x is divided back out (Goldberg, "What every computer scientist should know
     * about floating-point arithmetic", theorem 4). Hot in every logistic likelihood.
     */
    public static double log1p(double x) {
        double u = 1.0 + x;
        if (u == 1.0) {
            return x;
        }
        if (Double.isInfinite(u)) {
            return Math.log1p(x);
        }
        return Math.log(u) * x / (u - 1.0);
    }

    /** log(exp(a) + exp(b)), the two-term {@link #logSumExp(double[], int, int)} without an array. */
    public static double logSumExp(double a, double b) {
        double max = Math.max(a, b);
        return Double.isInfinite(max) ? max : max + Math.log1p(Math.exp(-Math.abs(a - b)));
    }

    /** The largest of {@code length} values from {@code offset}; -infinity for none: the shift of a stable softmax. */
    public static double max(double[] x, int offset, int length) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            max = Math.max(max, x[offset + i]);
        }
        return max;
    }

    /** log sum exp of x[offset .. offset + length), shifted by the maximum so nothing overflows. */
    public static double logSumExp(double[] x, int offset, int length) {
        double max = max(x, offset, length);
        if (Double.isInfinite(max)) {
            return max;
        }
        double acc = 0;
        for (int i = 0; i < length; i++) {
            acc += Math.exp(x[offset + i] - max);
        }
        return max + Math.log(acc);
    }
}
