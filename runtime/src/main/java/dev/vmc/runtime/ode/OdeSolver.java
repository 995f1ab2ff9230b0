package dev.vmc.runtime.ode;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ode.nonstiff.DormandPrince54Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;

/**
 * Solves one initial value problem with its forward sensitivities: the adaptive Dormand-Prince
 * 5(4) pair of Stan's {@code ode_rk45}, stepping from t0 to the last output time without
 * restarting and reading the outputs off its dense (interpolated) output, as Boost's
 * {@code integrate_times} does for Stan. The step count resets at each output time, so
 * {@code maxSteps} bounds the steps between two outputs, as Stan's does.
 *
 * <p>One solver belongs to one thread. It keeps its buffers between solves but no state: each
 * solve chooses its first step afresh, so equal inputs give equal outputs bit for bit.
 */
public final class OdeSolver {
    private final OdeSystem system;
    private final OdeTolerances tolerances;
    private final SensitivitySystem augmented;
    private final DormandPrince54Integrator integrator;
    private final double[] z;
    private final double[] zEnd;
    private final int n;
    // the solve in progress, for the step handler
    private double[] times;
    private double[] values;
    private int valuesOffset;
    private double[] sensitivities;
    private int sensitivitiesOffset;
    private int next;
    private long steps;

    /**
     * @param y0Sensitivities    whether to integrate d y / d y0 (needed for gradients to y0 or t0)
     * @param thetaSensitivities whether to integrate d y / d theta
     */
    public OdeSolver(OdeSystem system, OdeTolerances tolerances, boolean y0Sensitivities, boolean thetaSensitivities) {
        this.system = system;
        this.tolerances = tolerances;
        this.augmented = new SensitivitySystem(system, y0Sensitivities, thetaSensitivities);
        this.n = system.states();
        this.z = new double[augmented.getDimension()];
        this.zEnd = new double[augmented.getDimension()];
        // no smallest step: a step that shrinks without end is caught by the step count instead
        this.integrator = new DormandPrince54Integrator(0.0, Double.POSITIVE_INFINITY, tolerances.absolute(),
                tolerances.relative());
        this.integrator.addStepHandler(new Outputs());
    }

    public OdeSystem system() {
        return system;
    }

    /** Sensitivity columns per state: y0's (N, if asked for) then theta's (K, if asked for). */
    public int columns() {
        return augmented.columns();
    }

    public int y0Columns() {
        return augmented.y0Columns();
    }

    /**
     * Checks the times as Stan does: finite, t0 before the first output time, outputs in
     * non-decreasing order.
     *
     * @throws IllegalArgumentException naming the first time out of place
     */
    public static void checkTimes(double t0, double[] ts, int offset, int count) {
        if (!Double.isFinite(t0)) {
            throw new IllegalArgumentException("the initial time t0 must be finite, got " + t0);
        }
        for (int i = 0; i < count; i++) {
            double t = ts[offset + i];
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("output time " + (i + 1) + " must be finite, got " + t);
            }
            if (i == 0 && !(t > t0)) {
                throw new IllegalArgumentException("the output times must come after the initial time t0 = " + t0
                        + ", but the first is " + t);
            }
            if (i > 0 && t < ts[offset + i - 1]) {
                throw new IllegalArgumentException("the output times must be in increasing order, but time " + (i + 1)
                        + " (" + t + ") comes before time " + i + " (" + ts[offset + i - 1] + ")");
            }
        }
    }

    /**
     * Solves from (t0, y0) to each time in {@code ts} (checked by {@link #checkTimes}): writes
     * {@code y(ts[i])} to {@code values[valuesOffset + i * N + n]} and, when the solver integrates
     * sensitivities, {@code d y_n(ts[i]) / d p_j} to
     * {@code sensitivities[sensitivitiesOffset + (i * N + n) * columns() + j]}.
     *
     * @throws OdeFailure when a limit is hit; the outputs are then incomplete
     */
    public void solve(double t0, double[] y0, double[] ts, double[] theta, double[] values, int valuesOffset,
            double[] sensitivities, int sensitivitiesOffset) {
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y0[i])) {
                throw new OdeFailure("the initial state y0[" + (i + 1) + "] is " + y0[i]);
            }
        }
        for (int i = 0; i < theta.length; i++) {
            if (!Double.isFinite(theta[i])) {
                throw new OdeFailure("the parameter " + (i + 1) + " of the right-hand side is " + theta[i]);
            }
        }
        this.times = ts;
        this.values = values;
        this.valuesOffset = valuesOffset;
        this.sensitivities = sensitivities;
        this.sensitivitiesOffset = sensitivitiesOffset;
        this.next = 0;
        this.steps = 0;
        augmented.useParameters(theta);
        augmented.initialState(y0, z);
        try {
            integrator.integrate(augmented, t0, z, ts[ts.length - 1], zEnd);
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {
            throw new OdeFailure("the solver stopped: " + e.getMessage());
        }
        if (next < ts.length) {
            throw new OdeFailure("the solver stopped before output time " + ts[next]);
        }
    }

    /** Copies the interpolated state at each output time a step passes, and counts the steps between outputs. */
    private final class Outputs implements StepHandler {
        @Override
        public void init(double t0, double[] y0, double t) {
        }

        @Override
        public void handleStep(StepInterpolator interpolator, boolean isLast) {
            double reached = interpolator.getCurrentTime();
            boolean output = false;
            // the last step ends at the last time up to rounding: it owes every output left
            while (next < times.length && (times[next] <= reached || isLast)) {
                interpolator.setInterpolatedTime(times[next]);
                double[] state = interpolator.getInterpolatedState();
                System.arraycopy(state, 0, values, valuesOffset + next * n, n);
                if (sensitivities != null) {
                    int size = n * augmented.columns();
                    System.arraycopy(state, n, sensitivities, sensitivitiesOffset + next * size, size);
                }
                next++;
                output = true;
            }
            steps = output ? 0 : steps + 1;
            if (steps >= tolerances.maxSteps()) {
                throw new OdeFailure("the solver did not reach output time " + times[next] + " within "
                        + tolerances.maxSteps() + " steps (max_num_steps) at relative tolerance "
                        + tolerances.relative() + " and absolute tolerance " + tolerances.absolute()
                        + "; the system may be stiff there, or need more steps");
            }
        }
    }
}
