package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Expr;
import java.util.Map;

/**
 * The checker's type of each expression it typed, as lowering reads it: at run time a vector
 * and a row_vector are both rank-1 tensors, so where the two mean different things
 * ({@code v * rv}, {@code rep_matrix(v, n)}) lowering asks the recorded type rather than the
 * value's shape.
 */
@FunctionalInterface
public interface ExpressionTypes {

    /** For expressions lowered apart from a checked program (literals, sizes, tests): it knows no type. */
    ExpressionTypes NONE = of(Map.of());

    /** @throws IllegalStateException where the checker recorded no type for {@code expr} */
    Type typeOf(Expr expr);

    /** The types in {@code types}, keyed by identity as the checker records them. */
    static ExpressionTypes of(Map<Expr, Type> types) {
        return expr -> {
            Type type = types.get(expr);
            if (type == null) {
                throw new IllegalStateException("internal error: lowering needs the checker's type of " + ExprText.of(expr)
                        + " (at " + expr.pos() + ") and none was recorded for it");
            }
            return type;
        };
    }
}
