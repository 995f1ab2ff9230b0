package dev.vmc.compiler.lower;

import dev.vmc.compiler.check.Type;
import dev.vmc.runtime.graph.Cholesky;
import dev.vmc.runtime.graph.Concatenate;
import dev.vmc.runtime.graph.DiagMatrix;
import dev.vmc.runtime.graph.GpCovariance;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Reduce;
import dev.vmc.runtime.graph.Repeat;
import dev.vmc.runtime.graph.Transpose;
import dev.vmc.runtime.graph.TriangularSolve;
import dev.vmc.runtime.graph.Unary;
import dev.vmc.runtime.tensor.Tensor;
import java.util.List;
import java.util.function.IntFunction;

/** The matrix functions ({@code Builtins.Kind.LINEAR_ALGEBRA}) as graph ops, by name, on lowered arguments. */
final class LinearAlgebraLowering {
    private LinearAlgebraLowering() {}

    /**
     * @param argumentType the checker's type of argument k, asked only where a rank-1 argument
     *                     may be a vector or a row_vector and the two give different answers
     */
    static Node call(Graph graph, String name, List<Node> args, IntFunction<Type> argumentType) {
        return switch (name) {
            case "diag_matrix" -> graph.apply(DiagMatrix.INSTANCE, args.get(0));
            case "cholesky_decompose" -> graph.apply(Cholesky.INSTANCE, args.get(0));
            case "add_diag" -> graph.add(args.get(0), graph.apply(DiagMatrix.INSTANCE, args.get(1).rank() == 1 ? args.get(1)
                    : graph.apply(new Repeat(args.get(0).shape[0]), args.get(1))));
            case "gp_exp_quad_cov", "cov_exp_quad" -> covariance(graph, GpCovariance.EXP_QUAD, args);
            case "gp_matern32_cov" -> covariance(graph, GpCovariance.MATERN32, args);
            case "gp_matern52_cov" -> covariance(graph, GpCovariance.MATERN52, args);
            case "pi" -> graph.constant(Math.PI);
            case "e" -> graph.constant(Math.E);
            case "sqrt2" -> graph.constant(Math.sqrt(2));
            case "log2" -> graph.constant(Math.log(2));
            case "log10" -> graph.constant(Math.log(10));
            case "not_a_number" -> graph.constant(Double.NaN);
            case "positive_infinity" -> graph.constant(Double.POSITIVE_INFINITY);
            case "negative_infinity" -> graph.constant(Double.NEGATIVE_INFINITY);
            case "machine_precision" -> graph.constant(Math.ulp(1.0));
            case "rows" -> graph.constant(args.get(0).rank() == 1 && isRowVector(argumentType, 0) ? 1
                    : args.get(0).shape[0]);
            case "cols" -> graph.constant(args.get(0).rank() == 2 ? args.get(0).shape[1]
                    : isRowVector(argumentType, 0) ? args.get(0).shape[0] : 1);
            case "size" -> graph.constant(args.get(0).shape[0]);
            case "num_elements" -> graph.constant(args.get(0).modelSize());
            case "dims" -> graph.constant(dims(args.get(0).shape));
            case "dot_self" -> graph.sum(graph.apply(Unary.SQUARE, args.get(0)));
            case "trace" -> graph.sum(graph.mul(args.get(0), identity(graph, args.get(0).shape[0])));
            case "to_vector", "to_row_vector" -> columnMajor(graph, args.get(0));
            case "to_matrix" -> args.get(0).rank() == 2 ? args.get(0) : isRowVector(argumentType, 0)
                    ? graph.reshape(args.get(0), 1, args.get(0).shape[0]) : asColumn(graph, args.get(0));
            case "softmax" -> graph.exp(logSoftmax(graph, args.get(0)));
            case "log_softmax" -> logSoftmax(graph, args.get(0));
            case "tcrossprod" -> graph.matmul(args.get(0), graph.apply(Transpose.INSTANCE, args.get(0)));
            case "crossprod" -> graph.matmul(graph.apply(Transpose.INSTANCE, args.get(0)), args.get(0));
            case "multiply_lower_tri_self_transpose" -> {
                Node lower = graph.mul(args.get(0), lowerTriangle(graph, args.get(0).shape));
                yield graph.matmul(lower, graph.apply(Transpose.INSTANCE, lower));
            }
            case "columns_dot_self" -> graph.matmul(graph.apply(Transpose.INSTANCE, graph.apply(Unary.SQUARE, args.get(0))),
                    graph.constant(Tensor.filled(new int[] {args.get(0).shape[0]}, 1)));
            case "rows_dot_self" -> graph.matmul(graph.apply(Unary.SQUARE, args.get(0)),
                    graph.constant(Tensor.filled(new int[] {args.get(0).shape[1]}, 1)));
            case "diag_pre_multiply" -> graph.mul(asColumn(graph, args.get(0)), args.get(1));
            case "diag_post_multiply" -> graph.mul(args.get(0), args.get(1));
            case "quad_form_diag" -> graph.mul(graph.mul(asColumn(graph, args.get(1)), args.get(0)), args.get(1));
            case "squared_distance" -> graph.sum(graph.apply(Unary.SQUARE, graph.sub(args.get(0), args.get(1))));
            case "distance" -> graph.apply(Unary.SQRT, graph.sum(graph.apply(Unary.SQUARE, graph.sub(args.get(0), args.get(1)))));
            case "mdivide_left_tri_low" -> graph.apply(TriangularSolve.INSTANCE, args.get(0), args.get(1));
            case "mdivide_right_tri_low" -> rightSolve(graph, args.get(0), args.get(1));
            case "quad_form" -> quadForm(graph, args.get(0), args.get(1));
            case "append_row" -> appendRow(graph, args.get(0), args.get(1),
                    twoOfRank1(args) && isRowVector(argumentType, 0));
            case "append_col" -> appendCol(graph, args.get(0), args.get(1),
                    twoOfRank1(args) && !isRowVector(argumentType, 0));
            default -> throw new IllegalStateException("no lowering for " + name);
        };
    }

    /**
     * B L^-1, whose transpose L'^-1 B' is an upper-triangular solve: with P the order-reversing
     * permutation, P L' P is lower triangular (reading only L's lower triangle, as Stan does) and
     * L'^-1 = P (P L' P)^-1 P, so the one forward-substitution op serves.
     */
    private static Node rightSolve(Graph graph, Node b, Node l) {
        int k = l.shape[0];
        Tensor reversal = new Tensor(new int[] {k, k});
        for (int i = 0; i < k; i++) {
            reversal.data[i * k + (k - 1 - i)] = 1;
        }
        Node p = graph.constant(reversal);
        Node reversedFactor = graph.matmul(p, graph.matmul(graph.apply(Transpose.INSTANCE, l), p));
        Node columns = b.rank() == 1 ? b : graph.apply(Transpose.INSTANCE, b);
        Node solved = graph.matmul(p, graph.apply(TriangularSolve.INSTANCE, reversedFactor, graph.matmul(p, columns)));
        return b.rank() == 1 ? solved : graph.apply(Transpose.INSTANCE, solved);
    }

    /** B' A B: a real for a vector B, a square matrix for a matrix. */
    private static Node quadForm(Graph graph, Node a, Node b) {
        Node ab = graph.matmul(a, b);
        return b.rank() == 1 ? graph.sum(graph.mul(b, ab)) : graph.matmul(graph.apply(Transpose.INSTANCE, b), ab);
    }

    private static boolean isRowVector(IntFunction<Type> argumentType, int k) {
        return argumentType.apply(k).container() == Type.Container.ROW_VECTOR;
    }

    private static boolean twoOfRank1(List<Node> args) {
        return args.get(0).rank() == 1 && args.get(1).rank() == 1;
    }

    /**
     * A vector, a row_vector or a one-dimensional array as it is; a matrix's elements column by
     * column, as Stan reads it.
     */
    static Node columnMajor(Graph graph, Node x) {
        return x.rank() == 2 ? graph.reshape(graph.apply(Transpose.INSTANCE, x), x.modelSize()) : x;
    }

    /**
     * Vectors end to end (a real as a one-element vector), or matrices one above the other (a
     * row_vector as a one-row matrix: the rank-1 argument beside a matrix, or both when
     * {@code rowVectors}).
     */
    private static Node appendRow(Graph graph, Node a, Node b, boolean rowVectors) {
        if (a.rank() == 2 || b.rank() == 2 || rowVectors) {
            return graph.apply(Concatenate.INSTANCE, asRow(graph, a), asRow(graph, b));
        }
        return graph.apply(Concatenate.INSTANCE, asVector(graph, a), asVector(graph, b));
    }

    /**
     * Row_vectors end to end, or the transposes of matrices (a vector as a one-column matrix: the
     * rank-1 argument beside a matrix, or both when {@code vectors}) appended by rows.
     */
    private static Node appendCol(Graph graph, Node a, Node b, boolean vectors) {
        if (a.rank() == 2 || b.rank() == 2 || vectors) {
            Node stacked = graph.apply(Concatenate.INSTANCE, graph.apply(Transpose.INSTANCE, asColumn(graph, a)),
                    graph.apply(Transpose.INSTANCE, asColumn(graph, b)));
            return graph.apply(Transpose.INSTANCE, stacked);
        }
        return graph.apply(Concatenate.INSTANCE, asVector(graph, a), asVector(graph, b));
    }

    private static Node asVector(Graph graph, Node x) {
        return x.rank() == 0 ? graph.reshape(x, 1) : x;
    }

    private static Node asRow(Graph graph, Node x) {
        return x.rank() == 1 ? graph.reshape(x, 1, x.shape[0]) : x;
    }

    /** log softmax(v) = v - log_sum_exp(v), which never overflows. */
    private static Node logSoftmax(Graph graph, Node v) {
        return graph.sub(v, graph.apply(Reduce.LOG_SUM_EXP, v));
    }

    /** The outer product of two rank-1 values, column times row: a one-column matrix times a one-row one. */
    static Node outer(Graph graph, Node column, Node row) {
        return graph.matmul(graph.reshape(column, column.shape[0], 1), graph.reshape(row, 1, row.shape[0]));
    }

    /** A vector as a one-column matrix, so that it broadcasts across a matrix's rows; a matrix as it is. */
    private static Node asColumn(Graph graph, Node v) {
        return v.rank() == 2 ? v : graph.reshape(v, v.shape[0], 1);
    }

    private static Node identity(Graph graph, int n) {
        Tensor eye = new Tensor(new int[] {n, n});
        for (int i = 0; i < n; i++) {
            eye.data[i * n + i] = 1;
        }
        return graph.constant(eye);
    }

    /** Ones on and below the diagonal: what Stan reads of a matrix it takes as lower triangular. */
    private static Node lowerTriangle(Graph graph, int[] shape) {
        Tensor mask = new Tensor(shape.clone());
        for (int i = 0; i < shape[0]; i++) {
            for (int j = 0; j <= i && j < shape[1]; j++) {
                mask.data[i * shape[1] + j] = 1;
            }
        }
        return graph.constant(mask);
    }

    /** Stan's one-set form compares the points with themselves. */
    private static Node covariance(Graph graph, GpCovariance kernel, List<Node> args) {
        Node x1 = args.get(0);
        Node x2 = args.size() == 4 ? args.get(1) : x1;
        return graph.apply(kernel, x1, x2, args.get(args.size() - 2), args.get(args.size() - 1));
    }

    private static dev.vmc.runtime.tensor.Tensor dims(int[] shape) {
        dev.vmc.runtime.tensor.Tensor sizes = new dev.vmc.runtime.tensor.Tensor(new int[] {shape.length});
        for (int k = 0; k < shape.length; k++) {
            sizes.data[k] = shape[k];
        }
        return sizes;
    }
}
