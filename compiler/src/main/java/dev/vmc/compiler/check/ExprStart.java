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
        Expr e = expr;
        while (true) {
            if (e instanceof Expr.Binary b) {
                e = b.left();
            } else if (e instanceof Expr.Index i) {
                e = i.target();
            } else if (e instanceof Expr.Transpose t) {
                e = t.operand();
            } else if (e instanceof Expr.Conditional c) {
                e = c.condition();
            } else {
                return e.pos();
            }
        }
    }

    /** The name an indexed or transposed expression is built on: 'mu' in mu[1]; null if none. */
    static String rootName(Expr expr) {
        Expr e = expr;
        while (e instanceof Expr.Index || e instanceof Expr.Transpose) {
            e = e instanceof Expr.Index i ? i.target() : ((Expr.Transpose) e).operand();
        }
        return e instanceof Expr.Var v ? v.name() : null;
    }
}
