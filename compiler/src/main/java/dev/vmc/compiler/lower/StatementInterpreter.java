package dev.vmc.compiler.lower;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.FunctionDef;
import dev.vmc.compiler.ast.Names;
import dev.vmc.compiler.ast.Pos;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.check.ExprText;
import dev.vmc.runtime.graph.Binary;
import dev.vmc.runtime.graph.Gather;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Select;
import dev.vmc.runtime.graph.Take;
import dev.vmc.runtime.graph.Unary;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a block's statements once, while its graph is built: symbolic execution over the names'
 * values (graph nodes, see {@link Values}). A loop is unrolled, so its bounds must be known from
 * the data; an if whose condition the data fix runs one branch, and one whose condition depends
 * on parameters runs both and merges each variable they assign with a select, its ~ and target +=
 * counting only where the condition holds. Each ~ and target += it executes is handed to
 * {@link Terms}, with the condition it ran under.
 */
final class StatementInterpreter {
    /** The most statements one block may execute while its graph is built. */
    static final long MOST_STATEMENTS = 1_000_000;

    /** Where the ~ and target += statements go: the model's factors. */
    interface Terms {
        /** {@code elements} is the statement's log density terms, already 0 where its condition does not hold. */
        void add(Stmt statement, Node elements);
    }

    /** For tests: unroll loops that could run vectorised, to compare the two. */
    static boolean unrollEveryLoop;

    private final Scope scope;
    private final Graph graph;
    private final Values names;
    private final Terms terms;
    private final Map<Node, Tensor> known = new IdentityHashMap<>();
    /** The conjunction of the parameter-dependent conditions the statements now run under, or null. */
    private Node guard;
    private int loopDepth;
    private long executed;

    private static final class Break extends RuntimeException {
        Break() {
            super(null, null, false, false);
        }
    }

    /** A function's {@code return}, ending its body with the value (null for a void function's). */
    private static final class Returned extends RuntimeException {
        final Node value;

        Returned(Node value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    /**
     * A function's returns met under parameter-dependent conditions, in the order they ran: each
     * a guard and a value. The first whose guard holds is the one Stan would have taken.
     */
    private final List<Node[]> guardedReturns = new ArrayList<>();

    private static final class Continue extends RuntimeException {
        Continue() {
            super(null, null, false, false);
        }
    }

    StatementInterpreter(Scope scope, Terms terms) {
        this.scope = scope;
        this.graph = scope.graph;
        this.names = scope.names;
        this.terms = terms;
        scope.readElementsWith(this::readElement);
    }

    void run(List<Stmt> statements) {
        for (Stmt s : statements) {
            execute(s);
        }
    }

    /**
     * A user-defined function's body, run with its parameters already bound: its result (null
     * for a void function). A return under a parameter-dependent condition is merged with select.
     */
    Node call(FunctionDef f) {
        Node result = null;
        boolean ended = false;
        try {
            run(f.body());
        } catch (Returned r) {
            result = r.value;
            ended = true;
        }
        if (f.isVoid()) {
            return null;
        }
        if (!ended) {
            if (guardedReturns.isEmpty()) {
                throw error(f.pos(), "function '" + f.name() + "' ended without returning a value");
            }
            result = guardedReturns.remove(guardedReturns.size() - 1)[1]; // the checker saw every path return
        }
        for (int k = guardedReturns.size() - 1; k >= 0; k--) {
            Node[] guarded = guardedReturns.get(k);
            result = graph.apply(Select.INSTANCE, guarded[0], guarded[1], result);
        }
        return result;
    }

    private void execute(Stmt s) {
        if (++executed > MOST_STATEMENTS) {
            throw error(s.pos(), "the statements execute more than " + MOST_STATEMENTS + " times while the model is built"
                    + " (loops are unrolled); write the loop's body as one vectorised statement");
        }
        scope.at(s.pos());
        if (s instanceof Stmt.Define define) {
            define(define.decl());
        } else if (s instanceof Stmt.Sample sample) {
            sample(s, sample);
        } else if (s instanceof Stmt.TargetAdd target) {
            term(s, scope.lower(target.value()));
        } else if (s instanceof Stmt.Assign assign) {
            assign(assign);
        } else if (s instanceof Stmt.If branching) {
            branch(branching);
        } else if (s instanceof Stmt.For loop) {
            loop(loop);
        } else if (s instanceof Stmt.While loop) {
            whileLoop(loop);
        } else if (s instanceof Stmt.Break) {
            throw new Break();
        } else if (s instanceof Stmt.Continue) {
            throw new Continue();
        } else if (s instanceof Stmt.Block block) {
            run(block.body());
        } else if (s instanceof Stmt.Print print && print.reject()) {
            reject(print);
        } else if (s instanceof Stmt.Return ret) {
            Node value = ret.value() == null ? null : scope.lower(ret.value());
            if (guard == null) {
                throw new Returned(value);
            }
            if (value != null) {
                guardedReturns.add(new Node[] {guard, value});
            }
        } else if (s instanceof Stmt.Call call) {
            scope.lower(call.call());
        }
        // print shows nothing while fitting: the statements run once, when the graph is built
    }

    /** {@code statement}'s term, lowered as {@code sample} says (itself, or its vectorised form). */
    private void sample(Stmt statement, Stmt.Sample sample) {
        List<Node> arguments = scope.arguments(sample);
        term(statement, scope.distribution(sample).logDensities(graph, scope.lower(sample.variate()), arguments));
    }

    private void term(Stmt s, Node elements) {
        terms.add(s, guard == null ? elements : graph.apply(Select.INSTANCE, guard, elements, graph.constant(0)));
    }

    /** reject: an error where the data lead to it, a density of -infinity where parameters do. */
    private void reject(Stmt.Print reject) {
        if (guard == null) {
            StringBuilder message = new StringBuilder();
            for (Object item : reject.items()) {
                if (item instanceof Expr e) {
                    Tensor value = valueOf(scope.lower(e));
                    message.append(value == null ? ExprText.of(e) : format(value));
                } else {
                    message.append(item);
                }
            }
            throw error(reject.pos(), "reject: " + message);
        }
        terms.add(reject, graph.apply(Select.INSTANCE, guard, graph.constant(Double.NEGATIVE_INFINITY), graph.constant(0)));
    }

    private static String format(Tensor value) {
        if (value.rank() == 0) {
            double v = value.item();
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        return java.util.Arrays.toString(value.data);
    }

    private void define(Decl decl) {
        int[] shape = shapeOf(decl.type());
        if (decl.init() == null) {
            // Stan's start: every element not a number until assigned
            Node nan = graph.constant(Double.NaN);
            if (shape.length == 0) {
                names.put(decl.name(), nan);
            } else {
                Node[] slots = new Node[Shapes.size(shape)];
                java.util.Arrays.fill(slots, nan);
                names.putElements(decl.name(), new Values.Elements(shape, slots));
            }
            return;
        }
        Node value = scope.lower(decl.init());
        if (value.rank() == 0 && shape.length > 0) {
            value = graph.add(graph.constant(new Tensor(shape)), value); // a scalar fills the container
        }
        names.put(decl.name(), folded(value));
    }

    /** A value the data fix becomes a constant, so that sizes and bounds may use it later. */
    private Node folded(Node value) {
        if (value.op instanceof Leaf) {
            return value;
        }
        Tensor constant = valueOf(value);
        return constant == null ? value : graph.constant(constant);
    }

    private int[] shapeOf(TypeExpr type) {
        List<Expr> sizes = new ArrayList<>(type.arrayDims());
        sizes.addAll(type.dims());
        int[] shape = new int[sizes.size()];
        for (int k = 0; k < shape.length; k++) {
            shape[k] = (int) known(sizes.get(k), "a size");
        }
        return shape;
    }

    private void assign(Stmt.Assign assign) {
        Node value = scope.lower(assign.op().equals("=") ? assign.value()
                : new Expr.Binary(assign.pos(), assign.op(), assign.target(), assign.value()));
        if (assign.indices().isEmpty()) {
            Node current = names.get(assign.name());
            if (value.rank() == 0 && current.rank() > 0) {
                value = graph.add(graph.constant(new Tensor(current.shape)), value);
            }
            names.put(assign.name(), folded(value));
            return;
        }
        Values.Elements elements = elementsFor(assign.name());
        List<int[]> ranges = new ArrayList<>();
        Node dynamicIndex = null;
        for (int k = 0; k < assign.indices().size(); k++) {
            Expr index = assign.indices().get(k);
            int size = elements.shape[k];
            if (index instanceof Expr.Slice slice) {
                int from = slice.lower() == null ? 1 : (int) known(slice.lower(), "a slice's start");
                int to = slice.upper() == null ? size : (int) known(slice.upper(), "a slice's end");
                ranges.add(new int[] {from - 1, to});
                continue;
            }
            Node position = scope.lower(index);
            Tensor constant = valueOf(position);
            if (constant == null && position.rank() == 0 && assign.indices().size() == 1) {
                dynamicIndex = position; // set below by comparing with each position
                ranges.add(new int[] {0, size});
                continue;
            }
            if (constant == null || constant.rank() != 0) {
                throw error(index.pos(), "an assignment's index must be one int the data fix (or a slice); '"
                        + ExprText.of(index) + "' is not");
            }
            int i = (int) constant.item();
            if (i < 1 || i > size) {
                throw error(index.pos(), "index " + i + " is outside '" + Names.shown(assign.name()) + "', whose size is "
                        + size + " there");
            }
            ranges.add(new int[] {i - 1, i});
        }
        int[] shape = elements.shape;
        int[] strides = strides(shape);
        List<Integer> offsets = new ArrayList<>();
        collect(ranges, strides, 0, 0, shape, offsets);
        if (dynamicIndex != null) {
            for (int k = 0; k < offsets.size(); k++) {
                Node here = graph.apply(Binary.EQUAL, dynamicIndex, graph.constant(k + 1));
                int offset = offsets.get(k);
                elements.set(offset, graph.apply(Select.INSTANCE, here, value, elements.slots[offset]));
            }
            return;
        }
        if (value.rank() == 0) {
            for (int offset : offsets) {
                elements.set(offset, value);
            }
            return;
        }
        if (value.modelSize() != offsets.size()) {
            throw error(assign.pos(), "the value assigned has " + value.modelSize() + " elements where '"
                    + ExprText.of(assign.target()) + "' has " + offsets.size());
        }
        for (int k = 0; k < offsets.size(); k++) {
            elements.set(offsets.get(k), graph.apply(new Take(k, new int[0]), value));
        }
    }

    /** The row-major offsets of the elements the ranges select (dimensions past the ranges whole). */
    private static void collect(List<int[]> ranges, int[] strides, int dim, int base, int[] shape, List<Integer> out) {
        if (dim == shape.length) {
            out.add(base);
            return;
        }
        int from = dim < ranges.size() ? ranges.get(dim)[0] : 0;
        int to = dim < ranges.size() ? ranges.get(dim)[1] : shape[dim];
        for (int i = from; i < to; i++) {
            collect(ranges, strides, dim + 1, base + i * strides[dim], shape, out);
        }
    }

    /** The name's elements, splitting its value into them on the first assignment to an element. */
    private Values.Elements elementsFor(String name) {
        Values.Elements elements = names.elementsOf(name);
        if (elements != null) {
            return elements;
        }
        Node whole = names.get(name);
        Node[] slots = new Node[whole.modelSize()];
        for (int k = 0; k < slots.length; k++) {
            slots[k] = graph.apply(new Take(k, new int[0]), whole);
        }
        elements = new Values.Elements(whole.shape, slots);
        names.putElements(name, elements);
        return elements;
    }

    /**
     * {@code x[i]} or {@code x[i, j]} of a container built element by element, with indices the
     * data fix: the element itself (or the stacked elements of a row), not an index into the
     * stacked whole. Null where the expression is anything else.
     */
    private Node readElement(Expr.Index index) {
        if (!(index.target() instanceof Expr.Var v) || names.elementsOf(v.name()) == null) {
            return null;
        }
        Values.Elements elements = names.elementsOf(v.name());
        if (index.indices().size() > elements.shape.length) {
            return null;
        }
        int offset = 0;
        int[] strides = strides(elements.shape);
        for (int k = 0; k < index.indices().size(); k++) {
            Expr i = index.indices().get(k);
            if (i instanceof Expr.Slice) {
                return null;
            }
            Tensor position = valueOf(scope.lower(i));
            if (position == null || position.rank() != 0) {
                return null;
            }
            int at = (int) position.item();
            if (at < 1 || at > elements.shape[k]) {
                return null; // the general path reports it, as it does for any container
            }
            offset += (at - 1) * strides[k];
        }
        int[] rest = java.util.Arrays.copyOfRange(elements.shape, index.indices().size(), elements.shape.length);
        if (rest.length == 0) {
            return elements.slots[offset];
        }
        Node[] row = java.util.Arrays.copyOfRange(elements.slots, offset, offset + Shapes.size(rest));
        Node vector = graph.apply(dev.vmc.runtime.graph.Stack.INSTANCE, row);
        return rest.length == 1 ? vector : graph.reshape(vector, rest);
    }

    private void branch(Stmt.If branching) {
        Node condition = scope.lower(branching.condition());
        Tensor constant = valueOf(condition);
        if (constant != null) {
            run(constant.item() != 0 ? branching.then() : branching.otherwise());
            return;
        }
        if (loopDepth > 0 && (breaks(branching.then()) || breaks(branching.otherwise()))) {
            throw error(branching.pos(), "break, continue or reject under a condition that depends on parameters"
                    + " ('" + ExprText.of(branching.condition()) + "') is not supported: loops are unrolled before the fit");
        }
        Node outer = guard;
        Values.Snapshot before = names.snapshot();
        guard = outer == null ? condition : graph.apply(Binary.AND, outer, condition);
        run(branching.then());
        Values.Snapshot then = names.snapshot();
        names.restore(before);
        Node otherwise = graph.apply(Unary.NOT, condition);
        guard = outer == null ? otherwise : graph.apply(Binary.AND, outer, otherwise);
        run(branching.otherwise());
        guard = outer;
        merge(condition, before, then);
    }

    /** After both branches: each variable either assigned is the then-branch's value where the condition holds. */
    private void merge(Node condition, Values.Snapshot before, Values.Snapshot then) {
        Set<String> all = new LinkedHashSet<>(before.nodes().keySet());
        all.addAll(before.elements().keySet());
        for (String name : all) {
            Values.Elements a = then.elements().get(name);
            Values.Elements b = names.elementsOf(name);
            if (a != null && b != null) {
                for (int k = 0; k < a.slots.length; k++) {
                    if (a.slots[k] != b.slots[k]) {
                        b.set(k, graph.apply(Select.INSTANCE, condition, a.slots[k], b.slots[k]));
                    }
                }
                continue;
            }
            Node thenValue = a != null ? a.whole(graph) : then.nodes().get(name);
            Node otherwise = names.get(name);
            if (thenValue != otherwise) {
                names.put(name, graph.apply(Select.INSTANCE, condition, thenValue, otherwise));
            }
        }
    }

    private static boolean breaks(List<Stmt> statements) {
        return dev.vmc.compiler.ast.Stmts.all(statements).stream().anyMatch(s -> s instanceof Stmt.Break
                || s instanceof Stmt.Continue);
    }

    private void loop(Stmt.For loop) {
        if (loop.overElements()) {
            Node container = scope.lower(loop.lower());
            int count = container.shape.length == 0 ? 0 : container.shape[0];
            for (int i = 0; i < count; i++) {
                Node element = graph.apply(Gather.INSTANCE, container, graph.constant(i));
                if (!iterate(loop.variable().name(), element, loop.body())) {
                    break;
                }
            }
            return;
        }
        long from = known(loop.lower(), "a for loop's start");
        long to = known(loop.upper(), "a for loop's end");
        if (!unrollEveryLoop && to >= from && LoopVectorising.applies(loop, this::rankOf)) {
            vectorised(loop, from, to);
            return;
        }
        for (long i = from; i <= to; i++) {
            if (!iterate(loop.variable().name(), graph.constant(i), loop.body())) {
                break;
            }
        }
    }

    /** The rank of a name's value as it stands, or -1 for a name with none yet. */
    private int rankOf(String name) {
        Values.Elements elements = names.elementsOf(name);
        if (elements != null) {
            return elements.shape.length;
        }
        Node value = names.get(name);
        return value == null ? -1 : value.rank();
    }

    /**
     * A loop whose iterations are independent (see {@link LoopVectorising}), run once with its
     * variable the vector from..to: each statement's value is the vector of the iterations' values.
     */
    private void vectorised(Stmt.For loop, long from, long to) {
        int count = (int) (to - from + 1);
        Tensor positions = new Tensor(new int[] {count});
        for (int k = 0; k < count; k++) {
            positions.data[k] = from + k;
        }
        names.put(loop.variable().name(), graph.constant(positions));
        executed += (long) count * loop.body().size();
        for (Stmt s : loop.body()) {
            scope.at(s.pos());
            Stmt vector = LoopVectorising.elementwise(s);
            if (vector instanceof Stmt.Sample sample) {
                sample(s, sample);
            } else if (vector instanceof Stmt.TargetAdd target) {
                term(s, scope.lower(target.value()));
            } else {
                Stmt.Assign assign = (Stmt.Assign) vector;
                Node value = scope.lower(assign.value());
                int size = rankOf(assign.name()) == 1 ? names.get(assign.name()).shape[0] : -1;
                if (value.rank() == 0) {
                    value = graph.add(graph.constant(new Tensor(new int[] {count})), value);
                }
                if (from == 1 && to == size) {
                    names.put(assign.name(), value);
                    continue;
                }
                if (from < 1 || to > size) {
                    throw error(loop.pos(), "the loop assigns '" + Names.shown(assign.name()) + "[" + from + "]' to '"
                            + Names.shown(assign.name()) + "[" + to + "]', outside its size " + size);
                }
                Values.Elements elements = elementsFor(assign.name());
                for (int k = 0; k < count; k++) {
                    elements.set((int) (from - 1) + k, graph.apply(new Take(k, new int[0]), value));
                }
            }
        }
    }

    /** One iteration; false where it broke out of the loop. */
    private boolean iterate(String variable, Node value, List<Stmt> body) {
        names.put(variable, value);
        loopDepth++;
        try {
            run(body);
        } catch (Continue c) {
            // on to the next iteration
        } catch (Break b) {
            return false;
        } finally {
            loopDepth--;
        }
        return true;
    }

    private void whileLoop(Stmt.While loop) {
        while (true) {
            scope.at(loop.pos());
            Tensor condition = valueOf(scope.lower(loop.condition()));
            if (condition == null) {
                throw error(loop.condition().pos(), "a while loop's condition must be known from the data, but '"
                        + ExprText.of(loop.condition()) + "' depends on parameters (loops are unrolled before the fit)");
            }
            if (condition.item() == 0) {
                return;
            }
            if (++executed > MOST_STATEMENTS) {
                execute(loop); // reports the cap
            }
            loopDepth++;
            try {
                run(loop.body());
            } catch (Continue c) {
                // test the condition again
            } catch (Break b) {
                return;
            } finally {
                loopDepth--;
            }
        }
    }

    /** An int the data fix: a loop's bound, a size, an assignment's slice. */
    private long known(Expr e, String what) {
        Tensor value = valueOf(scope.lower(e));
        if (value == null) {
            throw error(e.pos(), what + " must be known from the data, but '" + ExprText.of(e)
                    + "' depends on parameters (loops are unrolled before the fit)");
        }
        return (long) value.item();
    }

    private static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int k = shape.length - 1; k >= 0; k--) {
            strides[k] = stride;
            stride *= shape[k];
        }
        return strides;
    }

    private Tensor valueOf(Node node) {
        return Evaluator.valueOf(node, known);
    }

    private StatementException error(Pos pos, String message) {
        return new StatementException(scope.describe(pos) + ": " + message);
    }
}
