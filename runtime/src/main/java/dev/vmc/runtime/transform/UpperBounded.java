package dev.vmc.runtime.transform;

/** (-inf, upper) as upper - exp(u), the mirror image of {@link LowerBounded}. */
record UpperBounded(double upper) implements Bijection {
    public double constrain(double u) {
        return upper - Math.exp(u);
    }

    public double unconstrain(double x) {
        return Math.log(upper - x);
    }

    public double derivative(double u) {
        return -Math.exp(u);
    }

    public double logAbsDerivative(double u) {
        return u;
    }

    public double logAbsDerivativeSlope(double u) {
        return 1;
    }

    public String describe() {
        return Bijections.format(upper) + " - exp(u)";
    }
}
