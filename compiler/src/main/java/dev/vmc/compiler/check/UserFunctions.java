package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.FunctionDef;
import dev.vmc.compiler.ast.Names;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.ast.Stmts;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.diag.Diagnostics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stan's functions block as the checker sees it: each function's signature (Stan's unsized
 * types, every size {@link Size#UNKNOWN}), what vmc does not take (overloads, recursion, the
 * _lpdf/_lp/_rng kinds), and how a call's arguments match a signature.
 */
final class UserFunctions {
    /** The kinds vmc does not take yet; _lpdf and _lpmf functions are densities for ~ and target +=. */
    private static final List<String> SUFFIXES = List.of("_lupdf", "_lupmf", "_lcdf", "_lccdf", "_cdf", "_rng", "_lp");

    private UserFunctions() {}

    /** The signatures of the program's functions, with what vmc refuses of them reported. */
    static Map<String, FunctionSignature> signatures(Program program, Diagnostics diagnostics) {
        Map<String, FunctionSignature> signatures = new LinkedHashMap<>();
        Map<String, FunctionDef> defined = new LinkedHashMap<>();
        for (FunctionDef f : program.functions()) {
            FunctionSignature signature = signature(f);
            FunctionSignature earlier = signatures.get(f.name());
            if (earlier != null && !earlier.equals(signature)) {
                diagnostics.error(f.pos(), "a second function '" + f.name() + "' with other argument types; vmc does not"
                        + " overload user-defined functions yet: give it a name of its own");
                continue;
            }
            if (f.isDefinition() && defined.containsKey(f.name())) {
                diagnostics.error(f.pos(), "function '" + f.name() + "' is already defined at line "
                        + defined.get(f.name()).pos().line());
                continue;
            }
            String suffix = SUFFIXES.stream().filter(s -> f.name().endsWith(s)).findFirst().orElse(null);
            if (suffix != null) {
                diagnostics.error(f.pos(), "user-defined " + suffix + " functions are not supported yet; name the function"
                        + " without the suffix and " + (suffix.equals("_rng") ? "draw with the built-in _rng functions"
                                : "add its value with 'target += " + f.name().substring(0, f.name().length() - suffix.length())
                                        + "(...);' in the model"));
            }
            signatures.put(f.name(), signature);
            if (f.isDefinition()) {
                defined.put(f.name(), f);
            }
        }
        for (FunctionDef f : program.functions()) {
            if (!f.isDefinition() && !defined.containsKey(f.name())) {
                diagnostics.error(f.pos(), "function '" + f.name() + "' is declared but never defined; give it a body");
            }
        }
        refuseRecursion(defined, diagnostics);
        for (FunctionDef f : defined.values()) {
            boolean density = f.name().endsWith("_lpdf") || f.name().endsWith("_lpmf");
            if (density && (f.isVoid() || f.result().arrayRank() > 0 || f.result().base() != TypeExpr.Base.REAL
                    || f.parameters().isEmpty())) {
                diagnostics.error(f.pos(), "a density '" + f.name() + "' takes the variate first and returns a real (its"
                        + " log density)");
            }
        }
        return signatures;
    }

    static FunctionSignature signature(FunctionDef f) {
        return new FunctionSignature(f.name(), f.parameters().stream().map(p -> type(p.type())).toList(),
                f.isVoid() ? null : type(f.result()));
    }

    /** An unsized type: every size unknown, so it matches any. */
    static Type type(FunctionDef.ArgumentType type) {
        List<Size> arrays = Collections.nCopies(type.arrayRank(), Size.UNKNOWN);
        return unsized(type.base(), arrays);
    }

    /** A local's declared type with its sizes unknown: they are known only when the function is called. */
    static Type unsized(TypeExpr type) {
        return unsized(type.base(), Collections.nCopies(type.arrayDims().size(), Size.UNKNOWN));
    }

    private static Type unsized(TypeExpr.Base base, List<Size> arrays) {
        Type.Container container = TypeResolver.containerOf(base);
        int dims = switch (container) {
            case SCALAR -> 0;
            case VECTOR, ROW_VECTOR -> 1;
            case MATRIX -> 2;
        };
        return new Type(base == TypeExpr.Base.INT ? Type.Element.INT : Type.Element.REAL, container, arrays,
                Collections.nCopies(dims, Size.UNKNOWN));
    }

    /** A call's type: the argument count, each argument's type (an int may stand for a real), then the result. */
    static Outcome call(FunctionSignature f, List<Type> args) {
        if (args.stream().anyMatch(Type::isError)) {
            return Outcome.ok(Type.ERROR);
        }
        String problem = argumentProblem(f, args);
        if (problem != null) {
            return Outcome.fail(problem);
        }
        if (f.result() == null) {
            return Outcome.fail("'" + f.name() + "' is void: it returns no value; call it as a statement, '"
                    + f.name() + "(...);'");
        }
        return Outcome.ok(f.result());
    }

    /** What is wrong with the arguments of a call, or null. */
    static String argumentProblem(FunctionSignature f, List<Type> args) {
        String declared = "'" + f.name() + "' takes " + f.parameters().size() + " argument"
                + (f.parameters().size() == 1 ? "" : "s") + " " + f.parameters().stream().map(Type::toString)
                        .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
        if (args.size() != f.parameters().size()) {
            return declared + ", got " + args.size();
        }
        for (int i = 0; i < args.size(); i++) {
            Type param = f.parameters().get(i);
            Type arg = args.get(i);
            if (!arg.isError() && !fits(arg, param)) {
                return "argument " + (i + 1) + " of '" + f.name() + "' must be " + param + ", got " + arg
                        + (param.isInt() && !arg.isInt() ? " (a real does not become an int)" : "");
            }
        }
        return null;
    }

    /** Whether a value of type {@code arg} may stand where {@code param} is declared: Stan's int to real promotion. */
    static boolean fits(Type arg, Type param) {
        return arg.container() == param.container() && arg.arrayDims().size() == param.arrayDims().size()
                && (!param.isInt() || arg.isInt()) && arg.sameShapeAs(param);
    }

    /** Whether the statements end in a return on every path (Stan's rule for a function with a result). */
    static boolean returns(List<Stmt> body) {
        if (body.isEmpty()) {
            return false;
        }
        Stmt last = body.get(body.size() - 1);
        if (last instanceof Stmt.Return) {
            return true;
        }
        if (last instanceof Stmt.If branching) {
            return returns(branching.then()) && returns(branching.otherwise());
        }
        if (last instanceof Stmt.Block block) {
            return returns(block.body());
        }
        return last instanceof Stmt.Print print && print.reject();
    }

    /** The parameters and locals of every function body, each a name of its own, declared as function names. */
    static void declare(Program program, SymbolTable symbols, Map<Decl, Type> declaredTypes) {
        for (FunctionDef f : program.functions()) {
            if (!f.isDefinition()) {
                continue;
            }
            for (FunctionDef.Parameter p : f.parameters()) {
                declare(p.decl(), type(p.type()), symbols, declaredTypes);
            }
            Stmts.forEach(f.body(), s -> {
                if (s instanceof Stmt.Define define) {
                    declare(define.decl(), unsized(define.decl().type()), symbols, declaredTypes);
                } else if (s instanceof Stmt.For loop) {
                    declare(loop.variable(), Type.INT, symbols, declaredTypes);
                }
            });
        }
    }

    private static void declare(Decl decl, Type type, SymbolTable symbols, Map<Decl, Type> declaredTypes) {
        symbols.declare(decl, NameKind.FUNCTION);
        symbols.resolve(decl, type);
        declaredTypes.put(decl, type);
    }

    /** A function that calls itself, directly or through others: its calls are inlined, which would never end. */
    private static void refuseRecursion(Map<String, FunctionDef> defined, Diagnostics diagnostics) {
        Map<String, Set<String>> calls = new LinkedHashMap<>();
        defined.forEach((name, f) -> calls.put(name, called(f.body(), defined.keySet())));
        for (FunctionDef f : defined.values()) {
            List<String> cycle = cycleFrom(f.name(), calls);
            if (cycle != null) {
                diagnostics.error(f.pos(), "function '" + f.name() + "' calls itself" + (cycle.size() > 2
                        ? " through " + String.join(" -> ", cycle) : "") + "; recursive functions are not supported"
                        + " (vmc inlines each call): write it with a loop");
            }
        }
    }

    private static List<String> cycleFrom(String start, Map<String, Set<String>> calls) {
        Deque<List<String>> pending = new ArrayDeque<>();
        pending.push(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            List<String> path = pending.pop();
            for (String next : calls.getOrDefault(path.get(path.size() - 1), Set.of())) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                if (next.equals(start)) {
                    return longer;
                }
                if (seen.add(next)) {
                    pending.push(longer);
                }
            }
        }
        return null;
    }

    /** The user-defined functions the statements call (an ODE solver's first argument counts as a call). */
    private static Set<String> called(List<Stmt> body, Set<String> functions) {
        Set<String> found = new LinkedHashSet<>();
        Stmts.forEach(body, s -> {
            for (Expr e : Stmts.expressions(s)) {
                calledIn(e, functions, found);
            }
        });
        return found;
    }

    /** The first user-defined function the expression calls, or null. */
    static String firstCalled(Expr expr, Set<String> functions) {
        Set<String> found = new LinkedHashSet<>();
        calledIn(expr, functions, found);
        return found.isEmpty() ? null : found.iterator().next();
    }

    private static void calledIn(Expr expr, Set<String> functions, Set<String> found) {
        Deque<Expr> pending = new ArrayDeque<>();
        pending.push(expr);
        while (!pending.isEmpty()) {
            Expr e = pending.pop();
            if (e instanceof Expr.Call c) {
                if (functions.contains(c.function())) {
                    found.add(c.function());
                }
                for (Expr a : c.args()) {
                    if (a instanceof Expr.Var v && functions.contains(v.name())) {
                        found.add(v.name());
                    }
                    pending.push(a);
                }
            } else {
                Names.parts(e).forEach(pending::push);
            }
        }
    }
}
