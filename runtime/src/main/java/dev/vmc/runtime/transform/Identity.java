package dev.vmc.runtime.transform;

/** The map for unbounded reals: nothing to do, and no Jacobian term. */
record Identity() implements Bijection {
    public double constrain(double u) {
        return u;
    }

    public double unconstrain(double x) {
        return x;
    }

    public double derivative(double u) {
        return 1;
    }

    public double logAbsDerivative(double u) {
        return 0;
    }

    public double logAbsDerivativeSlope(double u) {
        return 0;
    }

    public String describe() {
        return "u";
    }
}
