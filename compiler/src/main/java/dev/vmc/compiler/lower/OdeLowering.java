package dev.vmc.compiler.lower;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.OdeFunctions;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Take;
import dev.vmc.runtime.ode.GraphRightHandSide;
import dev.vmc.runtime.ode.OdeSolve;
import dev.vmc.runtime.ode.OdeTolerances;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * An ODE solver's call as an {@link OdeSolve} node. The right-hand side f becomes a graph of
 * its own: input leaves for t and y, and for the arguments passed to f those that are data stay
 * constants of that graph while the rest become pieces of one input theta, whose values the
 * solve takes straight from the arguments' nodes in the model graph (so gradients reach them).
 * f's body is lowered into that graph by {@link FunctionBodies}.
 */
final class OdeLowering {
    private final Graph graph;
    private final Function<Expr, Node> lowering;
    private final ToDoubleFunction<Expr> dataValue;
    private final FunctionBodies bodies;

    /**
     * @param lowering  lowers an argument into {@code graph}
     * @param dataValue evaluates a data-only argument (the tolerances)
     */
    OdeLowering(Graph graph, Function<Expr, Node> lowering, ToDoubleFunction<Expr> dataValue, FunctionBodies bodies) {
        this.graph = graph;
        this.lowering = lowering;
        this.dataValue = dataValue;
        this.bodies = bodies;
    }

    Node call(Expr.Call c) {
        OdeFunctions.Solver solver = OdeFunctions.lookup(c.function()).orElseThrow();
        List<Expr> args = c.args();
        String function = ((Expr.Var) args.get(0)).name();
        Node y0 = lowering.apply(args.get(1));
        Node t0 = lowering.apply(args.get(2));
        Node ts = lowering.apply(args.get(3));
        OdeTolerances tolerances = OdeTolerances.STAN_DEFAULTS;
        if (solver.setsTolerances(args.size())) {
            int at = solver.toleranceAt();
            tolerances = new OdeTolerances(dataValue.applyAsDouble(args.get(at)), dataValue.applyAsDouble(args.get(at + 1)),
                    (long) dataValue.applyAsDouble(args.get(at + 2)));
        }
        List<Expr> passed = solver.old() ? args.subList(4, 7) : args.subList(solver.leading(), args.size());
        List<Node> values = passed.stream().map(lowering).toList();

        Graph rhs = new Graph();
        rhs.setOrigin(graph.origin());
        Node t = rhs.input("t");
        Node y = rhs.input("y", y0.shape);
        int k = 0;
        for (Node v : values) {
            k += isData(v) ? 0 : v.modelSize();
        }
        Node theta = k > 0 ? rhs.input("theta", k) : null;
        List<Node> fArguments = new ArrayList<>(List.of(t, y));
        List<Node> solveInputs = new ArrayList<>(List.of(y0, t0, ts));
        int offset = 0;
        for (Node v : values) {
            if (isData(v)) {
                fArguments.add(rhs.constant(((Leaf.Constant) v.op).value()));
            } else {
                fArguments.add(rhs.apply(new Take(offset, v.shape), theta));
                solveInputs.add(v);
                offset += v.modelSize();
            }
        }
        Node f = bodies.lower(function, rhs, fArguments);
        GraphRightHandSide system = new GraphRightHandSide(rhs, t, y, theta, f);
        return graph.apply(new OdeSolve(solver.name(), y0.shape[0], k, tolerances, system), solveInputs.toArray(Node[]::new));
    }

    /** Data (and literals) reach f as its graph's constants; anything else through theta. */
    private static boolean isData(Node node) {
        return node.op instanceof Leaf.Constant;
    }
}
