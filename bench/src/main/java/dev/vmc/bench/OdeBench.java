package dev.vmc.bench;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.Stack;
import dev.vmc.runtime.graph.Take;
import dev.vmc.runtime.ode.GraphRightHandSide;
import dev.vmc.runtime.ode.OdeSolve;
import dev.vmc.runtime.ode.OdeSolver;
import dev.vmc.runtime.ode.OdeSystem;
import dev.vmc.runtime.ode.OdeTolerances;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * What one ODE solve costs: posteriordb's lotka_volterra (2 states, 4 parameters, the initial
 * state a parameter too, hudson_lynx_hare's 20 yearly output times, the program's rtol 1e-5,
 * atol 1e-3, 500 steps) at parameters near its posterior mean. Rows: the states alone; with
 * the forward sensitivities and the backward pass of a fit's step, f written in Java; the same
 * with f as a graph, as a Stan function's body is lowered. {@code bench/run ode}.
 */
final class OdeBench {
    private static final double[] TIMES = new double[20];
    private static final double[] THETA = {0.55, 0.028, 0.80, 0.024};
    private static final double[] Z0 = {33.9, 5.9};
    private static final OdeTolerances PROGRAM = new OdeTolerances(1e-5, 1e-3, 500);

    static {
        for (int i = 0; i < TIMES.length; i++) {
            TIMES[i] = i + 1;
        }
    }

    private OdeBench() {}

    static void print() {
        System.out.printf("%-58s %10s%n", "lotka_volterra solve, 20 output times (us)", "us/solve");
        OdeSolver values = new OdeSolver(new LotkaVolterra(), PROGRAM, false, false);
        double[] out = new double[40];
        System.out.printf("%-58s %10.1f%n", "states only, f in Java",
                median(() -> values.solve(0, Z0, TIMES, THETA, out, 0, null, 0), 20000));
        System.out.printf("%-58s %10.1f%n", "states + sensitivities + backward, f in Java",
                median(step(LotkaVolterra::new), 10000));
        System.out.printf("%-58s %10.1f%n", "states + sensitivities + backward, f as a graph",
                median(step(lotkaVolterraGraph()), 5000));
    }

    /** A forward and backward pass of a graph whose loss is the sum of the solution, z0 and theta its parameters. */
    private static Runnable step(Supplier<OdeSystem> system) {
        Graph g = new Graph();
        Node z0 = g.parameter("z0", Tensor.vector(Z0));
        Node theta = g.parameter("theta", Tensor.vector(THETA));
        Node out = g.apply(new OdeSolve("integrate_ode_rk45", 2, 4, PROGRAM, system), z0, g.constant(0),
                g.constant(Tensor.vector(TIMES)), theta);
        Node loss = g.sum(out);
        Executor e = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
        return () -> {
            e.forward();
            e.backward(loss);
        };
    }

    private static GraphRightHandSide lotkaVolterraGraph() {
        Graph g = new Graph();
        Node t = g.input("t");
        Node z = g.input("z", 2);
        Node theta = g.input("theta", 4);
        Node u = g.apply(new Take(0, new int[0]), z);
        Node v = g.apply(new Take(1, new int[0]), z);
        Node[] p = new Node[4];
        for (int i = 0; i < 4; i++) {
            p[i] = g.apply(new Take(i, new int[0]), theta);
        }
        Node du = g.mul(g.sub(p[0], g.mul(p[1], v)), u);
        Node dv = g.mul(g.add(g.neg(p[2]), g.mul(p[3], u)), v);
        return new GraphRightHandSide(g, t, z, theta, g.apply(Stack.INSTANCE, du, dv));
    }

    /**
     * Median over 5 timed batches, after a warm-up batch, in microseconds per call. The batches
     * are long: the integrator's code takes some 10,000 solves to be compiled, as a fit's
     * first thousands of steps see.
     */
    private static double median(Runnable op, int calls) {
        double[] batches = new double[6];
        for (int r = 0; r < batches.length; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                op.run();
            }
            batches[r] = (System.nanoTime() - start) / 1e3 / calls;
        }
        double[] timed = Arrays.copyOfRange(batches, 1, batches.length);
        Arrays.sort(timed);
        return timed[timed.length / 2];
    }

    private static final class LotkaVolterra implements OdeSystem {
        public int states() {
            return 2;
        }

        public int parameters() {
            return 4;
        }

        public void derivative(double t, double[] z, double[] theta, double[] out) {
            out[0] = (theta[0] - theta[1] * z[1]) * z[0];
            out[1] = (-theta[2] + theta[3] * z[0]) * z[1];
        }

        public void jacobians(double t, double[] z, double[] theta, double[] out, double[] dfdy, double[] dfdtheta) {
            derivative(t, z, theta, out);
            dfdy[0] = theta[0] - theta[1] * z[1];
            dfdy[1] = -theta[1] * z[0];
            dfdy[2] = theta[3] * z[1];
            dfdy[3] = -theta[2] + theta[3] * z[0];
            Arrays.fill(dfdtheta, 0.0);
            dfdtheta[0] = z[0];
            dfdtheta[1] = -z[1] * z[0];
            dfdtheta[6] = -z[1];
            dfdtheta[7] = z[0] * z[1];
        }
    }
}
