package dev.vmc.compiler.check;

import dev.vmc.compiler.check.Type.Container;
import dev.vmc.compiler.check.Type.Element;
import java.util.ArrayList;
import java.util.List;

/** The typing rules of the binary operators and of unary minus (LANGUAGE.md, Expressions). */
final class OperatorTypes {
    private OperatorTypes() {}

    static Outcome binary(String op, Type left, Type right) {
        return switch (op) {
            case "+" -> elementwise(left, right, Element.INT, "cannot add " + left + " and " + right);
            case "-" -> elementwise(left, right, Element.INT, "cannot subtract " + right + " from " + left);
            case ".*" -> elementwise(left, right, Element.INT, "cannot multiply " + left + " and " + right + " elementwise");
            case "./" -> elementwise(left, right, Element.REAL, "cannot divide " + left + " by " + right + " elementwise");
            case "*" -> multiply(left, right);
            case "/" -> divide(left, right);
            case "^" -> power(left, right);
            case "<", "<=", ">", ">=", "==", "!=", "&&", "||" ->
                    elementwise(left, right, Element.INT, "cannot compare " + left + " and " + right + " with " + op)
                            .mapType(t -> t.withElement(Element.INT));
            case "%", "%/%" -> left.isInt() && right.isInt()
                    ? elementwise(left, right, Element.INT, "cannot apply " + op + " to " + left + " and " + right)
                    : Outcome.fail(op + " needs ints on both sides, got " + left + " and " + right);
            default -> throw new IllegalArgumentException("no operator " + op);
        };
    }

    /**
     * {@code condition ? a : b}: an int condition, one number (as in Stan), and two values of one
     * shape; an int and a real give a real.
     */
    static Outcome conditional(Type condition, Type then, Type otherwise) {
        if (!condition.isInt() || !condition.isScalar()) {
            return Outcome.fail("the condition of ?: must be an int, one number, got " + condition);
        }
        if (!then.sameShapeAs(otherwise)) {
            return Outcome.fail("the two values of ?: must have one shape, got " + then + " and " + otherwise);
        }
        return elementwise(then, otherwise, Element.INT, "the two values of ?: must have one shape, got " + then
                + " and " + otherwise);
    }

    /**
     * Same shape on both sides, or one side scalar. Two ints give an int only where the
     * operation keeps integers integral ({@code intResult} INT); division always gives a real.
     */
    static Outcome elementwise(Type left, Type right, Element intResult, String complaint) {
        Element element = left.isInt() && right.isInt() ? intResult : Element.REAL;
        if (right.isScalar()) {
            return Outcome.ok(left.withElement(element));
        }
        if (left.isScalar()) {
            return Outcome.ok(right.withElement(element));
        }
        if (!left.sameShapeAs(right) || crosses(left, right)) {
            return Outcome.fail(complaint);
        }
        // Where an array meets a vector of the same shape, the result is the vector.
        Type shaped = left.arrayDims().size() <= right.arrayDims().size() ? left : right;
        Type other = shaped == left ? right : left;
        return Outcome.ok(withKnownSizes(shaped, other).withElement(element));
    }

    /** A vector and a row_vector do not mix elementwise, as in Stan: one is the other's transpose. */
    private static boolean crosses(Type left, Type right) {
        return !left.isArray() && !right.isArray() && left.container() != right.container()
                && (left.container() == Container.ROW_VECTOR || right.container() == Container.ROW_VECTOR);
    }

    /** The chosen type's sizes, each unknown one filled in from the other side where that knows it. */
    private static Type withKnownSizes(Type chosen, Type other) {
        List<Size> theirs = other.shape();
        List<Size> array = new ArrayList<>();
        List<Size> dims = new ArrayList<>();
        List<Size> mine = chosen.shape();
        for (int i = 0; i < mine.size(); i++) {
            Size size = mine.get(i).isKnown() ? mine.get(i) : theirs.get(i);
            (i < chosen.arrayDims().size() ? array : dims).add(size);
        }
        return new Type(chosen.element(), chosen.container(), array, dims);
    }

    private static Outcome multiply(Type left, Type right) {
        if (left.isScalar() || right.isScalar()) {
            return elementwise(left, right, Element.INT, "");
        }
        String product = "cannot multiply " + left + " by " + right;
        if (left.isArray() || right.isArray()) {
            return Outcome.fail(product + ": * takes scalars, vectors and matrices; use .* for elementwise products");
        }
        Container l = left.container();
        Container r = right.container();
        if (l == Container.VECTOR && r == Container.VECTOR) {
            return Outcome.fail(product + ": use .* for elementwise or dot_product(a, b) for the inner product");
        }
        if (l == Container.ROW_VECTOR && (r == Container.VECTOR || r == Container.MATRIX)) {
            Size inner = right.dims().get(0);
            if (!left.dims().get(0).matches(inner)) {
                return Outcome.fail(product + ": the row_vector's size (" + left.dims().get(0) + ") must equal the "
                        + (r == Container.VECTOR ? "vector's size" : "rows of the right side") + " (" + inner + ")");
            }
            return Outcome.ok(r == Container.VECTOR ? Type.REAL : Type.rowVector(right.dims().get(1)));
        }
        if (l == Container.VECTOR && r == Container.ROW_VECTOR) {
            return Outcome.ok(Type.matrix(left.dims().get(0), right.dims().get(0))); // the outer product
        }
        if (l == Container.VECTOR || l == Container.ROW_VECTOR) {
            return Outcome.fail(product + ": a " + (l == Container.VECTOR ? "vector" : "row_vector") + " on the left of *"
                    + " takes " + (l == Container.VECTOR ? "a row_vector on the right; did you mean v' * m?" : "a vector or a matrix"));
        }
        if (r == Container.ROW_VECTOR) {
            return Outcome.fail(product + ": a matrix times a row_vector has no meaning; did you mean m * v'?");
        }
        Size columns = left.dims().get(1);
        Size inner = right.dims().get(0);
        if (!columns.matches(inner)) {
            String what = r == Container.VECTOR ? "the vector's size" : "the rows of the right side";
            return Outcome.fail(product + ": the columns of the left side (" + columns + ") must equal " + what
                    + " (" + inner + ")");
        }
        Size rows = left.dims().get(0);
        return Outcome.ok(r == Container.VECTOR ? Type.vector(rows) : Type.matrix(rows, right.dims().get(1)));
    }

    private static Outcome divide(Type left, Type right) {
        if (!right.isScalar()) {
            return Outcome.fail("cannot divide " + left + " by " + right + " with /, which needs a scalar divisor; "
                    + "use ./ to divide elementwise");
        }
        return Outcome.ok(left.withElement(Element.REAL));
    }

    private static Outcome power(Type left, Type right) {
        if (!right.isScalar()) {
            return Outcome.fail("cannot raise " + left + " to the power " + right + ": ^ needs a scalar exponent; "
                    + "use pow(a, b) for elementwise powers");
        }
        return Outcome.ok(left.withElement(Element.REAL));
    }
}
