package dev.vmc.runtime.ode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.EvaluationException;
import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.GradientCheck;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.GraggBulirschStoerIntegrator;
import org.junit.jupiter.api.Test;

class OdeSolveTest {
    private static final OdeTolerances TIGHT = new OdeTolerances(1e-10, 1e-10, 1_000_000);

    /** A model graph: parameters y0 and theta, the solve, and a weighted sum of its outputs. */
    private record Solve(Graph graph, Node y0, Node theta, Node out, Node loss) {
        static Solve of(String function, Supplier<OdeSystem> rhs, int n, int k, OdeTolerances tol, double[] y0,
                double[] theta, double t0, double[] ts, double[] weights) {
            Graph g = new Graph();
            Node y0Node = g.parameter("y0", Tensor.vector(y0));
            Node thetaNode = g.parameter("theta", Tensor.vector(theta));
            Node out = g.apply(new OdeSolve(function, n, k, tol, rhs), y0Node, g.constant(t0),
                    g.constant(Tensor.vector(ts)), thetaNode);
            Node loss = g.sum(g.mul(out, g.constant(new Tensor(out.shape, weights))));
            return new Solve(g, y0Node, thetaNode, out, loss);
        }

        Executor run() {
            Executor e = new Executor(graph, 1, ParameterStore.initial(graph), new SplittableRandom(1));
            e.forward();
            e.backward(loss);
            return e;
        }
    }

    private static double[] weights(int size) {
        double[] w = new double[size];
        for (int i = 0; i < size; i++) {
            w[i] = 1.0 + 0.37 * i - 0.05 * i * i;
        }
        return w;
    }

    @Test
    void exponentialDecayMatchesItsClosedFormAndDerivatives() {
        double y0 = 2.5;
        double k = 0.7;
        double[] ts = {0.5, 1, 2, 2, 4.5};
        double[] w = weights(ts.length);
        Solve s = Solve.of("ode_rk45", TestSystems.decay(), 1, 1, OdeTolerances.STAN_DEFAULTS, new double[] {y0},
                new double[] {k}, 0, ts, w);
        Executor e = s.run();
        double dy0 = 0;
        double dk = 0;
        for (int i = 0; i < ts.length; i++) {
            double exact = y0 * Math.exp(-k * ts[i]);
            assertEquals(exact, e.value(s.out).data[i], 1e-5 * exact, "y(" + ts[i] + ")");
            dy0 += w[i] * Math.exp(-k * ts[i]);
            dk += -w[i] * ts[i] * exact;
        }
        assertEquals(dy0, e.gradient(s.y0).data[0], 1e-5 * Math.abs(dy0));
        assertEquals(dk, e.gradient(s.theta).data[0], 1e-5 * Math.abs(dk));
        // finite differences of an adaptive solve are smooth only at tight tolerances
        Solve tight = Solve.of("ode_rk45", TestSystems.decay(), 1, 1, TIGHT, new double[] {y0}, new double[] {k}, 0, ts, w);
        GradientCheck.check(tight.graph, tight.loss, 1, 1e-5);
    }

    @Test
    void linearSystemMatchesItsClosedFormAndDerivatives() {
        double[] y0 = {1.5, -0.8};
        double[] theta = {0.9, 0.6, 0.3};
        double t0 = 0.25;
        double[] ts = {0.5, 1.5, 3, 6};
        double[] w = weights(ts.length * 2);
        Solve s = Solve.of("ode_rk45", TestSystems.linear(), 2, 3, TIGHT, y0, theta, t0, ts, w);
        Executor e = s.run();
        for (int i = 0; i < ts.length; i++) {
            double[] exact = TestSystems.linearSolution(ts[i] - t0, y0, theta);
            assertArrayEquals(exact, java.util.Arrays.copyOfRange(e.value(s.out).data, 2 * i, 2 * i + 2), 1e-8);
        }
        // the closed form's derivatives, by central differences of the exact solution
        double[] x = concat(y0, theta);
        for (int j = 0; j < x.length; j++) {
            double h = 1e-6;
            double[] up = x.clone();
            double[] down = x.clone();
            up[j] += h;
            down[j] -= h;
            double exact = (exactLoss(up, t0, ts, w) - exactLoss(down, t0, ts, w)) / (2 * h);
            double got = j < 2 ? e.gradient(s.y0).data[j] : e.gradient(s.theta).data[j - 2];
            assertEquals(exact, got, 1e-6 * Math.max(1, Math.abs(exact)), "d loss / d x" + j);
        }
        GradientCheck.check(s.graph, s.loss, 1, 1e-5);
    }

    private static double exactLoss(double[] x, double t0, double[] ts, double[] w) {
        double[] y0 = {x[0], x[1]};
        double[] theta = {x[2], x[3], x[4]};
        double sum = 0;
        for (int i = 0; i < ts.length; i++) {
            double[] y = TestSystems.linearSolution(ts[i] - t0, y0, theta);
            sum += w[2 * i] * y[0] + w[2 * i + 1] * y[1];
        }
        return sum;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void lotkaVolterraMatchesAHighAccuracyReferenceSolve() {
        double[] reference = referenceLotkaVolterra();
        for (Supplier<OdeSystem> rhs : java.util.List.<Supplier<OdeSystem>>of(TestSystems.LotkaVolterra::new,
                TestSystems.lotkaVolterraGraph())) {
            // the program's own settings: rtol 1e-5, atol 1e-3, 500 steps
            Solve s = Solve.of("integrate_ode_rk45", rhs, 2, 4, new OdeTolerances(1e-5, 1e-3, 500), TestSystems.LV_Z0,
                    TestSystems.LV_THETA, 0, TestSystems.LV_TIMES, weights(40));
            double[] got = s.run().value(s.out).data;
            for (int i = 0; i < reference.length; i++) {
                assertEquals(reference[i], got[i], 1e-3 * Math.abs(reference[i]), "output " + i);
            }
        }
    }

    /** Gragg-Bulirsch-Stoer at 1e-13, an integrator of another family, at the posteriordb times. */
    private static double[] referenceLotkaVolterra() {
        TestSystems.LotkaVolterra lv = new TestSystems.LotkaVolterra();
        FirstOrderDifferentialEquations eq = new FirstOrderDifferentialEquations() {
            public int getDimension() {
                return 2;
            }

            public void computeDerivatives(double t, double[] y, double[] yDot) {
                lv.derivative(t, y, TestSystems.LV_THETA, yDot);
            }
        };
        GraggBulirschStoerIntegrator gbs = new GraggBulirschStoerIntegrator(0, 1, 1e-13, 1e-13);
        double[] out = new double[2 * TestSystems.LV_TIMES.length];
        double[] y = TestSystems.LV_Z0.clone();
        double t = 0;
        for (int i = 0; i < TestSystems.LV_TIMES.length; i++) {
            gbs.integrate(eq, t, y, TestSystems.LV_TIMES[i], y);
            t = TestSystems.LV_TIMES[i];
            out[2 * i] = y[0];
            out[2 * i + 1] = y[1];
        }
        return out;
    }

    @Test
    void lotkaVolterraGradientsPerParticleMatchFiniteDifferences() {
        // theta in two parts, as a call's arguments come: alpha and beta vary by particle (as a
        // latent's draws do), gamma and delta and y0 are shared
        Graph g = new Graph();
        Node z0 = g.parameter("z0", Tensor.vector(TestSystems.LV_Z0));
        Node prey = g.add(g.parameter("alpha_beta", Tensor.vector(0.55, 0.028)),
                g.mul(g.constant(1e-3), g.noise(Leaf.Noise.Kind.UNIFORM, 2)));
        Node predator = g.parameter("gamma_delta", Tensor.vector(0.80, 0.024));
        Node out = g.apply(new OdeSolve("ode_rk45", 2, 4, TIGHT, TestSystems.lotkaVolterraGraph()), z0, g.constant(0),
                g.constant(Tensor.vector(java.util.Arrays.copyOf(TestSystems.LV_TIMES, 8))), prey, predator);
        Node loss = g.meanOverParticles(g.sum(g.mul(g.log(out), g.constant(new Tensor(out.shape, weights(16))))));
        GradientCheck.check(g, loss, 3, 1e-5);
    }

    @Test
    void gradientsReachTheTimesToo() {
        // y' = -k y from t0: d y(t) / dt = -k y(t), d y(t) / dt0 = k y(t)
        Graph g = new Graph();
        Node t0 = g.parameter("t0", Tensor.scalar(0.3));
        Node ts = g.parameter("ts", Tensor.vector(1, 2.5));
        Node out = g.apply(new OdeSolve("ode_rk45", 1, 1, TIGHT, TestSystems.decay()), g.constant(Tensor.vector(2)), t0, ts,
                g.constant(Tensor.vector(0.7)));
        Node loss = g.sum(g.mul(out, g.constant(Tensor.vector(1, -2).reshape(2, 1))));
        GradientCheck.check(g, loss, 1, 1e-5);
    }

    @Test
    void runningOutOfStepsGivesNaNAndSaysWhy() {
        Solve s = Solve.of("integrate_ode_rk45", TestSystems.LotkaVolterra::new, 2, 4, new OdeTolerances(1e-8, 1e-8, 5),
                TestSystems.LV_Z0, TestSystems.LV_THETA, 0, TestSystems.LV_TIMES, weights(40));
        Executor e = new Executor(s.graph, 1, ParameterStore.initial(s.graph), new SplittableRandom(1));
        e.forward();
        assertTrue(Double.isNaN(e.value(s.loss).item()));
        assertEquals(s.out, e.firstNonFinite(s.loss));
        String why = e.explain(s.out);
        assertTrue(why.contains("integrate_ode_rk45") && why.contains("did not reach output time")
                && why.contains("within 5 steps (max_num_steps)"), why);

        OdeSolver solver = new OdeSolver(new TestSystems.LotkaVolterra(), new OdeTolerances(1e-8, 1e-8, 5), false, false);
        OdeFailure failure = assertThrows(OdeFailure.class, () -> solver.solve(0, TestSystems.LV_Z0, TestSystems.LV_TIMES,
                TestSystems.LV_THETA, new double[40], 0, null, 0));
        assertTrue(failure.getMessage().startsWith("the solver did not reach output time 1.0 within 5 steps"),
                failure.getMessage());
    }

    @Test
    void outputTimesBeforeTheStartAreADataError() {
        Solve s = Solve.of("ode_rk45", TestSystems.decay(), 1, 1, OdeTolerances.STAN_DEFAULTS, new double[] {1},
                new double[] {1}, 2, new double[] {1, 3}, weights(2));
        Executor e = new Executor(s.graph, 1, ParameterStore.initial(s.graph), new SplittableRandom(1));
        EvaluationException error = assertThrows(EvaluationException.class, e::forward);
        assertTrue(error.getMessage().contains("the output times must come after the initial time t0 = 2.0"),
                error.getMessage());
    }

    @Test
    void repeatedSolvesGiveTheSameBits() {
        Solve s = Solve.of("ode_rk45", TestSystems.lotkaVolterraGraph(), 2, 4, OdeTolerances.STAN_DEFAULTS,
                TestSystems.LV_Z0, TestSystems.LV_THETA, 0, TestSystems.LV_TIMES, weights(40));
        Executor e = s.run();
        double[] first = e.value(s.out).data.clone();
        double[] firstGradient = e.gradient(s.theta).data.clone();
        e.forward();
        e.backward(s.loss);
        assertArrayEquals(first, e.value(s.out).data, 0.0);
        assertArrayEquals(firstGradient, e.gradient(s.theta).data, 0.0);
    }
}
