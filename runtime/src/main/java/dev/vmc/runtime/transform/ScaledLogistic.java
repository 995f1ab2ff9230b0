package dev.vmc.runtime.transform;

import dev.vmc.runtime.graph.Special;

/** (lower, upper) as lower + (upper - lower) * inv_logit(u), as in Stan. */
record ScaledLogistic(double lower, double upper) implements Bijection {
    public double constrain(double u) {
        double width = upper - lower;
        // Measure from the nearer end: inv_logit(-u) keeps its relative precision for large u
        // where 1 - inv_logit(u) would round to nothing, so values near upper stay distinct.
        if (u > 0) {
            return upper - width * Special.invLogit(-u);
        }
        return lower + width * Special.invLogit(u);
    }

    public double unconstrain(double x) {
        // logit((x - lower) / width) without forming the ratio, which loses x near upper.
        return Math.log(x - lower) - Math.log(upper - x);
    }

    public double derivative(double u) {
        return (upper - lower) * Special.invLogit(u) * Special.invLogit(-u);
    }

    public double logAbsDerivative(double u) {
        return Math.log(upper - lower) + Special.logInvLogit(u) + Special.logInvLogit(-u);
    }

    public double logAbsDerivativeSlope(double u) {
        return Special.invLogit(-u) - Special.invLogit(u);
    }

    public String describe() {
        return Bijections.format(lower) + " + " + Bijections.format(upper - lower) + " * inv_logit(u)";
    }
}
