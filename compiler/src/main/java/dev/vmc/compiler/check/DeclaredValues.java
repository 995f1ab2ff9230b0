package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.runtime.transform.Support;

/**
 * What the values in a declaration must be: sizes whole, at least 0 and within an int, a
 * value's elements few enough for one Java array, bounds numbers with room between them, a
 * param's initial value finite and strictly inside its bounds. One set of rules with one set
 * of messages for both times they are applied: by the checker where the values are constant
 * (a model error), and by the binder where they need data (a data error). Each method gives
 * the message, or null if the value is fine; {@code subject} names the declaration, quoted
 * ({@code 'z'}), with its place where the message will have none of its own.
 */
public final class DeclaredValues {
    /** The most elements one tensor may have: a Java array's limit. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private DeclaredValues() {}

    public static String size(String subject, Expr size, double value) {
        if (!(value >= 0) || value != Math.rint(value)) {
            return subject + " has size " + shown(size, value) + "; a size must be a whole number >= 0";
        }
        if (value > Integer.MAX_VALUE) {
            return subject + " has size " + shown(size, value) + "; a size must be at most " + Integer.MAX_VALUE;
        }
        return null;
    }

    /** A constant size of 0 for a latent can only be a mistake; from data it may be a deliberate empty part. */
    public static String latentSize(String subject, Expr size, double value) {
        return value == 0 ? "latent " + subject + " has size " + shown(size, value) + "; a latent needs at least one element"
                : null;
    }

    /**
     * A simplex of one element is the constant 1, with nothing to infer and no coordinate for
     * inference to move: almost surely a mistake.
     */
    public static String simplexSize(String subject, Expr size, double value) {
        return value < 2 ? subject + " is a simplex[" + shown(size, value) + "]; a simplex needs at least 2 elements" : null;
    }

    /** cholesky_factor_cov[M, N] is M x N with N free columns below a positive diagonal: M >= N. */
    public static String choleskyCovSize(String subject, Expr rows, double m, Expr columns, double n) {
        return m < n ? subject + " is a cholesky_factor_cov[" + shown(rows, m) + ", " + shown(columns, n)
                + "]; its rows must be at least its columns" : null;
    }

    /**
     * A distribution's argument whose every value is known (from literals, or from data once
     * bound) against the parameter's support, as the rest of a sentence that names the
     * argument: "must be in (0, inf), but rep_vector(0, 3) has element 1 = 0".
     *
     * @param values the argument's values, any shape
     */
    public static String argument(Support support, Expr argument, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!support.contains(values[i])) {
                String element = values.length == 1 ? shown(argument, values[i]) + " is not"
                        : ExprText.of(argument) + " has element " + (i + 1) + " = " + number(values[i]);
                return "must be in " + support.describe() + ", but " + element;
            }
        }
        return null;
    }

    /** @param sizes every size of the declaration, each already valid */
    public static String elements(String subject, double[] sizes) {
        double count = 1;
        StringBuilder product = new StringBuilder();
        for (double s : sizes) {
            count *= s;
            product.append(product.length() == 0 ? "" : " x ").append(number(s));
        }
        if (count <= MAX_ELEMENTS) {
            return null;
        }
        return subject + " would have " + (sizes.length > 1 ? product + " = " : "") + number(count)
                + " elements; a value may have at most " + MAX_ELEMENTS;
    }

    public static String bound(String subject, String which, Expr bound, double value) {
        return Double.isNaN(value)
                ? subject + " has <" + which + "=" + ExprText.of(bound) + ">, which is NaN (not a number)" : null;
    }

    /** Bounds absent are null. An int may be pinned to one value; a real needs room between its bounds. */
    public static String room(String subject, Expr lowerText, Double lower, Expr upperText, Double upper, boolean integer) {
        double lo = lower == null ? Double.NEGATIVE_INFINITY : lower;
        double hi = upper == null ? Double.POSITIVE_INFINITY : upper;
        boolean empty = integer ? lo > hi : !(lo < hi);
        if (!empty || Double.isNaN(lo) || Double.isNaN(hi)) {
            return null;
        }
        if (lower != null && upper != null) {
            return subject + " has <lower=" + ExprText.of(lowerText) + ", upper=" + ExprText.of(upperText) + ">: the upper bound "
                    + shown(upperText, hi) + (integer ? " must be at least" : " must be above") + " the lower bound "
                    + shown(lowerText, lo);
        }
        return subject + " has " + (lower != null ? "<lower=" + shown(lowerText, lo) : "<upper=" + shown(upperText, hi))
                + ">, which leaves no value possible";
    }

    /** A param's initial value, one element of it, against its bounds (null where absent). */
    public static String initial(String subject, Expr init, double value, Double lower, Double upper) {
        String start = subject + " starts at " + shown(init, value);
        if (Double.isNaN(value)) {
            return start + ", which is NaN (not a number)";
        }
        if (Double.isInfinite(value)) {
            return start + "; a param must start at a finite value";
        }
        double lo = lower == null ? Double.NEGATIVE_INFINITY : lower;
        double hi = upper == null ? Double.POSITIVE_INFINITY : upper;
        if (lo < hi && !Support.ofBounds(lower, upper).contains(value)) {
            return start + ", outside its bounds " + boundsText(lower, upper)
                    + "; a param must start strictly inside its bounds";
        }
        return null;
    }

    private static String boundsText(Double lower, Double upper) {
        String l = lower == null ? null : "lower=" + number(lower);
        String u = upper == null ? null : "upper=" + number(upper);
        return "<" + (l == null ? u : u == null ? l : l + ", " + u) + ">";
    }

    /** {@code N - 5 = -2}, or just {@code -2} where the expression is the number. */
    private static String shown(Expr expr, double value) {
        String text = expr == null ? number(value) : ExprText.of(expr);
        return text.equals(number(value)) ? text : text + " = " + number(value);
    }

    /** Whole numbers without a decimal point, as the language writes them. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
