package dev.vmc.compiler.ast;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The names an expression uses: the compiler's one walk from an expression to the names in
 * it. What a name means (data, latent, a definition to follow) is the caller's question.
 */
public final class Names {
    private Names() {}

    /** A name as the program spells it: a nested declaration's fresh name {@code k.2} is {@code k}. */
    public static String shown(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /**
     * Every use of a name, in source order, left to right, a name as often as it is used.
     * A depth-first search with its own stack: a sum of 10,000 terms is 10,000 deep on its left
     * (see {@link BinaryChain}), deeper than the call stack would go.
     */
    public static List<Expr.Var> in(Expr expr) {
        List<Expr.Var> names = new ArrayList<>();
        Deque<Expr> pending = new ArrayDeque<>();
        pending.push(expr);
        while (!pending.isEmpty()) {
            Expr e = pending.pop();
            if (e instanceof Expr.Var v) {
                names.add(v);
            }
            List<Expr> parts = parts(e);
            // Pushed last to first, so the search goes left to right as the source reads.
            for (int k = parts.size() - 1; k >= 0; k--) {
                pending.push(parts.get(k));
            }
        }
        return names;
    }

    /** The expressions an expression holds directly (an ODE solver's function name left out). */
    public static List<Expr> parts(Expr e) {
        if (e instanceof Expr.Unary u) {
            return List.of(u.operand());
        } else if (e instanceof Expr.Binary b) {
            return List.of(b.left(), b.right());
        } else if (e instanceof Expr.Call c) {
            return OdeFunctions.valueArguments(c); // an ODE solver's first argument names a function, not a value
        } else if (e instanceof Expr.Index i) {
            List<Expr> parts = new ArrayList<>();
            parts.add(i.target());
            parts.addAll(i.indices());
            return parts;
        } else if (e instanceof Expr.Transpose t) {
            return List.of(t.operand());
        } else if (e instanceof Expr.Literal l) {
            return l.elements();
        } else if (e instanceof Expr.Conditional c) {
            return List.of(c.condition(), c.then(), c.otherwise());
        } else if (e instanceof Expr.Slice s) {
            List<Expr> ends = new ArrayList<>();
            if (s.lower() != null) {
                ends.add(s.lower());
            }
            if (s.upper() != null) {
                ends.add(s.upper());
            }
            return ends;
        }
        return List.of();
    }
}
