package dev.vmc.compiler.lower;

import dev.vmc.compiler.ast.Builtins;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Stmt;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether a for loop over a:b may run once with its variable an index vector instead of being
 * unrolled: no iteration depends on another. That holds when the body is ~, target += and
 * assignments to {@code x[i]}, every use of the variable i is as the one index of a name whose
 * elements are numbers ({@code y[i]}, a vector or a one-dimensional array), every other name it
 * reads is one number that the body does not assign, and every operation is elementwise. Then
 * the iterations' values are the elements of one vectorised value, and the sum of their terms
 * is the sum of its elements. Anything else is unrolled, which is always right.
 */
final class LoopVectorising {
    private final String variable;
    /** The rank of a name's value as it stands before the loop, or -1 where it has none. */
    private final Function<String, Integer> rank;
    private final Set<String> assigned = new HashSet<>();

    private LoopVectorising(String variable, Function<String, Integer> rank) {
        this.variable = variable;
        this.rank = rank;
    }

    static boolean applies(Stmt.For loop, Function<String, Integer> rank) {
        return !loop.overElements() && new LoopVectorising(loop.variable().name(), rank).body(loop.body());
    }

    private boolean body(List<Stmt> body) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a && a.op().equals("=") && a.indices().size() == 1 && isVariable(a.indices().get(0))
                    && rank.apply(a.name()) == 1) {
                assigned.add(a.name());
            } else if (!(s instanceof Stmt.Sample || s instanceof Stmt.TargetAdd)) {
                return false;
            }
        }
        for (Stmt s : body) {
            List<Expr> parts = s instanceof Stmt.Assign a ? List.of(a.value()) : s instanceof Stmt.TargetAdd t
                    ? List.of(t.value()) : parts((Stmt.Sample) s);
            if (!parts.stream().allMatch(this::expression)) {
                return false;
            }
            // a term the iterations share would count once, not once per iteration
            if (!(s instanceof Stmt.Assign) && parts.stream().noneMatch(this::indexed)) {
                return false;
            }
        }
        return true;
    }

    private static List<Expr> parts(Stmt.Sample sample) {
        List<Expr> parts = new java.util.ArrayList<>(sample.args());
        parts.add(sample.variate());
        return parts;
    }

    /** Whether the expression reads an element by the loop's variable. */
    private boolean indexed(Expr e) {
        return dev.vmc.compiler.ast.Names.in(e).stream().anyMatch(v -> v.name().equals(variable));
    }

    /** The statement with its products elementwise: per iteration they multiply numbers, vectorised vectors. */
    static Stmt elementwise(Stmt s) {
        if (s instanceof Stmt.Assign a) {
            return new Stmt.Assign(a.pos(), a.name(), a.namePos(), a.indices(), a.op(), elementwise(a.value()));
        } else if (s instanceof Stmt.TargetAdd t) {
            return new Stmt.TargetAdd(t.pos(), elementwise(t.value()));
        }
        Stmt.Sample x = (Stmt.Sample) s;
        return new Stmt.Sample(x.pos(), elementwise(x.variate()), x.distribution(), x.distributionPos(),
                x.args().stream().map(LoopVectorising::elementwise).toList());
    }

    private static Expr elementwise(Expr e) {
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.pos(), u.op(), elementwise(u.operand()));
        } else if (e instanceof Expr.Binary b) {
            String op = b.op().equals("*") ? ".*" : b.op();
            return new Expr.Binary(b.pos(), op, elementwise(b.left()), elementwise(b.right()));
        } else if (e instanceof Expr.Conditional c) {
            return new Expr.Conditional(c.pos(), elementwise(c.condition()), elementwise(c.then()), elementwise(c.otherwise()));
        } else if (e instanceof Expr.Call c) {
            return new Expr.Call(c.pos(), c.function(), c.args().stream().map(LoopVectorising::elementwise).toList());
        }
        return e;
    }

    private boolean isVariable(Expr e) {
        return e instanceof Expr.Var v && v.name().equals(variable);
    }

    /** One number per iteration, computed from that iteration's elements alone. */
    private boolean expression(Expr e) {
        if (e instanceof Expr.Num) {
            return true;
        } else if (e instanceof Expr.Var v) {
            // a number the iterations share; the loop's variable itself would need its own vector
            return !v.name().equals(variable) && !assigned.contains(v.name()) && rank.apply(v.name()) == 0;
        } else if (e instanceof Expr.Index i) {
            return i.indices().size() == 1 && isVariable(i.indices().get(0)) && i.target() instanceof Expr.Var v
                    && rank.apply(v.name()) == 1;
        } else if (e instanceof Expr.Unary u) {
            return expression(u.operand());
        } else if (e instanceof Expr.Binary b) {
            return expression(b.left()) && expression(b.right());
        } else if (e instanceof Expr.Conditional c) {
            return expression(c.condition()) && expression(c.then()) && expression(c.otherwise());
        } else if (e instanceof Expr.Call c) {
            Builtins.Kind kind = Builtins.lookup(c.function(), c.args().size()).map(Builtins.Builtin::kind).orElse(null);
            return (kind == Builtins.Kind.ELEMENTWISE || kind == Builtins.Kind.ELEMENTWISE_BINARY)
                    && c.args().stream().allMatch(this::expression);
        }
        return false;
    }
}
