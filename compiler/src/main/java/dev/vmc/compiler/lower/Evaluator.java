package dev.vmc.compiler.lower;

import dev.vmc.compiler.ast.Builtins;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Names;
import dev.vmc.compiler.check.ExpressionTypes;
import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The compiler's one evaluator of expressions that need no latent: sizes, bounds and initial
 * values, from literals alone while checking and from the data once it is bound. It lowers
 * the expression into a graph of constants and lets the runtime fold it, so every function
 * and operator means exactly what it means in the model.
 *
 * <p>The expression must have passed the checker. A failure the values cause (an index
 * outside its array) is thrown as the runtime's {@code EvaluationException}.
 */
public final class Evaluator {
    private Evaluator() {}

    /**
     * The most elements a value computed on the way may have beyond the largest given value:
     * rep_vector(1, 2000000000) is a valid expression of two literals, and folding it would
     * take the heap, not tell the checker anything it needs.
     */
    public static final int LARGEST_FOLDED = 1 << 20;

    /**
     * The value, or null where the expression uses a name not among {@code values}.
     *
     * @param types the checker's types of the expression and its parts, which lowering reads
     *              where a vector and a row_vector mean different things; {@link ExpressionTypes#NONE}
     *              for an expression apart from a checked program, which then must not need them
     * @throws ShapeException where a value computed on the way would have more elements than
     *     both {@link #LARGEST_FOLDED} and the largest of {@code values}
     */
    public static Tensor evaluate(Expr expr, Map<String, Tensor> values, ExpressionTypes types) {
        if (!namesKnown(expr, values)) {
            return null;
        }
        Graph graph = new Graph();
        Map<String, Node> constants = new LinkedHashMap<>();
        values.forEach((name, value) -> constants.put(name, graph.constant(value)));
        Node node = new ExpressionLowering(graph, constants, Map.of(), false, FunctionBodies.NONE, types).lower(expr);
        long largest = Math.max(LARGEST_FOLDED, values.values().stream().mapToLong(Tensor::size).max().orElse(0));
        for (Node n : graph.nodes()) {
            if (!(n.op instanceof Leaf.Constant) && n.modelSize() > largest) {
                throw new ShapeException("it makes a value of " + n.modelSize() + " elements on the way, more than the "
                        + largest + " the compiler evaluates before the fit");
            }
        }
        Executor executor = new Executor(graph, 1, ParameterStore.initial(graph), new SplittableRandom(0));
        return executor.value(node).copy();
    }

    /** A scalar's value, or null where it needs a name not among {@code values} or is not a scalar. */
    public static Double scalar(Expr expr, Map<String, Tensor> values, ExpressionTypes types) {
        Tensor value = evaluate(expr, values, types);
        return value == null || value.rank() != 0 ? null : value.item();
    }

    /**
     * The value of an expression of literals alone, or null where it uses a name or is too big
     * to fold (the binder then reports it, with the data's values).
     */
    public static Double constant(Expr expr, ExpressionTypes types) {
        try {
            return scalar(expr, Map.of(), types);
        } catch (ShapeException e) {
            return null;
        }
    }

    /**
     * A node's value where it is computable from constants alone (no parameter, noise, input or
     * minibatch above it), else null: what a statement's loop bound, condition or index is when
     * the data fix it. Each node is computed once, by the runtime's own kernel, and remembered in
     * {@code known}, so asking about node after node of a growing graph costs each node once.
     */
    public static Tensor valueOf(Node node, Map<Node, Tensor> known) {
        // depth first with a stack of its own: a sum of 10,000 terms is a chain 10,000 deep
        java.util.ArrayDeque<Node> pending = new java.util.ArrayDeque<>();
        pending.push(node);
        while (!pending.isEmpty()) {
            Node next = pending.peek();
            if (known.containsKey(next)) {
                pending.pop();
                continue;
            }
            boolean ready = true;
            if (!(next.op instanceof Leaf)) {
                for (Node input : next.inputs) {
                    if (!known.containsKey(input)) {
                        pending.push(input);
                        ready = false;
                    }
                }
            }
            if (ready) {
                pending.pop();
                known.put(next, fold(next, known));
            }
        }
        return known.get(node);
    }

    /** One node's value from its inputs' (already known, null where not constant). */
    private static Tensor fold(Node node, Map<Node, Tensor> known) {
        if (node.op instanceof Leaf.Constant c) {
            return c.value();
        }
        if (node.op instanceof Leaf || node.batched) {
            return null;
        }
        Tensor[] inputs = new Tensor[node.inputs.size()];
        Layout[] layouts = new Layout[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            Node input = node.inputs.get(k);
            inputs[k] = known.get(input);
            if (inputs[k] == null) {
                return null;
            }
            layouts[k] = new Layout(input.shape, false, 1, true);
        }
        Tensor value = new Tensor(node.shape);
        try {
            node.op.kernel(layouts, new Layout(node.shape, false, 1, true)).forward(inputs, value);
        } catch (RuntimeException e) {
            return null; // an index out of range: left to the fit's executor, which says where
        }
        return value;
    }

    private static boolean namesKnown(Expr expr, Map<String, Tensor> values) {
        return Names.in(expr).stream().allMatch(v -> values.containsKey(v.name())) && builtinCallsOnly(expr);
    }

    /**
     * Whether every call is of a built-in function or density: a user-defined function's body
     * (and an ODE solver's right-hand side) is lowered only where the program's statements run.
     */
    private static boolean builtinCallsOnly(Expr expr) {
        java.util.Deque<Expr> pending = new java.util.ArrayDeque<>();
        pending.push(expr);
        while (!pending.isEmpty()) {
            Expr e = pending.pop();
            if (e instanceof Expr.Call c && Builtins.lookup(c.function(), c.args().size()).isEmpty()
                    && !dev.vmc.compiler.ast.DensityCalls.isDensityCall(c.function())) {
                return false;
            }
            Names.parts(e).forEach(pending::push);
        }
        return true;
    }
}
