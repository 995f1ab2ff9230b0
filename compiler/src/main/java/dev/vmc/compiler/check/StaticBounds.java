package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.runtime.transform.Support;

/**
 * Bounds the checker can read without data: numbers and negated numbers. A bound over data
 * ({@code <upper=J>}) is known only when the data is bound, so checks that need it are skipped.
 */
final class StaticBounds {
    private StaticBounds() {}

    /** The value of a literal bound, or null if it needs data. */
    static Double valueOf(Expr bound) {
        if (bound instanceof Expr.Num n) {
            return n.value();
        }
        if (bound instanceof Expr.Unary u && u.op().equals("-") && u.operand() instanceof Expr.Num n) {
            return -n.value();
        }
        return null;
    }

    /**
     * The support of a real variable declared with this type, or null where a bound needs data
     * or the bounds leave nothing between them.
     */
    static Support supportOf(TypeExpr type) {
        Double lower = type.lower() == null ? null : valueOf(type.lower());
        Double upper = type.upper() == null ? null : valueOf(type.upper());
        if ((type.lower() != null && lower == null) || (type.upper() != null && upper == null)) {
            return null;
        }
        if (lower != null && upper != null && !(lower < upper)) {
            return null;
        }
        return Support.ofBounds(lower, upper);
    }

    /** The constraint as written: {@code <lower=0>}, {@code <lower=0, upper=1>}; empty if none. */
    static String written(TypeExpr type) {
        if (type.lower() == null && type.upper() == null) {
            return "";
        }
        StringBuilder text = new StringBuilder("<");
        if (type.lower() != null) {
            text.append("lower=").append(ExprText.of(type.lower()));
        }
        if (type.upper() != null) {
            text.append(type.lower() != null ? ", " : "").append("upper=").append(ExprText.of(type.upper()));
        }
        return text.append(">").toString();
    }
}
