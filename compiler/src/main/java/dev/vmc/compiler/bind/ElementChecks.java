package dev.vmc.compiler.bind;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.check.ExprText;
import dev.vmc.compiler.check.ExpressionTypes;
import dev.vmc.compiler.lower.Evaluator;
import dev.vmc.runtime.transform.Bijections;
import dev.vmc.runtime.transform.Support;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import dev.vmc.runtime.tensor.Tensor;
import java.util.function.IntPredicate;

/**
 * The checks on each element of one data value: finite, whole where the type is int, within
 * the declared bounds. Each kind of problem is reported once per name, at its first element,
 * with a count of the rest: a bad column of a thousand rows is one line, not a thousand.
 */
final class ElementChecks {
    private final String name;
    private final TypeExpr type;
    private final int[] shape;
    private final double[] values;
    private final List<String> problems = new ArrayList<>();
    /** The checker's types, for evaluating the bounds. */
    private final ExpressionTypes types;

    ElementChecks(String name, TypeExpr type, int[] shape, double[] values, ExpressionTypes types) {
        this.name = name;
        this.type = type;
        this.shape = shape;
        this.values = values;
        this.types = types;
    }

    /** @param known data checked so far, for bounds such as {@code <upper=J>} */
    List<String> run(Map<String, Tensor> known) {
        // vmc has no missing values, and a NaN or infinity would make the log density NaN, so the reader's
        // "NaN" and "Inf" (kept for variables the model ignores) stop here, with the reason.
        report(i -> Double.isNaN(values[i]), i -> "is NaN", "; data must be finite (vmc has no missing values)");
        report(i -> Double.isInfinite(values[i]), i -> "is infinite", "; data must be finite");
        if (type.base() == TypeExpr.Base.INT) {
            report(i -> Double.isFinite(values[i]) && values[i] != Math.rint(values[i]),
                    i -> "must be an int, got " + ShapeText.number(values[i]), "");
            // Stan's ints are 32-bit; a larger one would be clamped where it is used as a size or an index.
            report(i -> values[i] == Math.rint(values[i]) && (values[i] > Integer.MAX_VALUE || values[i] < Integer.MIN_VALUE),
                    i -> "= " + ShapeText.number(values[i]) + " is too large for an int", " (ints are 32-bit: "
                            + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")");
        }
        bound(type.lower(), "lower", known, (v, b) -> v < b);
        bound(type.upper(), "upper", known, (v, b) -> v > b);
        if (problems.isEmpty() && (type.base().isConstrainedVector() || type.base().isConstrainedMatrix())) {
            constrainedValues();
        }
        return problems;
    }

    /**
     * A simplex, ordered or unit vector datum, or a Cholesky factor, correlation or covariance
     * matrix, is checked whole, value by value, as Stan checks it when it reads the data; the
     * first that breaks its constraint is reported.
     */
    private void constrainedValues() {
        Support support = switch (type.base()) {
            case SIMPLEX -> Support.SIMPLEX;
            case ORDERED -> Support.ORDERED;
            case POSITIVE_ORDERED -> Support.POSITIVE_ORDERED;
            case UNIT_VECTOR -> Support.UNIT_VECTOR;
            case CHOLESKY_FACTOR_CORR -> Support.CHOLESKY_CORR;
            case CHOLESKY_FACTOR_COV -> Support.CHOLESKY_COV;
            case CORR_MATRIX -> Support.CORR_MATRIX;
            default -> Support.COV_MATRIX;
        };
        int rank = Bijections.blockRank(support);
        int[] arrayShape = Arrays.copyOf(shape, shape.length - rank);
        int[] blockShape = Arrays.copyOfRange(shape, shape.length - rank, shape.length);
        int size = 1;
        for (int d : blockShape) {
            size *= d;
        }
        for (int b = 0; size > 0 && b < values.length / size; b++) {
            String problem = Bijections.outside(Arrays.copyOfRange(values, b * size, (b + 1) * size), blockShape, support);
            if (problem != null) {
                String value = arrayShape.length == 0 ? name : ShapeText.element(name, arrayShape, b);
                problems.add("'" + value + "' is declared " + type.base().keyword() + ", but " + problem);
                return;
            }
        }
    }

    private interface Violation {
        boolean test(double value, double bound);
    }

    /** Bounds on data are inclusive, as in Stan: {@code int<lower=0>} admits 0. */
    private void bound(Expr bound, String which, Map<String, Tensor> known, Violation violates) {
        if (bound == null) {
            return;
        }
        Double limit = Evaluator.scalar(bound, known, types);
        if (limit == null) {
            return;
        }
        String text = ExprText.of(bound);
        String written = "<" + which + "=" + text + ">"
                + (bound instanceof Expr.Num || text.equals(ShapeText.number(limit)) ? "" : " (" + text + " = "
                + ShapeText.number(limit) + ")");
        report(i -> Double.isFinite(values[i]) && violates.test(values[i], limit),
                i -> "= " + ShapeText.number(values[i]) + " violates " + written, "");
    }

    private interface Describe {
        String of(int index);
    }

    /** @param advice follows the count of further elements, as it applies to them all */
    private void report(IntPredicate bad, Describe problem, String advice) {
        int first = -1;
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (bad.test(i)) {
                first = first < 0 ? i : first;
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        String more = count > 1 ? " (and " + (count - 1) + " more element" + (count > 2 ? "s" : "") + " of '" + name + "')" : "";
        problems.add("'" + ShapeText.element(name, shape, first) + "' " + problem.of(first) + more + advice);
    }
}
