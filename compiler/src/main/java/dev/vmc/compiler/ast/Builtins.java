package dev.vmc.compiler.ast;

import dev.vmc.runtime.graph.Binary;
import dev.vmc.runtime.graph.Unary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The functions a program may call, as the checker types them and the lowering builds them. */
public final class Builtins {

    public enum Kind {
        /** f(x), same shape out as in. */
        ELEMENTWISE,
        /** f(a, b), broadcast like arithmetic. */
        ELEMENTWISE_BINARY,
        /** f(x) over all elements to one real: sum, mean, log_sum_exp, sd. */
        REDUCTION,
        /** fma(a, b, c) and log_mix(theta, lp1, lp2), each built from other ops. */
        TERNARY,
        /** cumulative_sum(v): the running sums of a vector or one-dimensional array. */
        CUMULATIVE,
        /**
         * head(v, n), tail(v, n), segment(v, i, n): n consecutive elements of a vector or
         * one-dimensional array; n and i, like rep_vector's size, ints over data and literals.
         */
        SLICE,
        /** dot_product(a, b): two vectors of one size to a real. */
        DOT_PRODUCT,
        /**
         * rep_vector(x, K) (and rep_array(x, K), rep_row_vector(x, K), rep_matrix(x, M, N)): copies
         * of the scalar x; rep_matrix(v, N) and rep_matrix(rv, M): copies of a vector as columns or
         * of a row_vector as rows. The sizes are ints over data.
         */
        REPEAT,
        /**
         * to_matrix(x, m, n): the elements of x (a vector, a row_vector, a matrix or a
         * one-dimensional array), read column by column, refilled column by column into an
         * m x n matrix; m and n ints over data, as rep_matrix's sizes.
         */
        RESHAPE,
        /**
         * The matrix functions, Stan's sizes of a value (rows, size, ...) and its constants (pi(),
         * e(), ...), each typed by check/LinearAlgebraTypes and lowered by lower/LinearAlgebraLowering.
         */
        LINEAR_ALGEBRA
    }

    /**
     * @param unary  the runtime op for ELEMENTWISE; for REDUCTION, the op applied before summing
     *               (null for a plain sum)
     * @param binary the runtime op for ELEMENTWISE_BINARY
     */
    public record Builtin(String name, int arity, Kind kind, Unary unary, Binary binary) {}

    private static final Map<String, List<Builtin>> BY_NAME = new LinkedHashMap<>();

    static {
        elementwise("exp", Unary.EXP);
        elementwise("log", Unary.LOG);
        elementwise("log10", Unary.LOG10); // log10() and log2() with no argument are constants, below
        elementwise("log2", Unary.LOG2);
        elementwise("log1p", Unary.LOG1P);
        elementwise("expm1", Unary.EXPM1);
        elementwise("sqrt", Unary.SQRT);
        elementwise("square", Unary.SQUARE);
        elementwise("abs", Unary.ABS);
        elementwise("fabs", Unary.ABS);
        elementwise("inv_logit", Unary.INV_LOGIT);
        elementwise("logit", Unary.LOGIT);
        elementwise("log_inv_logit", Unary.LOG_INV_LOGIT);
        elementwise("log1m_inv_logit", Unary.LOG1M_INV_LOGIT);
        elementwise("log1p_exp", Unary.SOFTPLUS);
        elementwise("softplus", Unary.SOFTPLUS);
        elementwise("tanh", Unary.TANH);
        elementwise("sin", Unary.SIN);
        elementwise("cos", Unary.COS);
        elementwise("lgamma", Unary.LGAMMA);
        elementwise("step", Unary.STEP);
        elementwise("log1m", Unary.LOG1M);
        elementwise("Phi", Unary.PHI);
        elementwise("Phi_approx", Unary.PHI_APPROX);
        elementwise("inv_cloglog", Unary.INV_CLOGLOG);
        elementwise("log1m_exp", Unary.LOG1M_EXP);
        elementwise("cbrt", Unary.CBRT);
        elementwise("inv", Unary.INV);
        elementwise("inv_sqrt", Unary.INV_SQRT);
        elementwise("inv_square", Unary.INV_SQUARE);
        elementwise("erf", Unary.ERF);
        elementwise("erfc", Unary.ERFC);
        binary("pow", Binary.POW);
        binary("log_sum_exp", Binary.LOG_SUM_EXP);
        binary("log_diff_exp", Binary.LOG_DIFF_EXP);
        binary("fdim", Binary.FDIM);
        binary("fmin", Binary.FMIN);
        binary("fmax", Binary.FMAX);
        // Stan's two-argument max and min are fmax and fmin of two reals; one argument is a reduction
        binary("max", Binary.FMAX);
        binary("min", Binary.FMIN);
        binary("hypot", Binary.HYPOT);
        binary("lbeta", Binary.LBETA);
        for (String name : List.of("log_sum_exp", "sum", "mean", "prod", "max", "min", "variance", "sd")) {
            add(new Builtin(name, 1, Kind.REDUCTION, null, null));
        }
        add(new Builtin("fma", 3, Kind.TERNARY, null, null));
        add(new Builtin("log_mix", 3, Kind.TERNARY, null, null));
        add(new Builtin("cumulative_sum", 1, Kind.CUMULATIVE, null, null));
        add(new Builtin("head", 2, Kind.SLICE, null, null));
        add(new Builtin("tail", 2, Kind.SLICE, null, null));
        add(new Builtin("segment", 3, Kind.SLICE, null, null));
        add(new Builtin("dot_product", 2, Kind.DOT_PRODUCT, null, null));
        add(new Builtin("rep_vector", 2, Kind.REPEAT, null, null));
        // rep_array(x, n) for a scalar x: the same n copies, typed as a one-dimensional array
        add(new Builtin("rep_array", 2, Kind.REPEAT, null, null));
        add(new Builtin("rep_row_vector", 2, Kind.REPEAT, null, null));
        add(new Builtin("rep_matrix", 3, Kind.REPEAT, null, null));
        add(new Builtin("rep_matrix", 2, Kind.REPEAT, null, null));
        add(new Builtin("to_matrix", 3, Kind.RESHAPE, null, null));
        linearAlgebra("diag_matrix", 1);
        linearAlgebra("cholesky_decompose", 1);
        linearAlgebra("add_diag", 2);
        for (String one : List.of("dot_self", "to_vector", "to_row_vector", "to_matrix", "softmax", "log_softmax", "rows",
                "cols", "size",
                "num_elements", "dims", "trace", "tcrossprod", "crossprod", "multiply_lower_tri_self_transpose", "columns_dot_self",
                "rows_dot_self")) {
            linearAlgebra(one, 1);
        }
        for (String two : List.of("diag_pre_multiply", "diag_post_multiply", "quad_form_diag", "squared_distance",
                "distance", "append_row", "append_col", "mdivide_left_tri_low", "mdivide_right_tri_low", "quad_form")) {
            linearAlgebra(two, 2);
        }
        for (String constant : List.of("pi", "e", "sqrt2", "log2", "log10", "not_a_number", "positive_infinity",
                "negative_infinity", "machine_precision")) {
            linearAlgebra(constant, 0);
        }
        for (String covariance : List.of("gp_exp_quad_cov", "cov_exp_quad", "gp_matern32_cov", "gp_matern52_cov")) {
            linearAlgebra(covariance, 3);
            linearAlgebra(covariance, 4);
        }
    }

    private Builtins() {}

    private static void elementwise(String name, Unary op) {
        add(new Builtin(name, 1, Kind.ELEMENTWISE, op, null));
    }

    private static void linearAlgebra(String name, int arity) {
        add(new Builtin(name, arity, Kind.LINEAR_ALGEBRA, null, null));
    }

    private static void binary(String name, Binary op) {
        add(new Builtin(name, 2, Kind.ELEMENTWISE_BINARY, null, op));
    }

    private static void add(Builtin b) {
        BY_NAME.computeIfAbsent(b.name(), k -> new ArrayList<>()).add(b);
    }

    public static boolean exists(String name) {
        return BY_NAME.containsKey(name);
    }

    /** The overload of {@code name} taking {@code arity} arguments. */
    public static Optional<Builtin> lookup(String name, int arity) {
        return BY_NAME.getOrDefault(name, List.of()).stream().filter(b -> b.arity() == arity).findFirst();
    }

    /** How many arguments each overload of {@code name} takes, for "expected 1 or 2" messages. */
    public static List<Integer> arities(String name) {
        return BY_NAME.getOrDefault(name, List.of()).stream().map(Builtin::arity).toList();
    }

    public static Map<String, List<Builtin>> all() {
        return Collections.unmodifiableMap(BY_NAME);
    }
}
