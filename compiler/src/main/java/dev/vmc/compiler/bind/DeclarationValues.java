package dev.vmc.compiler.bind;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.check.DeclaredValues;
import dev.vmc.compiler.check.ExpressionTypes;
import dev.vmc.compiler.check.ExprText;
import dev.vmc.compiler.lower.Evaluator;
import dev.vmc.runtime.graph.EvaluationException;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sizes, bounds and initial values of declarations, evaluated with the data bound so far
 * and held to {@link DeclaredValues}' rules: what the checker could not know without data
 * ({@code vector[N - 5]} with N = 3) becomes a data error naming the declaration, never an
 * internal error later in the lowering. Each problem is added to the binder's list; a value
 * that needs data that failed its own checks is skipped, so one mistake gives one message.
 */
final class DeclarationValues {
    private final Map<String, Tensor> known;
    /** The checker's types, for initial values where a vector and a row_vector mean different things. */
    private final ExpressionTypes types;
    private final List<String> problems;

    DeclarationValues(Map<String, Tensor> known, ExpressionTypes types, List<String> problems) {
        this.known = known;
        this.types = types;
        this.problems = problems;
    }

    /** The declared shape, or null where a size is invalid (reported) or needs data that is missing. */
    int[] shape(Decl decl, String subject) {
        List<Expr> sizes = new ArrayList<>(decl.type().arrayDims());
        sizes.addAll(decl.type().valueDims());
        double[] values = new double[sizes.size()];
        for (int i = 0; i < values.length; i++) {
            Double size = value(sizes.get(i), subject, "size");
            if (size == null) {
                return null;
            }
            String problem = DeclaredValues.size(subject, sizes.get(i), size);
            if (problem != null) {
                problems.add(problem);
                return null;
            }
            values[i] = size;
        }
        if (decl.type().base() == TypeExpr.Base.SIMPLEX && values.length == 1) {
            String problem = DeclaredValues.simplexSize(subject, sizes.get(0), values[0]);
            if (problem != null) {
                problems.add(problem);
                return null;
            }
        }
        int rows = decl.type().arrayDims().size();
        if (decl.type().base() == TypeExpr.Base.CHOLESKY_FACTOR_COV && values.length == rows + 2) {
            String problem = DeclaredValues.choleskyCovSize(subject, sizes.get(rows), values[rows], sizes.get(rows + 1),
                    values[rows + 1]);
            if (problem != null) {
                problems.add(problem);
                return null;
            }
        }
        String tooMany = DeclaredValues.elements(subject, values);
        if (tooMany != null) {
            problems.add(tooMany);
            return null;
        }
        int[] shape = new int[values.length];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = (int) values[i];
        }
        return shape;
    }

    /** Whether the bounds are numbers with room between them; absent or unknown bounds pass. */
    boolean bounds(Decl decl, String subject) {
        TypeExpr type = decl.type();
        Double lower = bound(type.lower(), "lower", subject);
        Double upper = bound(type.upper(), "upper", subject);
        if ((type.lower() != null && lower == null) || (type.upper() != null && upper == null)) {
            return false;
        }
        String problem = DeclaredValues.room(subject, type.lower(), lower, type.upper(), upper,
                type.base() == TypeExpr.Base.INT);
        if (problem != null) {
            problems.add(problem);
            return false;
        }
        return true;
    }

    /** A param's initial value: one value or one per element, each finite and strictly inside the bounds. */
    void initial(Decl decl, String subject, int[] shape) {
        Tensor value;
        try {
            value = Evaluator.evaluate(decl.init(), known, types);
        } catch (EvaluationException | ShapeException e) {
            problems.add(subject + ": cannot evaluate its initial value " + ExprText.of(decl.init()) + ": " + reason(e));
            return;
        }
        if (value == null) {
            return;
        }
        int count = 1;
        for (int s : shape) {
            count *= s;
        }
        if (value.size() != 1 && value.size() != count) {
            problems.add(subject + " has " + count + " elements, but its initial value " + ExprText.of(decl.init())
                    + " has " + value.size() + "; give one value for all of them or one for each");
            return;
        }
        Double lower = decl.type().lower() == null ? null : Evaluator.scalar(decl.type().lower(), known, types);
        Double upper = decl.type().upper() == null ? null : Evaluator.scalar(decl.type().upper(), known, types);
        for (int i = 0; i < value.size(); i++) {
            String problem = DeclaredValues.initial(subject, decl.init(), value.data[i], lower, upper);
            if (problem != null) {
                problems.add(problem + (value.size() > 1 ? " (element " + (i + 1) + ")" : ""));
                return;
            }
        }
    }

    private Double bound(Expr bound, String which, String subject) {
        if (bound == null) {
            return null;
        }
        Double value = value(bound, subject, which + " bound");
        String problem = value == null ? null : DeclaredValues.bound(subject, which, bound, value);
        if (problem != null) {
            problems.add(problem);
            return null;
        }
        return value;
    }

    private Double value(Expr expr, String subject, String what) {
        try {
            return Evaluator.scalar(expr, known, types);
        } catch (EvaluationException | ShapeException e) {
            problems.add(subject + ": cannot evaluate its " + what + " " + ExprText.of(expr) + ": " + reason(e));
            return null;
        }
    }

    /** The runtime's message without the graph's origin, which for these scratch graphs says nothing. */
    private static String reason(RuntimeException e) {
        return e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
    }
}
