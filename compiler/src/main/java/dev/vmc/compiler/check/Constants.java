package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.lower.Evaluator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The values the checker can know without data: scalar expressions of literals alone
 * ({@code -1}, {@code 2 * 3}, {@code sqrt(-1)}), folded by the compiler's one {@link Evaluator}.
 * Only an expression the checker has typed without error is folded, since only those lower.
 */
final class Constants {
    private final Map<Expr, Type> types;
    private final Map<Expr, Optional<Double>> known = new IdentityHashMap<>();

    Constants(Map<Expr, Type> types) {
        this.types = types;
    }

    /** The value, or null where the expression needs a name, did not type, or is absent. */
    Double valueOf(Expr expr) {
        if (expr == null) {
            return null;
        }
        Type type = types.get(expr);
        if (type == null || type.isError() || !type.isScalar()) {
            return null;
        }
        return known.computeIfAbsent(expr, e -> Optional.ofNullable(Evaluator.constant(e))).orElse(null);
    }
}
