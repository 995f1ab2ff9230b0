package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.lower.Evaluator;
import dev.vmc.runtime.graph.EvaluationException;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Tensor;
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
    /** The same types, for the evaluator's lowering. */
    private final ExpressionTypes typed;
    private final Map<Expr, Optional<Double>> known = new IdentityHashMap<>();

    Constants(Map<Expr, Type> types) {
        this.types = types;
        this.typed = ExpressionTypes.of(types);
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
        return known.computeIfAbsent(expr, e -> Optional.ofNullable(Evaluator.constant(e, typed))).orElse(null);
    }

    /**
     * Every element's value of an expression of literals alone, any shape ({@code rep_vector(0, 3)}),
     * or null where it needs a name, did not type, or fails to evaluate (which the run reports).
     */
    double[] elementsOf(Expr expr) {
        Type type = types.get(expr);
        if (type == null || type.isError()) {
            return null;
        }
        try {
            Tensor value = Evaluator.evaluate(expr, Map.of(), typed);
            return value == null ? null : value.data.clone();
        } catch (EvaluationException | ShapeException e) {
            return null;
        }
    }
}
