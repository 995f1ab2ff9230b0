package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Expr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The names an expression mentions, searched left to right as the source reads: what makes a
 * variate random, what a size may use, what an evaluation needs. A depth-first search with its
 * own stack, so a long sum costs no recursion.
 */
public final class NamesIn {
    private NamesIn() {}

    /** The first name in {@code expr} that {@code wanted} accepts, or null. */
    public static String first(Expr expr, Predicate<String> wanted) {
        Deque<Expr> pending = new ArrayDeque<>();
        pending.push(expr);
        List<Expr> parts = new ArrayList<>();
        while (!pending.isEmpty()) {
            Expr e = pending.pop();
            if (e instanceof Expr.Var v && wanted.test(v.name())) {
                return v.name();
            }
            parts.clear();
            if (e instanceof Expr.Unary u) {
                parts.add(u.operand());
            } else if (e instanceof Expr.Binary b) {
                parts.add(b.left());
                parts.add(b.right());
            } else if (e instanceof Expr.Call c) {
                parts.addAll(c.args());
            } else if (e instanceof Expr.Index i) {
                parts.add(i.target());
                parts.addAll(i.indices());
            } else if (e instanceof Expr.Transpose t) {
                parts.add(t.operand());
            }
            // Pushed last to first, so the search goes left to right.
            for (int k = parts.size() - 1; k >= 0; k--) {
                pending.push(parts.get(k));
            }
        }
        return null;
    }
}
