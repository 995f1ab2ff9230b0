package dev.vmc.runtime.ode;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;

/**
 * The states together with their forward sensitivities, as one system for the integrator:
 * {@code z = [y, S]} with {@code S[n][j] = d y_n / d p_j} for the solve's inputs p (y0 then
 * theta, each only when asked for), so that {@code S' = J_y S + [0 | J_theta]} with
 * {@code S(t0) = [I | 0]}. Integrating the sensitivities with the states lets the step-size
 * control bound their error too, as Stan's coupled systems do.
 */
final class SensitivitySystem implements FirstOrderDifferentialEquations {
    private final OdeSystem system;
    private final int n;
    private final int k;
    /** Columns of S for y0: n when y0 needs sensitivities, else 0. */
    private final int y0Columns;
    /** Columns of S: y0's, then theta's (k when theta needs sensitivities, else 0). */
    private final int columns;
    private final double[] y;
    private final double[] f;
    private final double[] dfdy;
    private final double[] dfdtheta;
    private double[] theta;

    SensitivitySystem(OdeSystem system, boolean y0Sensitivities, boolean thetaSensitivities) {
        this.system = system;
        this.n = system.states();
        this.k = system.parameters();
        this.y0Columns = y0Sensitivities ? n : 0;
        this.columns = y0Columns + (thetaSensitivities ? k : 0);
        this.y = new double[n];
        this.f = new double[n];
        this.dfdy = new double[n * n];
        this.dfdtheta = new double[n * k];
    }

    /** The parameters of the solves to come (read, not copied). */
    void useParameters(double[] theta) {
        this.theta = theta;
    }

    int columns() {
        return columns;
    }

    int y0Columns() {
        return y0Columns;
    }

    /** Writes the augmented initial state: y0, then S = [I | 0]. */
    void initialState(double[] y0, double[] z) {
        System.arraycopy(y0, 0, z, 0, n);
        java.util.Arrays.fill(z, n, z.length, 0.0);
        for (int i = 0; i < y0Columns; i++) {
            z[n + i * columns + i] = 1.0;
        }
    }

    @Override
    public int getDimension() {
        return n + n * columns;
    }

    @Override
    public void computeDerivatives(double t, double[] z, double[] zDot) {
        System.arraycopy(z, 0, y, 0, n);
        if (columns == 0) {
            system.derivative(t, y, theta, f);
        } else {
            system.jacobians(t, y, theta, f, dfdy, dfdtheta);
        }
        System.arraycopy(f, 0, zDot, 0, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < columns; j++) {
                double s = j >= y0Columns ? dfdtheta[i * k + j - y0Columns] : 0.0;
                for (int m = 0; m < n; m++) {
                    s += dfdy[i * n + m] * z[n + m * columns + j];
                }
                zDot[n + i * columns + j] = s;
            }
        }
        for (int i = 0; i < zDot.length; i++) {
            if (!Double.isFinite(zDot[i])) {
                throw new OdeFailure("the right-hand side " + (i < n ? "" : "or its Jacobian ")
                        + "is not finite at t = " + t);
            }
        }
    }
}
