package dev.vmc.runtime.transform;

/**
 * An elementwise, increasing or decreasing, differentiable map from the real line onto a
 * support. Inference works on the unconstrained side; the model sees the constrained side,
 * and the change of variables adds {@link #logAbsDerivative} to the log density.
 */
public interface Bijection {
    /** The constrained value x = f(u). */
    double constrain(double u);

    /** The unconstrained value u = f^-1(x), for an x already known to be inside the support. */
    double unconstrain(double x);

    /** d f / d u. */
    double derivative(double u);

    /** log |d f / d u|, computed directly rather than as log(derivative) so it stays finite for large |u|. */
    double logAbsDerivative(double u);

    /** d/du of {@link #logAbsDerivative}, for gradients of the Jacobian term. */
    double logAbsDerivativeSlope(double u);

    /** How the map reads in an op name or message, e.g. "0 + exp(u)". */
    String describe();
}
