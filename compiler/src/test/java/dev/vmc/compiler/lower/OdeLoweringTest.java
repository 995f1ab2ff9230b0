package dev.vmc.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Pos;
import dev.vmc.compiler.check.ExpressionTypes;
import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.Stack;
import dev.vmc.runtime.graph.Take;
import dev.vmc.runtime.ode.OdeSolve;
import dev.vmc.runtime.ode.OdeSolver;
import dev.vmc.runtime.ode.OdeSystem;
import dev.vmc.runtime.ode.OdeTolerances;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * An ODE call lowered with a stand-in for the functions block: lotka_volterra.stan's
 * {@code integrate_ode_rk45(dz_dt, z_init, 0, ts, theta, x_r, x_i, 1e-5, 1e-3, 5e2)} and the
 * new interface's {@code ode_rk45_tol(f, y0, 0, ts, ..., k, scale)} with a data argument.
 */
class OdeLoweringTest {
    private static final Pos AT = new Pos(1, 1);
    private static final double[] TS = {1, 2, 3, 4, 5};
    private static final double[] THETA = {0.55, 0.028, 0.80, 0.024};
    private static final double[] Z0 = {33.9, 5.9};

    private static Expr var(String name) {
        return new Expr.Var(AT, name);
    }

    private static Expr num(double value) {
        return new Expr.Num(AT, value, value == Math.rint(value));
    }

    private static Node scalar(Graph g, Node v, int i) {
        return g.apply(new Take(i, new int[0]), v);
    }

    /** dz_dt's body as the functions block would lower it; arguments t, z, theta, x_r, x_i. */
    private static Node lotkaVolterra(Graph g, List<Node> args) {
        Node z = args.get(1);
        Node theta = args.get(2);
        Node u = scalar(g, z, 0);
        Node v = scalar(g, z, 1);
        Node du = g.mul(g.sub(scalar(g, theta, 0), g.mul(scalar(g, theta, 1), v)), u);
        Node dv = g.mul(g.add(g.neg(scalar(g, theta, 2)), g.mul(scalar(g, theta, 3), u)), v);
        return g.apply(Stack.INSTANCE, du, dv);
    }

    @Test
    void theOldInterfaceSolvesWithTheCallsTolerancesAndGradientsReachTheParameters() {
        Graph g = new Graph();
        Map<String, Node> names = new HashMap<>();
        names.put("z_init", g.parameter("z_init", Tensor.vector(Z0)));
        names.put("theta", g.parameter("theta", Tensor.vector(THETA)));
        names.put("ts", g.constant(Tensor.vector(TS)));
        names.put("x_r", g.constant(new Tensor(new int[] {0})));
        names.put("x_i", g.constant(new Tensor(new int[] {0})));
        List<String> called = new ArrayList<>();
        FunctionBodies bodies = (function, rhs, args) -> {
            called.add(function + "/" + args.size() + "/" + args.get(3).op.name());
            return lotkaVolterra(rhs, args);
        };
        Expr call = new Expr.Call(AT, "integrate_ode_rk45", List.of(var("dz_dt"), var("z_init"), num(0), var("ts"), var("theta"),
                var("x_r"), var("x_i"), num(1e-5), num(1e-3), num(5e2)));
        Node out = new ExpressionLowering(g, names, Map.of(), false, bodies, ExpressionTypes.NONE)
                .lower(call);
        assertEquals(List.of("dz_dt/5/constant"), called, "x_r reaches the body as a constant");
        assertTrue(out.op instanceof OdeSolve s && s.tolerances().equals(new OdeTolerances(1e-5, 1e-3, 500))
                && s.parameters() == 4, out.op.toString());
        assertEquals(List.of(names.get("z_init"), g.nodes().get(out.inputs.get(1).id), names.get("ts"), names.get("theta")),
                out.inputs);

        Node loss = g.sum(out);
        Executor e = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
        e.forward();
        e.backward(loss);
        double[] expected = new double[TS.length * 2];
        new OdeSolver(new LotkaVolterra(), new OdeTolerances(1e-5, 1e-3, 500), false, false).solve(0, Z0, TS, THETA,
                expected, 0, null, 0);
        // the sensitivities share the step-size control, so the steps differ: equal up to the tolerance
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], e.value(out).data[i], 2e-4 * Math.abs(expected[i]));
        }
        for (Node p : List.of(names.get("z_init"), names.get("theta"))) {
            for (double d : e.gradient(p).data) {
                assertTrue(Double.isFinite(d) && d != 0, "gradient " + d + " to " + p);
            }
        }
    }

    @Test
    void theNewInterfacePassesDataAsConstantsAndTheRestThroughTheSolve() {
        // y' = -k * scale * y: k a parameter, scale data
        Graph g = new Graph();
        Map<String, Node> names = new HashMap<>();
        names.put("y0", g.parameter("y0", Tensor.vector(2.0)));
        names.put("k", g.parameter("k", Tensor.scalar(0.7)));
        names.put("scale", g.constant(Tensor.scalar(0.5)));
        names.put("ts", g.constant(Tensor.vector(TS)));
        FunctionBodies bodies = (function, rhs, args) -> rhs.neg(rhs.mul(rhs.mul(args.get(2), args.get(3)), args.get(1)));
        Expr call = new Expr.Call(AT, "ode_rk45_tol", List.of(var("decay"), var("y0"), num(0), var("ts"), num(1e-10),
                num(1e-10), num(100000), var("k"), var("scale")));
        Node out = new ExpressionLowering(g, names, Map.of(), false, bodies, ExpressionTypes.NONE)
                .lower(call);
        assertEquals(1, ((OdeSolve) out.op).parameters(), "only k goes through theta");
        Node loss = g.sum(out);
        Executor e = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
        e.forward();
        e.backward(loss);
        double dk = 0;
        for (int i = 0; i < TS.length; i++) {
            double exact = 2 * Math.exp(-0.35 * TS[i]);
            assertEquals(exact, e.value(out).data[i], 1e-8);
            dk += -0.5 * TS[i] * exact;
        }
        assertEquals(dk, e.gradient(names.get("k")).data[0], 1e-7);
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
            throw new UnsupportedOperationException("values only");
        }
    }
}
