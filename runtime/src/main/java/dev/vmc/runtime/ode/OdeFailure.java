package dev.vmc.runtime.ode;

/**
 * A solve that could not finish: too many steps before an output time, or a right-hand side
 * that went NaN or infinite. Like Stan's rejection of such a point, the solve's outputs become
 * NaN and a fit skips the step; the message says which limit was hit.
 */
public final class OdeFailure extends RuntimeException {
    public OdeFailure(String message) {
        super(message, null, false, false); // thrown per failed solve: no stack trace to fill
    }
}
