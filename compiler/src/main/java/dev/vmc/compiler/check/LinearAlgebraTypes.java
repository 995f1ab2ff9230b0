package dev.vmc.compiler.check;

import dev.vmc.compiler.check.Type.Container;
import java.util.List;

/** The typing rules of the matrix functions ({@code Builtins.Kind.LINEAR_ALGEBRA}), by name. */
final class LinearAlgebraTypes {
    private LinearAlgebraTypes() {}

    static Outcome call(String name, List<Type> args) {
        return switch (name) {
            case "diag_matrix" -> isVector(args.get(0)) ? Outcome.ok(square(args.get(0).dims().get(0)))
                    : fail(name, "a vector", args);
            case "cholesky_decompose" -> isSquare(args.get(0)) ? Outcome.ok(args.get(0).withElement(Type.Element.REAL))
                    : fail(name, "a square matrix", args);
            case "add_diag" -> isSquare(args.get(0)) && (args.get(1).isScalar()
                    || (isVector(args.get(1)) && args.get(1).dims().get(0).matches(args.get(0).dims().get(0))))
                    ? Outcome.ok(args.get(0).withElement(Type.Element.REAL))
                    : fail(name, "a square matrix and a real or a vector of its size", args);
            case "gp_exp_quad_cov", "cov_exp_quad", "gp_matern32_cov", "gp_matern52_cov" -> covariance(name, args);
            case "pi", "e", "sqrt2", "log2", "log10", "not_a_number", "positive_infinity", "negative_infinity",
                    "machine_precision" -> Outcome.ok(Type.REAL);
            case "rows", "cols", "size", "num_elements" -> sizeOf(name, args.get(0));
            // dims(x): each of x's sizes, array sizes first, as one int array
            case "dims" -> Outcome.ok(new Type(Type.Element.INT, Container.SCALAR, List.of(new Size.Literal(args.get(0).rank())),
                    List.of()));
            case "dot_self", "trace" -> name.equals("trace") && !isSquare(args.get(0)) ? fail(name, "a square matrix", args)
                    : !name.equals("trace") && !isVectorLike(args.get(0)) ? fail(name, "a vector or a row_vector", args)
                    : Outcome.ok(Type.REAL);
            case "to_vector", "to_row_vector" -> reshaped(name, args.get(0));
            case "to_matrix" -> asMatrix(args.get(0));
            case "softmax", "log_softmax" -> isVector(args.get(0)) ? Outcome.ok(args.get(0).withElement(Type.Element.REAL))
                    : fail(name, "a vector", args);
            case "tcrossprod", "crossprod", "multiply_lower_tri_self_transpose" -> isMatrix(args.get(0))
                    ? Outcome.ok(square(args.get(0).dims().get(name.equals("crossprod") ? 1 : 0)))
                    : fail(name, "a matrix", args);
            case "columns_dot_self" -> isMatrix(args.get(0)) ? Outcome.ok(Type.rowVector(args.get(0).dims().get(1)))
                    : fail(name, "a matrix", args);
            case "rows_dot_self" -> isMatrix(args.get(0)) ? Outcome.ok(Type.vector(args.get(0).dims().get(0)))
                    : fail(name, "a matrix", args);
            case "diag_pre_multiply" -> isVectorLike(args.get(0)) && isMatrix(args.get(1))
                    && args.get(0).dims().get(0).matches(args.get(1).dims().get(0)) ? Outcome.ok(real(args.get(1)))
                    : fail(name, "a vector and a matrix with a row for each of its elements", args);
            case "diag_post_multiply" -> isMatrix(args.get(0)) && isVectorLike(args.get(1))
                    && args.get(1).dims().get(0).matches(args.get(0).dims().get(1)) ? Outcome.ok(real(args.get(0)))
                    : fail(name, "a matrix and a vector with an element for each of its columns", args);
            case "quad_form_diag" -> isSquare(args.get(0)) && isVectorLike(args.get(1))
                    && args.get(1).dims().get(0).matches(args.get(0).dims().get(0)) ? Outcome.ok(real(args.get(0)))
                    : fail(name, "a square matrix and a vector of its size", args);
            case "squared_distance", "distance" -> isVectorLike(args.get(0)) && isVectorLike(args.get(1))
                    && args.get(0).sameShapeAs(args.get(1)) ? Outcome.ok(Type.REAL)
                    : fail(name, "two vectors of one size", args);
            case "mdivide_left_tri_low" -> isSquare(args.get(0)) && (isVector(args.get(1)) || isMatrix(args.get(1)))
                    && args.get(1).dims().get(0).matches(args.get(0).dims().get(0)) ? Outcome.ok(real(args.get(1)))
                    : fail(name, "a square lower-triangular matrix and a vector or a matrix with a row for each of its rows",
                    args);
            case "mdivide_right_tri_low" -> isSquare(args.get(1)) && (isRowVector(args.get(0)) || isMatrix(args.get(0)))
                    && width(args.get(0)).matches(args.get(1).dims().get(0)) ? Outcome.ok(real(args.get(0)))
                    : fail(name, "a row_vector or a matrix with a column for each row of a square lower-triangular matrix,"
                    + " and that matrix", args);
            case "quad_form" -> !isSquare(args.get(0)) || !(isVector(args.get(1)) || isMatrix(args.get(1)))
                    || !args.get(1).dims().get(0).matches(args.get(0).dims().get(0))
                    ? fail(name, "a square matrix and a vector or a matrix with a row for each of its rows", args)
                    : isVector(args.get(1)) ? Outcome.ok(Type.REAL) : Outcome.ok(square(args.get(1).dims().get(1)));
            case "append_row" -> appendRow(args.get(0), args.get(1));
            case "append_col" -> appendCol(args.get(0), args.get(1));
            default -> throw new IllegalStateException("no typing rule for " + name);
        };
    }

    /** (x, alpha, rho) or (x1, x2, alpha, rho): points as arrays of reals or of vectors of one size. */
    private static Outcome covariance(String name, List<Type> args) {
        List<Type> points = args.subList(0, args.size() - 2);
        boolean ok = args.get(args.size() - 1).isScalar() && args.get(args.size() - 2).isScalar();
        for (Type x : points) {
            ok &= x.arrayDims().size() == 1 && (x.container() == Container.SCALAR || x.container() == Container.VECTOR);
        }
        if (ok && points.size() == 2) {
            ok = points.get(0).container() == points.get(1).container()
                    && points.get(0).dims().stream().allMatch(d -> d.matches(points.get(1).dims().get(0)));
        }
        if (!ok) {
            return fail(name, "points (an array of reals or of vectors), " + (points.size() == 2 ? "more points, " : "")
                    + "a magnitude alpha and a length-scale rho", args);
        }
        return Outcome.ok(Type.matrix(points.get(0).arrayDims().get(0), points.get(points.size() - 1).arrayDims().get(0)));
    }

    /** rows, cols, size (an array's first dimension, a vector's elements) and num_elements, as ints. */
    private static Outcome sizeOf(String name, Type t) {
        // a row_vector has 1 row and a vector 1 column: the lowering reads which from these types
        if ((name.equals("rows") || name.equals("cols")) && !(isMatrix(t) || isVectorLike(t))) {
            return fail(name, "a vector, a row_vector or a matrix", List.of(t));
        }
        if (name.equals("size") && (t.isScalar() || isMatrix(t))) {
            return fail(name, "an array, a vector or a row_vector (num_elements counts a matrix)", List.of(t));
        }
        return Outcome.ok(Type.INT);
    }

    /** to_vector and to_row_vector of a vector, a row_vector, a matrix (column by column, as Stan reads it) or an array of reals. */
    private static Outcome reshaped(String name, Type t) {
        boolean ok = (!t.isArray() && t.container() != Container.SCALAR)
                || (t.container() == Container.SCALAR && t.arrayDims().size() == 1);
        if (!ok) {
            return fail(name, "a vector, a row_vector, a matrix or a one-dimensional array", List.of(t));
        }
        Size n = t.rank() == 1 ? t.shape().get(0) : Size.UNKNOWN;
        return Outcome.ok(name.equals("to_vector") ? Type.vector(n) : Type.rowVector(n));
    }

    /**
     * to_matrix(x): a matrix as it is, a vector as one column, a row_vector as one row (the
     * lowering reads which from this type), a two-dimensional array or an array of row_vectors
     * row by row.
     */
    private static Outcome asMatrix(Type x) {
        if (isMatrix(x) || (x.arrayDims().size() == 2 && x.container() == Container.SCALAR)
                || (x.arrayDims().size() == 1 && x.container() == Container.ROW_VECTOR)) {
            return Outcome.ok(Type.matrix(x.shape().get(0), x.shape().get(1)));
        }
        if (isVector(x) || isRowVector(x)) {
            Size one = new Size.Literal(1);
            return Outcome.ok(isVector(x) ? Type.matrix(x.dims().get(0), one) : Type.matrix(one, x.dims().get(0)));
        }
        return fail("to_matrix", "a matrix, a vector, a row_vector, a two-dimensional array or an array of row_vectors",
                List.of(x));
    }

    /**
     * append_row: vectors (or a real and a vector) end to end, or matrices (a row_vector being one
     * row) one above the other; two row_vectors make a two-row matrix (the lowering reads that
     * they are row_vectors from these types).
     */
    private static Outcome appendRow(Type a, Type b) {
        if ((isVector(a) || a.isScalar()) && (isVector(b) || b.isScalar()) && !(a.isScalar() && b.isScalar())) {
            return Outcome.ok(Type.vector(plus(length(a), length(b))));
        }
        if ((isMatrix(a) || isRowVector(a)) && (isMatrix(b) || isRowVector(b)) && width(a).matches(width(b))) {
            return Outcome.ok(Type.matrix(plus(isMatrix(a) ? a.dims().get(0) : new Size.Literal(1),
                    isMatrix(b) ? b.dims().get(0) : new Size.Literal(1)), isMatrix(a) ? width(a) : width(b)));
        }
        return fail("append_row", "two vectors (or a real and a vector) or two matrices of one width (or a matrix and a"
                + " row_vector)", List.of(a, b));
    }

    /**
     * append_col: row_vectors (or a real and a row_vector) end to end, or matrices (a vector being
     * one column) side by side; two vectors make a two-column matrix.
     */
    private static Outcome appendCol(Type a, Type b) {
        if ((isRowVector(a) || a.isScalar()) && (isRowVector(b) || b.isScalar()) && !(a.isScalar() && b.isScalar())) {
            return Outcome.ok(Type.rowVector(plus(length(a), length(b))));
        }
        if ((isMatrix(a) || isVector(a)) && (isMatrix(b) || isVector(b)) && a.dims().get(0).matches(b.dims().get(0))) {
            return Outcome.ok(Type.matrix(isMatrix(a) ? a.dims().get(0) : b.dims().get(0), plus(isMatrix(a) ? a.dims().get(1)
                    : new Size.Literal(1), isMatrix(b) ? b.dims().get(1) : new Size.Literal(1))));
        }
        return fail("append_col", "two row_vectors (or a real and a row_vector) or two matrices of one height (or a matrix"
                + " and a vector)", List.of(a, b));
    }

    /** A real counts as one element. */
    private static Size length(Type t) {
        return t.isScalar() ? new Size.Literal(1) : t.dims().get(0);
    }

    /** A row_vector's elements or a matrix's columns. */
    private static Size width(Type t) {
        return isMatrix(t) ? t.dims().get(1) : t.dims().get(0);
    }

    private static Size plus(Size a, Size b) {
        return a instanceof Size.Literal x && b instanceof Size.Literal y ? new Size.Literal(x.value() + y.value()) : Size.UNKNOWN;
    }

    private static boolean isRowVector(Type t) {
        return t.container() == Container.ROW_VECTOR && !t.isArray();
    }

    private static Type real(Type t) {
        return t.withElement(Type.Element.REAL);
    }

    private static boolean isMatrix(Type t) {
        return t.container() == Container.MATRIX && !t.isArray();
    }

    private static boolean isVectorLike(Type t) {
        return (t.container() == Container.VECTOR || t.container() == Container.ROW_VECTOR) && !t.isArray();
    }

    private static boolean isVector(Type t) {
        return t.container() == Container.VECTOR && !t.isArray();
    }

    private static boolean isSquare(Type t) {
        return t.container() == Container.MATRIX && !t.isArray() && t.dims().get(0).matches(t.dims().get(1));
    }

    private static Type square(Size size) {
        return Type.matrix(size, size);
    }

    private static Outcome fail(String name, String needs, List<Type> args) {
        return Outcome.fail(name + " needs " + needs + ", got " + String.join(", ", args.stream().map(Type::toString).toList()));
    }
}
