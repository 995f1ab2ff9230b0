package dev.vmc.runtime.graph;

/** Numerically careful scalar functions shared by ops and densities. */
public final class Special {
    public static final double LOG_2PI = Math.log(2 * Math.PI);
    public static final double LOG_PI = Math.log(Math.PI);

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
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** log(inv_logit(x)) = -softplus(-x). */
    public static double logInvLogit(double x) {
        return -softplus(-x);
    }
}
