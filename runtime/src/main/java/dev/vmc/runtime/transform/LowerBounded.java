package dev.vmc.runtime.transform;

/** (lower, inf) as lower + exp(u), as in Stan. */
record LowerBounded(double lower) implements Bijection {
    public double constrain(double u) {
        return lower + Math.exp(u);
    }

    public double unconstrain(double x) {
        return Math.log(x - lower);
    }

    public double derivative(double u) {
        return Math.exp(u);
    }

    public double logAbsDerivative(double u) {
        return u;
    }

    public double logAbsDerivativeSlope(double u) {
        return 1;
    }

    public String describe() {
        return Bijections.format(lower) + " + exp(u)";
    }
}
