package dev.vmc.runtime.ode;

/**
 * The right-hand side of {@code dy/dt = f(t, y, theta)}: what a Stan program's ODE function
 * computes, with every argument the solver may differentiate gathered into {@code theta}
 * (data arguments are the system's own constants). One instance serves one solver at a time:
 * it may keep scratch space, so a solver makes its own from a factory.
 */
public interface OdeSystem {
    /** N, the length of y. */
    int states();

    /** K, the length of theta. */
    int parameters();

    /** {@code out[i] = f_i(t, y, theta)}. */
    void derivative(double t, double[] y, double[] theta, double[] out);

    /**
     * The derivative and its Jacobians at one point: {@code out} as {@link #derivative},
     * {@code dfdy[i * N + j] = d f_i / d y_j} and {@code dfdtheta[i * K + k] = d f_i / d theta_k},
     * both row-major.
     */
    void jacobians(double t, double[] y, double[] theta, double[] out, double[] dfdy, double[] dfdtheta);
}
