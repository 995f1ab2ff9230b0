package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.BinaryChain;
import dev.vmc.compiler.ast.Builtins;
import dev.vmc.compiler.ast.DensityCalls;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Names;
import dev.vmc.compiler.ast.OdeFunctions;
import dev.vmc.compiler.diag.Diagnostics;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Gives every expression its type, reporting what does not type. An operand whose type is
 * {@link Type#ERROR} was already reported, so nothing built on it is reported again.
 */
final class ExprTyper {
    private final SymbolTable symbols;
    private final Diagnostics diagnostics;
    private final IdentityHashMap<Expr, Type> types;
    private final Constants constants;
    private final DensityCallTypes densityCalls;
    /** The networks block's signatures, filled by the checker before any block that may call them. */
    private final java.util.Map<String, NetworkChecker.Signature> networks = new java.util.HashMap<>();
    /** The functions block's signatures, for the calls that take a function (the ODE solvers). */
    private final java.util.Map<String, FunctionSignature> functions = new java.util.HashMap<>();

    ExprTyper(SymbolTable symbols, Diagnostics diagnostics, IdentityHashMap<Expr, Type> types) {
        this.symbols = symbols;
        this.diagnostics = diagnostics;
        this.types = types;
        this.constants = new Constants(types);
        this.densityCalls = new DensityCallTypes(new DistributionArguments(constants, diagnostics), diagnostics);
    }

    Type type(Expr expr, Scope scope) {
        Type type = compute(expr, scope);
        types.put(expr, type);
        return type;
    }

    /** The type already given to an expression, or null if it has none yet. */
    Type typeOf(Expr expr) {
        return types.get(expr);
    }

    /** Records a type found by a caller that resolves the expression itself (a guide's variate). */
    void record(Expr expr, Type type) {
        types.put(expr, type);
    }

    private Type compute(Expr expr, Scope scope) {
        if (expr instanceof Expr.Num n) {
            return n.isInteger() ? Type.INT : Type.REAL;
        }
        if (expr instanceof Expr.Var v) {
            return name(v, scope);
        }
        if (expr instanceof Expr.Unary u) {
            Type operand = type(u.operand(), scope);
            return u.op().equals("!") && !operand.isError() ? operand.withElement(Type.Element.INT) : operand;
        }
        if (expr instanceof Expr.Literal l) {
            return literal(l, scope);
        }
        if (expr instanceof Expr.Conditional c) {
            Type condition = type(c.condition(), scope);
            Type then = type(c.then(), scope);
            Type otherwise = type(c.otherwise(), scope);
            if (condition.isError() || then.isError() || otherwise.isError()) {
                return Type.ERROR;
            }
            return verdict(expr, OperatorTypes.conditional(condition, then, otherwise));
        }
        if (expr instanceof Expr.Binary top) {
            return chain(top, scope);
        }
        if (expr instanceof Expr.Call c) {
            return call(c, scope);
        }
        if (expr instanceof Expr.Index i) {
            return index(i, scope);
        }
        return transpose((Expr.Transpose) expr, scope);
    }

    /** Calls, in one frame of their own: compute's frame is on the stack once per level of nesting. */
    private Type call(Expr.Call c, Scope scope) {
        FunctionSignature user = functions.get(c.function());
        if (user != null) {
            List<Type> args = new ArrayList<>();
            c.args().forEach(a -> args.add(type(a, scope)));
            return verdict(c, UserFunctions.call(user, args));
        }
        if (UnsupportedFunctions.message(c.function()) != null) {
            return verdict(c, Outcome.fail(UnsupportedFunctions.message(c.function())));
        }
        if (OdeFunctions.isSolver(c.function())) {
            return odeCall(c, OdeFunctions.lookup(c.function()).orElseThrow(), scope);
        }
        if (RandomDraws.isDraw(c.function())) {
            List<Type> args = new ArrayList<>();
            c.args().forEach(a -> args.add(type(a, scope)));
            return verdict(c, RandomDraws.type(c.function(), args, scope.drawsAtRandom()));
        }
        if (networks.containsKey(c.function())) {
            return verdict(c, networkCall(c, networks.get(c.function()), scope));
        }
        if (DensityCalls.isDensityCall(c.function())) {
            List<Type> args = new ArrayList<>();
            c.args().forEach(a -> args.add(type(a, scope)));
            return densityCalls.type(c, DensityCalls.parse(c.function()).orElseThrow(), args);
        }
        List<Type> args = new ArrayList<>();
        c.args().forEach(a -> args.add(type(a, scope)));
        Type type = verdict(c, CallTypes.call(c.function(), args));
        Builtins.Kind kind = Builtins.lookup(c.function(), args.size()).map(Builtins.Builtin::kind).orElse(null);
        if (type.isError()
                || (kind != Builtins.Kind.REPEAT && kind != Builtins.Kind.SLICE && kind != Builtins.Kind.RESHAPE)) {
            return type;
        }
        return kind == Builtins.Kind.REPEAT ? repeated(c) : kind == Builtins.Kind.SLICE ? sliced(c, args.get(0))
                : refilled(c, args.get(0));
    }

    void defineNetworks(java.util.Map<String, NetworkChecker.Signature> signatures) {
        networks.putAll(signatures);
    }

    /** The user-defined function of this name, or null. */
    FunctionSignature function(String name) {
        return functions.get(name);
    }

    /** The user-defined functions that calls such as the ODE solvers' may name. */
    void defineFunctions(java.util.Map<String, FunctionSignature> signatures) {
        functions.putAll(signatures);
    }

    /**
     * {@code integrate_ode_rk45(f, ...)} or {@code ode_bdf(f, ...)}: f must name a user-defined
     * function, the data-only arguments must be data, and the rest type by {@link OdeCalls}.
     */
    private Type odeCall(Expr.Call c, OdeFunctions.Solver solver, Scope scope) {
        String arity = OdeCalls.arityProblem(solver, c.args().size());
        if (arity != null) {
            return verdict(c, Outcome.fail(arity));
        }
        Expr first = c.args().get(0);
        FunctionSignature f = first instanceof Expr.Var v ? functions.get(v.name()) : null;
        if (f == null) {
            String what = first instanceof Expr.Var v ? "user-defined function '" + v.name() + "' is not declared"
                    : ExprText.of(first) + " is not a function name";
            diagnostics.error(ExprStart.of(first), what + "; the first argument of " + solver.name()
                    + " names the right-hand side, a function from the functions block");
            return Type.ERROR;
        }
        List<Type> args = new ArrayList<>();
        args.add(Type.ERROR); // the function's name, not a value
        boolean typed = true;
        for (Expr a : c.args().subList(1, c.args().size())) {
            Type t = type(a, scope);
            args.add(t);
            typed &= !t.isError();
        }
        if (!typed) {
            return Type.ERROR;
        }
        for (OdeCalls.Role role : OdeCalls.dataArguments(solver, c.args().size())) {
            Expr arg = c.args().get(role.position());
            String notData = firstNonDataName(arg);
            if (notData != null) {
                diagnostics.error(ExprStart.of(arg), solver.name() + "'s " + role.name() + " must be data, but '" + notData
                        + "' is " + symbols.get(notData).kind().withArticle());
                return Type.ERROR;
            }
        }
        return verdict(c, OdeCalls.type(solver, args, f));
    }

    /** A network maps each row of its input (or its one input vector) to an output row. */
    private Outcome networkCall(Expr.Call c, NetworkChecker.Signature net, Scope scope) {
        if (c.args().size() != 1) {
            return Outcome.fail("network '" + c.function() + "' takes one argument, its input, got " + c.args().size());
        }
        Type in = type(c.args().get(0), scope);
        if (in.isError()) {
            return Outcome.ok(Type.ERROR);
        }
        List<Size> shape = in.shape();
        if (shape.isEmpty() || shape.size() > 2 || !shape.get(shape.size() - 1).matches(net.in())) {
            return Outcome.fail("network '" + c.function() + "' takes a vector[" + net.in() + "] or a matrix with "
                    + net.in() + " columns (one row per input), got " + in);
        }
        return Outcome.ok(shape.size() == 1 ? Type.vector(net.out()) : Type.matrix(shape.get(0), net.out()));
    }

    /** rep_vector(x, K) as vector[K] (rep_matrix(x, M, N) as matrix[M, N], ...), the sizes read by {@link #knownSize}. */
    private Type repeated(Expr.Call c) {
        Size size = knownSize(c, c.args().get(1));
        Size columns = c.args().size() == 3 ? knownSize(c, c.args().get(2)) : size;
        if (size == null || columns == null) {
            return Type.ERROR;
        }
        return switch (c.function()) {
            case "rep_array" -> new Type(types.get(c.args().get(0)).element(), Type.Container.SCALAR, List.of(size), List.of());
            case "rep_row_vector" -> Type.rowVector(size);
            case "rep_matrix" -> c.args().size() == 3 ? Type.matrix(size, columns)
                    : copies(types.get(c.args().get(0)), size);
            default -> Type.vector(size);
        };
    }

    /** rep_matrix(v, n) as matrix[size(v), n], rep_matrix(rv, m) as matrix[m, size(rv)]. */
    private static Type copies(Type vector, Size count) {
        Size length = vector.dims().get(0);
        return vector.container() == Type.Container.VECTOR ? Type.matrix(length, count) : Type.matrix(count, length);
    }

    /**
     * to_matrix(x, m, n) as matrix[m, n], the sizes read by {@link #knownSize}. Where they and x's
     * sizes are all literal, a count of elements that differs from x's is reported here rather
     * than when the model is built.
     */
    private Type refilled(Expr.Call c, Type x) {
        Size rows = knownSize(c, c.args().get(1));
        Size columns = knownSize(c, c.args().get(2));
        if (rows == null || columns == null) {
            return Type.ERROR;
        }
        long elements = 1;
        for (Size s : x.shape()) {
            if (!(s instanceof Size.Literal l)) {
                elements = -1;
                break;
            }
            elements *= l.value();
        }
        if (elements >= 0 && rows instanceof Size.Literal m && columns instanceof Size.Literal n
                && (long) m.value() * n.value() != elements) {
            diagnostics.error(c.pos(), ExprText.of(c) + " makes a matrix of " + (long) m.value() * n.value()
                    + " elements from the " + elements + " of " + x);
            return Type.ERROR;
        }
        return Type.matrix(rows, columns);
    }

    /**
     * head(v, n), tail(v, n) and segment(v, i, n) as v's container of n, their sizes read as
     * rep_vector's is. Where v's size and the arguments are all literal, a slice that runs past
     * v's end is reported here rather than when the model is built.
     */
    private Type sliced(Expr.Call c, Type vector) {
        boolean segment = c.function().equals("segment");
        Expr sizeExpr = c.args().get(segment ? 2 : 1);
        Size size = knownSize(c, sizeExpr);
        if (size == null) {
            return Type.ERROR;
        }
        Double start = 1.0;
        if (segment) {
            Expr startExpr = c.args().get(1);
            if (!overDataOnly(c.function() + "'s start", startExpr)) {
                return Type.ERROR;
            }
            start = constants.valueOf(startExpr);
            if (start != null && start < 1) {
                diagnostics.error(ExprStart.of(startExpr), "segment's start is " + DeclaredValues.number(start)
                        + "; indices start at 1");
                return Type.ERROR;
            }
        }
        if (vector.shape().get(0) instanceof Size.Literal length && size instanceof Size.Literal n && start != null) {
            double last = (segment ? start : 1) + n.value() - 1;
            if (last > length.value()) {
                diagnostics.error(c.pos(), ExprText.of(c) + " takes elements up to " + DeclaredValues.number(last)
                        + " of " + vector + ", which has " + length.value());
                return Type.ERROR;
            }
        }
        return vector.isArray() ? new Type(vector.element(), Type.Container.SCALAR, List.of(size), List.of())
                : new Type(Type.Element.REAL, vector.container(), List.of(), List.of(size));
    }

    /**
     * A size argument (rep_vector's, head's): its value must be known when the model is built,
     * so it may use only data and literals, and it is named as a declaration's would be, so
     * that rep_vector(1, K) fits a simplex[K]. Null, reported, if it is not fit to be a size.
     */
    private Size knownSize(Expr.Call c, Expr size) {
        if (!overDataOnly(c.function() + "'s size", size)) {
            return null;
        }
        Double value = constants.valueOf(size);
        if (value != null) {
            String problem = DeclaredValues.size(ExprText.of(c), size, value);
            if (problem != null) {
                diagnostics.error(ExprStart.of(size), problem);
                return null;
            }
            return new Size.Literal((int) (double) value);
        }
        return size instanceof Expr.Var v ? new Size.Named(v.name()) : Size.UNKNOWN;
    }

    /** Whether {@code expr} uses data and literals alone; reports the first other name if not. */
    private boolean overDataOnly(String what, Expr expr) {
        String notData = firstNonDataName(expr);
        if (notData != null) {
            diagnostics.error(ExprStart.of(expr), what + " must be an int over data and literals, but '" + notData
                    + "' is " + symbols.get(notData).kind().withArticle());
            return false;
        }
        return true;
    }

    private String firstNonDataName(Expr expr) {
        return Names.in(expr).stream().map(Expr.Var::name)
                // a function's own arguments and locals: what they hold is known only where it is called
                .filter(name -> symbols.get(name) != null && symbols.get(name).kind() != NameKind.DATA
                        && symbols.get(name).kind() != NameKind.FUNCTION)
                .findFirst().orElse(null);
    }

    /** A sum or product of any length, typed in a loop along its left edge (see {@link BinaryChain}). */
    private Type chain(Expr.Binary top, Scope scope) {
        Type left = type(BinaryChain.first(top), scope);
        for (Expr.Binary b : BinaryChain.of(top)) {
            Type right = type(b.right(), scope);
            left = left.isError() || right.isError() ? Type.ERROR : verdict(b, OperatorTypes.binary(b.op(), left, right));
            if (b != top) {
                types.put(b, left);
            }
        }
        return left;
    }

    private Type name(Expr.Var v, Scope scope) {
        Symbol symbol = symbols.get(v.name());
        if (symbol == null) {
            String hint = Suggestions.nearest(v.name(), symbols.all().keySet())
                    .map(s -> "; did you mean '" + s + "'?").orElse("");
            diagnostics.error(v.pos(), "undeclared name '" + v.name() + "'" + hint);
            return Type.ERROR;
        }
        if (!scope.sees(symbol.kind())) {
            diagnostics.error(v.pos(), scope.refuse(symbol));
            return Type.ERROR;
        }
        if (scope.needsDefinition(symbol.kind()) && !scope.isDefined(symbol.name())) {
            diagnostics.error(v.pos(), scope.tooEarly(symbol));
            return Type.ERROR;
        }
        return symbol.type();
    }

    private Type index(Expr.Index i, Scope scope) {
        Type target = type(i.target(), scope);
        List<Type> indices = new ArrayList<>();
        boolean usable = !target.isError();
        List<Size> shape = target.isError() ? List.of() : target.shape();
        for (int k = 0; k < i.indices().size(); k++) {
            Expr index = i.indices().get(k);
            Type type = index instanceof Expr.Slice slice ? slice(slice, k < shape.size() ? shape.get(k) : Size.UNKNOWN, scope)
                    : type(index, scope);
            types.put(index, type); // a slice's type is that of the positions it selects
            indices.add(type);
            if (type.isError()) {
                usable = false;
            } else if (IndexTypes.problemWithIndex(type) != null) {
                diagnostics.error(ExprStart.of(index), IndexTypes.problemWithIndex(type));
                usable = false;
            }
        }
        if (usable && target.isScalar()) {
            String what = i.target() instanceof Expr.Var v ? target + " '" + v.name() + "'" : target.toString();
            return verdict(i, Outcome.fail("cannot index " + what + ": it is a single number"));
        }
        if (usable && (!constantIndicesFit(i, target) || !selectionsKnownBeforeFit(i, indices))) {
            return Type.ERROR;
        }
        return usable ? verdict(i, IndexTypes.index(target, indices)) : Type.ERROR;
    }

    /**
     * A slice {@code a:b}, typed as the int array of its positions would be: {@code array[n] int}
     * with n known where both ends are literals, or for {@code :}, the dimension's own size.
     */
    private Type slice(Expr.Slice slice, Size dimension, Scope scope) {
        Double lower = 1.0;
        Double upper = null;
        boolean ok = true;
        for (Expr end : java.util.Arrays.asList(slice.lower(), slice.upper())) {
            if (end == null) {
                continue;
            }
            Type t = type(end, scope);
            if (t.isError()) {
                ok = false;
            } else if (!t.isInt() || !t.isScalar()) {
                diagnostics.error(ExprStart.of(end), "the ends of a slice a:b must be ints, got " + t);
                ok = false;
            }
        }
        if (!ok) {
            return Type.ERROR;
        }
        if (slice.lower() != null) {
            lower = constants.valueOf(slice.lower());
        }
        if (slice.upper() != null) {
            upper = constants.valueOf(slice.upper());
        } else if (dimension instanceof Size.Literal l) {
            upper = (double) l.value();
        }
        Size size;
        if (slice.lower() == null && slice.upper() == null) {
            size = dimension;
        } else if (lower != null && upper != null) {
            size = new Size.Literal((int) Math.max(0, upper - lower + 1));
        } else {
            size = Size.UNKNOWN;
        }
        if (lower != null && upper != null && upper >= lower) {
            String range = dimension instanceof Size.Literal l ? "1.." + l.value() : null;
            if (lower < 1 || (range != null && upper > ((Size.Literal) dimension).value())) {
                diagnostics.error(slice.pos(), "the slice " + DeclaredValues.number(lower) + ":" + DeclaredValues.number(upper)
                        + " is out of range: " + (lower < 1 ? "indices start at 1" : "the dimension has indices " + range));
                return Type.ERROR;
            }
        }
        return new Type(Type.Element.INT, Type.Container.SCALAR, List.of(size), List.of());
    }

    /**
     * A slice, or an int array before the last index, selects along a dimension that a gather
     * from the front cannot reach, so its positions are worked out when the model is built: every
     * index must then be known before the fit (data and literals), not depend on a latent.
     */
    private boolean selectionsKnownBeforeFit(Expr.Index i, List<Type> indices) {
        boolean planned = false;
        for (int k = 0; k < indices.size(); k++) {
            planned |= i.indices().get(k) instanceof Expr.Slice || (!indices.get(k).isScalar() && k < indices.size() - 1);
        }
        if (!planned) {
            return true;
        }
        for (Expr index : i.indices()) {
            for (Expr.Var v : Names.in(index)) {
                Symbol symbol = symbols.get(v.name());
                if (symbol != null && VARYING.contains(symbol.kind())) {
                    diagnostics.error(v.pos(), "an index beside a slice or an int array must be known before the fit, but '"
                            + v.name() + "' is " + symbol.kind().withArticle() + "; index by it alone, or by data");
                    return false;
                }
            }
        }
        return true;
    }

    /** The kinds of name whose values the fit changes. */
    private static final java.util.Set<NameKind> VARYING = java.util.EnumSet.of(NameKind.PARAM, NameKind.LATENT,
            NameKind.DERIVED, NameKind.GUIDE_PARAM, NameKind.GUIDE_LOCAL, NameKind.GENERATED);

    /**
     * An index of literals alone against a size the checker knows: {@code v[0]}, or {@code v[5]}
     * on a {@code vector[3]}, would otherwise pass the check and fail the run.
     */
    private boolean constantIndicesFit(Expr.Index i, Type target) {
        List<Size> shape = target.shape();
        for (int k = 0; k < i.indices().size() && k < shape.size(); k++) {
            Double value = constants.valueOf(i.indices().get(k));
            if (value == null) {
                continue;
            }
            String bound = shape.get(k) instanceof Size.Literal l ? "1.." + l.value() : null;
            if (value < 1 || (shape.get(k) instanceof Size.Literal l && value > l.value())) {
                String where = value < 1 ? "indices start at 1" + (bound == null ? "" : " (here " + bound + ")")
                        : "the dimension has indices " + bound;
                diagnostics.error(ExprStart.of(i.indices().get(k)), "index " + DeclaredValues.number(value)
                        + " is out of range: " + where);
                return false;
            }
        }
        return true;
    }

    /** {@code {a, b}} (an array) or {@code [a, b]} (a row_vector, as in Stan): numbers only for now; ints stay ints in an array. */
    private Type literal(Expr.Literal l, Scope scope) {
        boolean ints = true;
        for (Expr e : l.elements()) {
            Type t = type(e, scope);
            if (t.isError()) {
                return Type.ERROR;
            }
            if (!t.isScalar()) {
                return verdict(l, Outcome.fail("the elements of " + (l.array() ? "{...}" : "[...]") + " must be numbers for"
                        + " now, got " + t));
            }
            ints &= t.isInt();
        }
        Size n = new Size.Literal(l.elements().size());
        return l.array() ? new Type(ints ? Type.Element.INT : Type.Element.REAL, Type.Container.SCALAR, List.of(n), List.of())
                : Type.rowVector(n);
    }

    private Type transpose(Expr.Transpose t, Scope scope) {
        Type operand = type(t.operand(), scope);
        if (operand.isError()) {
            return Type.ERROR;
        }
        if (operand.container() == Type.Container.MATRIX && !operand.isArray()) {
            return Type.matrix(operand.dims().get(1), operand.dims().get(0)).withElement(operand.element());
        }
        if (operand.container() == Type.Container.VECTOR && !operand.isArray()) {
            return Type.rowVector(operand.dims().get(0));
        }
        if (operand.container() == Type.Container.ROW_VECTOR && !operand.isArray()) {
            return Type.vector(operand.dims().get(0));
        }
        return verdict(t, Outcome.fail("only a matrix, a vector or a row_vector can be transposed, got " + operand));
    }

    private Type verdict(Expr expr, Outcome outcome) {
        if (outcome.failed()) {
            diagnostics.error(expr.pos(), outcome.error());
        }
        return outcome.type();
    }
}
