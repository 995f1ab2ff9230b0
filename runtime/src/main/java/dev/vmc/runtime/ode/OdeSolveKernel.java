package dev.vmc.runtime.ode;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Arrays;

/**
 * {@link OdeSolve} for one executor: one solve per particle, keeping each particle's
 * sensitivities at the output times for the backward pass. Sensitivities are integrated only
 * for inputs that vary (a data y0 needs none), and all buffers are made here, once.
 */
final class OdeSolveKernel implements Kernel {
    private final int n;
    private final int k;
    private final int times;
    private final boolean[] batched;
    /** Size of each input; inputs 3.. are theta's parts, starting at {@link #at}. */
    private final int[] sizes;
    private final int[] at;
    private final OdeSolver solver;
    private final double[] y0;
    private final double[] ts;
    private final double[] theta;
    private final double[] f;
    private final double[] yAt;
    private final double[] sensitivities;
    private final int block;
    private String failure;

    OdeSolveKernel(OdeSolve op, Layout[] inputs, Layout output) {
        this.n = op.states();
        this.k = op.parameters();
        this.times = output.shape()[0];
        this.batched = new boolean[inputs.length];
        this.sizes = new int[inputs.length];
        this.at = new int[inputs.length];
        boolean thetaVaries = false;
        for (int i = 0; i < inputs.length; i++) {
            batched[i] = inputs[i].batched();
            sizes[i] = inputs[i].modelSize();
            if (i > 3) {
                at[i] = at[i - 1] + sizes[i - 1];
            }
            thetaVaries |= i >= 3 && !inputs[i].fixed();
        }
        boolean y0Varies = !inputs[0].fixed() || !inputs[1].fixed(); // t0's gradient goes through d y / d y0
        OdeSystem system = op.systems().get();
        if (system.states() != n || system.parameters() != k) {
            throw new IllegalStateException(op.function() + ": the right-hand side has " + system.states() + " states and "
                    + system.parameters() + " parameters, the call " + n + " and " + k);
        }
        this.solver = new OdeSolver(system, op.tolerances(), y0Varies, thetaVaries);
        this.y0 = new double[n];
        this.ts = new double[times];
        this.theta = new double[k];
        this.f = new double[n];
        this.yAt = new double[n];
        this.block = times * n * solver.columns();
        int particles = output.batched() ? output.particles() : 1;
        this.sensitivities = new double[particles * block];
    }

    private static int offset(boolean batched, int particle, int size) {
        return batched ? particle * size : 0;
    }

    /** Copies particle p's inputs into the solver's buffers. */
    private double load(Tensor[] in, int p) {
        System.arraycopy(in[0].data, offset(batched[0], p, n), y0, 0, n);
        double t0 = in[1].data[offset(batched[1], p, 1)];
        System.arraycopy(in[2].data, offset(batched[2], p, times), ts, 0, times);
        for (int i = 3; i < in.length; i++) {
            System.arraycopy(in[i].data, offset(batched[i], p, sizes[i]), theta, at[i], sizes[i]);
        }
        return t0;
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        failure = null;
        int particles = out.data.length / (times * n);
        for (int p = 0; p < particles; p++) {
            double t0 = load(in, p);
            OdeSolver.checkTimes(t0, ts, 0, times); // a data problem: the executor reports it with the statement
            try {
                solver.solve(t0, y0, ts, theta, out.data, p * times * n, block == 0 ? null : sensitivities, p * block);
            } catch (OdeFailure e) {
                failure = e.getMessage();
                Arrays.fill(out.data, p * times * n, (p + 1) * times * n, Double.NaN);
                Arrays.fill(sensitivities, p * block, (p + 1) * block, Double.NaN);
            }
        }
    }

    @Override
    public String failure() {
        return failure;
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
        int particles = out.data.length / (times * n);
        int columns = solver.columns();
        int y0Columns = solver.y0Columns();
        OdeSystem system = solver.system();
        for (int p = 0; p < particles; p++) {
            int o = p * times * n;
            int s = p * block;
            double t0 = load(in, p);
            if (gIn[0] != null || gIn[1] != null) {
                // w_j = sum over outputs of gOut . d y / d y0_j: y0's gradient, and with f(t0, y0) t0's
                double dt0 = 0;
                if (gIn[1] != null) {
                    system.derivative(t0, y0, theta, f);
                }
                for (int j = 0; j < y0Columns; j++) {
                    double w = 0;
                    for (int r = 0; r < times * n; r++) {
                        w += gOut.data[o + r] * sensitivities[s + r * columns + j];
                    }
                    if (gIn[0] != null) {
                        gIn[0].data[offset(batched[0], p, n) + j] += w;
                    }
                    if (gIn[1] != null) {
                        dt0 -= w * f[j];
                    }
                }
                if (gIn[1] != null) {
                    gIn[1].data[offset(batched[1], p, 1)] += dt0;
                }
            }
            if (gIn[2] != null) {
                // moving an output time moves its output along the solution: d y(t) / dt = f(t, y(t))
                int base = offset(batched[2], p, times);
                for (int i = 0; i < times; i++) {
                    System.arraycopy(out.data, o + i * n, yAt, 0, n);
                    system.derivative(ts[i], yAt, theta, f);
                    double w = 0;
                    for (int m = 0; m < n; m++) {
                        w += gOut.data[o + i * n + m] * f[m];
                    }
                    gIn[2].data[base + i] += w;
                }
            }
            for (int i = 3; i < in.length; i++) {
                if (gIn[i] == null) {
                    continue;
                }
                int base = offset(batched[i], p, sizes[i]);
                for (int j = 0; j < sizes[i]; j++) {
                    double w = 0;
                    for (int r = 0; r < times * n; r++) {
                        w += gOut.data[o + r] * sensitivities[s + r * columns + y0Columns + at[i] + j];
                    }
                    gIn[i].data[base + j] += w;
                }
            }
        }
    }
}
