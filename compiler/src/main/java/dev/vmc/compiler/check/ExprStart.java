package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Pos;

/**
 * Where an expression begins in the source. An operator node sits at its operator, which is
 * where a message about the operation belongs; a message about the whole expression (a value
 * of the wrong type) belongs at its first character.
 */
final class ExprStart {
    private ExprStart() {}

    static Pos of(Expr expr) {
        if (expr instanceof Expr.Binary b) {
            return of(b.left());
        }
        if (expr instanceof Expr.Index i) {
            return of(i.target());
        }
        if (expr instanceof Expr.Transpose t) {
            return of(t.operand());
        }
        return expr.pos();
    }

    /** The name an indexed or transposed expression is built on: 'mu' in mu[1]; null if none. */
    static String rootName(Expr expr) {
        if (expr instanceof Expr.Var v) {
            return v.name();
        }
        if (expr instanceof Expr.Index i) {
            return rootName(i.target());
        }
        if (expr instanceof Expr.Transpose t) {
            return rootName(t.operand());
        }
        return null;
    }
}
