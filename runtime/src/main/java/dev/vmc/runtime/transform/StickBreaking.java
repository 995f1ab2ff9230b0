package dev.vmc.runtime.transform;

import dev.vmc.runtime.graph.Special;

/**
 * The unit simplex of size K from K - 1 unconstrained values by stick-breaking, as Stan
 * defines it: z_k = inv_logit(y_k - log(K - k)) is the fraction of the stick still left that
 * x_k breaks off, and x_K is what remains. The shift by log(K - k) makes y = 0 the simplex's
 * centre, where every x_k is 1 / K.
 *
 * <p>The stick left before x_k, r_k = 1 - sum_{k' < k} x_k', is carried as a product
 * r_{k+1} = r_k (1 - z_k) and its log as a sum of log(1 - z_k) = log_inv_logit(-a_k), never as
 * one minus a sum: a subtraction would cancel to 0 or below once the first pieces take nearly
 * all of the stick, and a y of 30 gives NaN instead of a point on the simplex's edge.
 *
 * <p>Each method works on one run of values inside a larger array (one particle's latent), so
 * the graph's ops call it per particle without copying or allocating.
 */
final class StickBreaking {
    private StickBreaking() {}

    /** a_k = y_k - log(K - k), for the 0-based index i = k - 1 of a simplex with free = K - 1. */
    private static double shifted(double y, int i, int free) {
        return y - Math.log(free - i);
    }

    /** x[xOff .. xOff + free] (free + 1 values) from y[yOff .. yOff + free). */
    static void constrain(double[] y, int yOff, double[] x, int xOff, int free) {
        double stick = 1;
        for (int i = 0; i < free; i++) {
            double a = shifted(y[yOff + i], i, free);
            x[xOff + i] = stick * Special.invLogit(a);
            stick *= Special.invLogit(-a);
        }
        x[xOff + free] = stick;
    }

    /** y[yOff .. yOff + free) from a point x (free + 1 values) strictly inside the simplex. */
    static void unconstrain(double[] x, int xOff, double[] y, int yOff, int free) {
        // the stick left before x_i is the sum of the values from x_i on: a sum of positives, exact enough
        double stick = 0;
        for (int i = free; i >= 0; i--) {
            stick += x[xOff + i];
        }
        for (int i = 0; i < free; i++) {
            double rest = stick - x[xOff + i];
            y[yOff + i] = Math.log(x[xOff + i]) - Math.log(rest) + Math.log(free - i);
            stick = rest;
        }
    }

    /** log |det d x_{1..K-1} / d y|: sum_k log z_k + log(1 - z_k) + log r_k. */
    static double logAbsDet(double[] y, int off, int free) {
        double acc = 0;
        double logStick = 0;
        for (int i = 0; i < free; i++) {
            double a = shifted(y[off + i], i, free);
            double logRest = Special.logInvLogit(-a);
            acc += Special.logInvLogit(a) + logRest + logStick;
            logStick += logRest;
        }
        return acc;
    }

    /**
     * Adds upstream * d logAbsDet / d y into gy. y_i enters its own two log terms and, through
     * log(1 - z_i), the log stick of each of the free - 1 - i later pieces.
     */
    static void addLogAbsDetGradient(double[] y, int off, int free, double upstream, double[] gy) {
        for (int i = 0; i < free; i++) {
            double a = shifted(y[off + i], i, free);
            double z = Special.invLogit(a);
            double slope = Special.invLogit(-a) - z - (free - 1 - i) * z;
            gy[off + i] += upstream * slope;
        }
    }

    /**
     * Adds the vector-Jacobian product gx' dx/dy into gy, given the forward output x. Runs from
     * the last piece back: the stick before piece i is x_i plus the stick after it, so it is
     * rebuilt from x as a sum of positives, and the gradient reaching it accumulates alongside.
     */
    static void addConstrainGradient(double[] y, int yOff, double[] x, double[] gx, int xOff, double[] gy, int free) {
        double stickAfter = x[xOff + free];
        double gStickAfter = gx[xOff + free];
        for (int i = free - 1; i >= 0; i--) {
            double z = Special.invLogit(shifted(y[yOff + i], i, free));
            double stick = stickAfter + x[xOff + i];
            double gPiece = gx[xOff + i];
            // x_i = stick z and stickAfter = stick (1 - z), with dz/da = z (1 - z)
            gy[yOff + i] += stick * (gPiece - gStickAfter) * z * (1 - z);
            gStickAfter = gPiece * z + gStickAfter * (1 - z);
            stickAfter = stick;
        }
    }
}
