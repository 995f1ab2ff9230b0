package dev.vmc.runtime.ode;

/**
 * The error control of one solve, as Stan's ODE functions take it: the relative and absolute
 * tolerance of each step's local error estimate, and the most steps the solver may take to
 * get from one output time to the next.
 */
public record OdeTolerances(double relative, double absolute, long maxSteps) {
    /** Stan's defaults for {@code ode_rk45}, {@code ode_bdf}, {@code ode_adams} and the old {@code integrate_ode_*}. */
    public static final OdeTolerances STAN_DEFAULTS = new OdeTolerances(1e-6, 1e-6, 1_000_000);

    public OdeTolerances {
        if (!(relative > 0) || !Double.isFinite(relative)) {
            throw new IllegalArgumentException("the relative tolerance must be positive and finite, got " + relative);
        }
        if (!(absolute > 0) || !Double.isFinite(absolute)) {
            throw new IllegalArgumentException("the absolute tolerance must be positive and finite, got " + absolute);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("the maximum number of steps must be at least 1, got " + maxSteps);
        }
    }
}
