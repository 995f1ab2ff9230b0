package dev.vmc.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.compiler.check.ExpressionTypes;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The matrix functions as a program calls them: types (as declared), values, and gradients of the lowered graph. */
class MatrixFunctionsLoweringTest {
    private static final LoweredExpressions PROGRAM = new LoweredExpressions(
            "array[3] real x; array[3] vector[2] p; real a; real r; real s; vector[3] v; matrix[3, 3] M;"
            + " row_vector[3] w; matrix[2, 3] N; array[2, 3] real A;");
    private static final Map<String, Tensor> DATA = Map.of(
            "x", Tensor.vector(-1, 0.5, 2),
            "p", new Tensor(new int[] {3, 2}, new double[] {0, 1, 1, 0.5, -0.5, 2}),
            "a", Tensor.scalar(1.3),
            "r", Tensor.scalar(0.9),
            "s", Tensor.scalar(0.4),
            "v", Tensor.vector(0.5, 1.5, 2),
            "M", new Tensor(new int[] {3, 3}, new double[] {4, 1.2, -0.6, 1.2, 3, 0.5, -0.6, 0.5, 2}),
            "w", Tensor.vector(-2, 0.25, 1),
            "N", new Tensor(new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6}),
            "A", new Tensor(new int[] {2, 3}, new double[] {-1, -2, -3, -4, -5, -6}));

    @Test
    void gpRegressionsCovarianceAndItsFactor() {
        double[] x = DATA.get("x").data;
        double[] cov = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double d = x[i] - x[j];
                cov[i * 3 + j] = 1.69 * Math.exp(-d * d / (2 * 0.81)) + (i == j ? 0.4 : 0);
            }
        }
        assertArrayEquals(cov, PROGRAM.value("matrix[3, 3]", "gp_exp_quad_cov(x, a, r) + diag_matrix(rep_vector(s, 3))",
                DATA).data, 1e-15);
        assertArrayEquals(cov, PROGRAM.value("matrix[3, 3]", "add_diag(cov_exp_quad(x, a, r), s)", DATA).data, 1e-15);
        double[] l = PROGRAM.value("matrix[3, 3]", "cholesky_decompose(add_diag(gp_exp_quad_cov(x, a, r), s))", DATA).data;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += l[i * 3 + k] * l[j * 3 + k];
                }
                assertEquals(cov[i * 3 + j], sum, 1e-14);
            }
        }
        assertArrayEquals(new double[] {4.5, 1.2, -0.6, 1.2, 4.5, 0.5, -0.6, 0.5, 4}, PROGRAM.value("matrix[3, 3]",
                "add_diag(M, v)", DATA).data, 1e-15);
        assertArrayEquals(new int[] {3, 2}, PROGRAM.value("matrix[3, 2]", "gp_matern32_cov(p, p[1:2], a, r)", DATA).shape);
    }

    @Test
    void sizesConstantsAndReshapes() {
        assertEquals(6, PROGRAM.value("int", "rows(M) + size(v) - cols(M) + num_elements(M) - size(x) * 2", DATA).item());
        assertEquals(Math.PI + Math.E + Math.sqrt(2) + Math.log(2) + Math.log(10), PROGRAM.value("real",
                "pi() + e() + sqrt2() + log2() + log10()", DATA).item(), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, PROGRAM.value("real", "positive_infinity()", DATA).item());
        assertEquals(Math.ulp(1.0), PROGRAM.value("real", "machine_precision()", DATA).item());
        assertTrue(Double.isNaN(PROGRAM.value("real", "not_a_number()", DATA).item()));
        // column by column, as Stan reads a matrix
        assertArrayEquals(new double[] {4, 1.2, -0.6, 1.2, 3, 0.5, -0.6, 0.5, 2}, PROGRAM.value("vector[9]",
                "to_vector(M)", DATA).data, 0);
        assertArrayEquals(new double[] {0.5, 1.5, 2}, PROGRAM.value("row_vector[3]", "to_row_vector(v)", DATA).data, 0);
        assertEquals(4 + 3 + 2, PROGRAM.value("real", "trace(M)", DATA).item(), 1e-15);
    }

    @Test
    void productsAgreeWithTheirDefinitions() {
        double[] v = DATA.get("v").data;
        double[] m = DATA.get("M").data;
        double[] pre = PROGRAM.value("matrix[3, 3]", "diag_pre_multiply(v, M)", DATA).data;
        double[] post = PROGRAM.value("matrix[3, 3]", "diag_post_multiply(M, v)", DATA).data;
        double[] quad = PROGRAM.value("matrix[3, 3]", "quad_form_diag(M, v)", DATA).data;
        double[] outer = PROGRAM.value("matrix[3, 3]", "tcrossprod(M)", DATA).data;
        double[] lower = PROGRAM.value("matrix[3, 3]", "multiply_lower_tri_self_transpose(M)", DATA).data;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(v[i] * m[i * 3 + j], pre[i * 3 + j], 1e-15);
                assertEquals(m[i * 3 + j] * v[j], post[i * 3 + j], 1e-15);
                assertEquals(v[i] * m[i * 3 + j] * v[j], quad[i * 3 + j], 1e-15);
                double full = 0;
                double tri = 0;
                for (int k = 0; k < 3; k++) {
                    full += m[i * 3 + k] * m[j * 3 + k];
                    tri += (k <= i ? m[i * 3 + k] : 0) * (k <= j ? m[j * 3 + k] : 0);
                }
                assertEquals(full, outer[i * 3 + j], 1e-14);
                assertEquals(tri, lower[i * 3 + j], 1e-14);
            }
        }
        double z = Math.log(Math.exp(0.5) + Math.exp(1.5) + Math.exp(2));
        assertArrayEquals(new double[] {0.5 - z, 1.5 - z, 2 - z}, PROGRAM.value("vector[3]", "log_softmax(v)", DATA).data, 1e-15);
        assertEquals(1, sum(PROGRAM.value("vector[3]", "softmax(v)", DATA).data), 1e-15);
        assertEquals(0.25 + 2.25 + 4, PROGRAM.value("real", "dot_self(v)", DATA).item(), 1e-15);
        assertEquals(Math.sqrt(0.25 + 2.25 + 4), PROGRAM.value("real", "distance(v, 0 * v)", DATA).item(), 1e-15);
        assertArrayEquals(new double[] {16 + 1.44 + 0.36, 1.44 + 9 + 0.25, 0.36 + 0.25 + 4},
                PROGRAM.value("row_vector[3]", "columns_dot_self(M)", DATA).data, 1e-14);
        assertArrayEquals(new double[] {16 + 1.44 + 0.36, 1.44 + 9 + 0.25, 0.36 + 0.25 + 4},
                PROGRAM.value("vector[3]", "rows_dot_self(M)", DATA).data, 1e-14);
    }

    @Test
    void appendsJoinRowsAndColumns() {
        assertArrayEquals(new double[] {0.5, 1.5, 2, -1, 0.5, 2}, PROGRAM.value("vector[6]", "append_row(v, to_vector(x))",
                DATA).data, 0);
        assertArrayEquals(new double[] {1.3, 0.5, 1.5, 2}, PROGRAM.value("vector[4]", "append_row(a, v)", DATA).data, 0);
        assertArrayEquals(new double[] {0.5, 1.5, 2, 1.3}, PROGRAM.value("vector[4]", "append_row(v, a)", DATA).data, 0);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 4, 1.2, -0.6, 1.2, 3, 0.5, -0.6, 0.5, 2},
                PROGRAM.value("matrix[5, 3]", "append_row(N, M)", DATA).data, 0);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, -2, 0.25, 1}, PROGRAM.value("matrix[3, 3]", "append_row(N, w)",
                DATA).data, 0);
        assertArrayEquals(new double[] {-2, 0.25, 1, 0.5, 1.5, 2}, PROGRAM.value("row_vector[6]", "append_col(w, v')",
                DATA).data, 0);
        assertArrayEquals(new double[] {-2, 0.25, 1, 1.3}, PROGRAM.value("row_vector[4]", "append_col(w, a)", DATA).data, 0);
        assertArrayEquals(new double[] {1, 2, 3, 1, 4, 5, 6, 4}, PROGRAM.value("matrix[2, 4]", "append_col(N, N[:, 1])",
                DATA).data, 0);
        Tensor wide = PROGRAM.value("matrix[3, 6]", "append_col(M, M')", DATA);
        assertArrayEquals(new int[] {3, 6}, wide.shape);
        assertArrayEquals(new double[] {4, 1.2, -0.6, 4, 1.2, -0.6}, java.util.Arrays.copyOf(wide.data, 6), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum(append_row(v, a) .* append_row(a, v)) + sum(square(append_row(N, M)))",
            "sum(append_row(N, w) * v) + append_col(w, a) * append_col(a, w)' + sum(square(append_col(M, N')))",
            "sum(append_col(N[:, 2], N) .* append_col(N, N[:, 1]))"})
    void appendGradientsMatchFiniteDifferences(String expression) {
        PROGRAM.checkGradient(expression, DATA, "a", "v", "M", "w", "N");
    }

    @Test
    void repeatsFillRowVectorsAndMatrices() {
        assertArrayEquals(new double[] {1.3, 1.3, 1.3}, PROGRAM.value("row_vector[3]", "rep_row_vector(a, 3)", DATA).data, 0);
        Tensor filled = PROGRAM.value("matrix[2, 3]", "rep_matrix(s, 2, size(x))", DATA);
        assertArrayEquals(new int[] {2, 3}, filled.shape);
        assertArrayEquals(new double[] {0.4, 0.4, 0.4, 0.4, 0.4, 0.4}, filled.data, 0);
        assertArrayEquals(new double[] {5, 6, 7, 8, 9, 10}, PROGRAM.value("matrix[2, 3]", "N + rep_matrix(1, 2, 3) * 4",
                DATA).data, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum(rep_matrix(a, 2, 3) .* N) + rep_row_vector(s, 3) * v",
            "sum(rep_matrix(a * s, 3, 3) * M)"})
    void repeatGradientsMatchFiniteDifferences(String expression) {
        PROGRAM.checkGradient(expression, DATA, "a", "s", "v", "M", "N");
    }

    /** Copies of a vector are columns, of a row_vector rows: the checker's types tell lowering which. */
    @Test
    void repeatedVectorsAreColumnsAndRepeatedRowVectorsRows() {
        double[] v = DATA.get("v").data;
        double[] w = DATA.get("w").data;
        Tensor columns = PROGRAM.value("matrix[3, 2]", "rep_matrix(v, 2)", DATA);
        Tensor rows = PROGRAM.value("matrix[2, 3]", "rep_matrix(w, size(p) - 1)", DATA);
        assertArrayEquals(new int[] {3, 2}, columns.shape);
        assertArrayEquals(new int[] {2, 3}, rows.shape);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(v[i], columns.data[i * 2 + j], 0);
                assertEquals(w[i], rows.data[j * 3 + i], 0);
            }
        }
        // the transposes swap the two: v' is a row_vector, w' a vector
        assertArrayEquals(columns.data, PROGRAM.value("matrix[3, 2]", "rep_matrix(v', 2)'", DATA).data, 0);
        assertArrayEquals(new double[] {-2, -2, 0.25, 0.25, 1, 1}, PROGRAM.value("matrix[3, 2]", "rep_matrix(w', 2)",
                DATA).data, 0);
    }

    @Test
    void vectorTimesRowVectorIsTheOuterProduct() {
        double[] v = DATA.get("v").data;
        double[] w = DATA.get("w").data;
        Tensor outer = PROGRAM.value("matrix[3, 3]", "v * w", DATA);
        assertArrayEquals(new int[] {3, 3}, outer.shape);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(v[i] * w[j], outer.data[i * 3 + j], 0);
            }
        }
        // and a row_vector times a vector is still the dot product
        assertEquals(-2 * 0.5 + 0.25 * 1.5 + 2, PROGRAM.value("real", "w * v", DATA).item(), 1e-15);
        assertArrayEquals(new int[] {2, 3}, PROGRAM.value("matrix[2, 3]", "N[:, 1] * w", DATA).shape);
        assertArrayEquals(new double[] {0.25, 0.75, 1, 0.75, 2.25, 3, 1, 3, 4}, PROGRAM.value("matrix[3, 3]",
                "v * v'", DATA).data, 1e-15);
    }

    /**
     * to_matrix as Stan's: of one argument, a vector is a column and a row_vector a row; with
     * sizes, the elements column by column (a matrix's read so too) refill the matrix column by
     * column.
     */
    @Test
    void toMatrixReadsAndFillsColumnByColumn() {
        Tensor column = PROGRAM.value("matrix[3, 1]", "to_matrix(v)", DATA);
        Tensor row = PROGRAM.value("matrix[1, 3]", "to_matrix(w)", DATA);
        assertArrayEquals(new int[] {3, 1}, column.shape);
        assertArrayEquals(new int[] {1, 3}, row.shape);
        assertArrayEquals(DATA.get("v").data, column.data, 0);
        assertArrayEquals(DATA.get("w").data, row.data, 0);
        assertArrayEquals(DATA.get("M").data, PROGRAM.value("matrix[3, 3]", "to_matrix(M)", DATA).data, 0);
        assertArrayEquals(DATA.get("A").data, PROGRAM.value("matrix[2, 3]", "to_matrix(A)", DATA).data, 0);
        // N = [1, 2, 3; 4, 5, 6] read by columns is 1, 4, 2, 5, 3, 6; refilled by columns into 3 x 2
        Tensor refilled = PROGRAM.value("matrix[3, 2]", "to_matrix(N, 3, 2)", DATA);
        assertArrayEquals(new int[] {3, 2}, refilled.shape);
        assertArrayEquals(new double[] {1, 5, 4, 3, 2, 6}, refilled.data, 0);
        assertArrayEquals(new double[] {0.5, 2, 1.5, 1.5, 0.5, 2}, PROGRAM.value("matrix[2, 3]",
                "to_matrix(append_row(v, v), 2, 3)", DATA).data, 0);
        assertArrayEquals(new double[] {-1, 0.5, 2}, PROGRAM.value("matrix[1, 3]", "to_matrix(x, 1, size(x))", DATA).data,
                0);
    }

    /** Two row_vectors appended by rows make a matrix, as two vectors by columns do; rows and cols of either count 1. */
    @Test
    void rowVectorsAndVectorsJoinIntoMatricesAndCountTheirRowsAndColumns() {
        Tensor rows = PROGRAM.value("matrix[2, 3]", "append_row(w, v')", DATA);
        assertArrayEquals(new int[] {2, 3}, rows.shape);
        assertArrayEquals(new double[] {-2, 0.25, 1, 0.5, 1.5, 2}, rows.data, 0);
        Tensor columns = PROGRAM.value("matrix[3, 2]", "append_col(v, w')", DATA);
        assertArrayEquals(new int[] {3, 2}, columns.shape);
        assertArrayEquals(new double[] {0.5, -2, 1.5, 0.25, 2, 1}, columns.data, 0);
        assertEquals(1 * 1000 + 3 * 100 + 3 * 10 + 1, PROGRAM.value("int", "rows(w) * 1000 + cols(w) * 100 + rows(v) * 10"
                + " + cols(v)", DATA).item());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum(to_matrix(N, 3, 2) .* M[:, 1:2]) + sum(to_matrix(v) * to_matrix(w))",
            "sum(append_row(w, w * a) * M) + sum(append_col(v, v * s) .* N') + sum(to_matrix(v * w, 1, 9))"})
    void toMatrixAndAppendGradientsMatchFiniteDifferences(String expression) {
        PROGRAM.checkGradient(expression, DATA, "a", "s", "v", "w", "M", "N");
    }

    /** The constant evaluator alone knows no types: where one is needed it says so rather than guessing from shapes. */
    @Test
    void loweringWithoutTheCheckersTypesRefusesWhatNeedsThem() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Evaluator.evaluate(PROGRAM.parse("matrix[3, 3]", "v * w"), DATA, ExpressionTypes.NONE));
        assertTrue(e.getMessage().contains("lowering needs the checker's type of v * w"), e.getMessage());
        assertEquals(-2 * 0.5 + 0.25 * 1.5 + 2, Evaluator.evaluate(PROGRAM.parse("real", "sum(v .* w')"), DATA,
                ExpressionTypes.NONE).item(), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum(rep_matrix(v, 2) .* N') + sum(square(rep_matrix(w, 2) - N))",
            "sum((v * w) .* M) + w * (v * w) * v + sum(rep_matrix(v * a, 3) * rep_matrix(w' * s, 3))",
            "sum(v * v' .* M)"})
    void rowVectorDependentGradientsMatchFiniteDifferences(String expression) {
        PROGRAM.checkGradient(expression, DATA, "a", "s", "v", "w", "M", "N");
    }

    /** L x = b and L X = B, with L the lower triangle of M (Stan ignores the entries above its diagonal). */
    @Test
    void triangularSolvesInvertTheLowerTriangle() {
        double[] m = DATA.get("M").data;
        double[] v = DATA.get("v").data;
        double[] x = PROGRAM.value("vector[3]", "mdivide_left_tri_low(M, v)", DATA).data;
        double[] columns = PROGRAM.value("matrix[3, 2]", "mdivide_left_tri_low(M, N')", DATA).data;
        double[] n = DATA.get("N").data;
        for (int i = 0; i < 3; i++) {
            double lx = 0;
            double[] lxColumns = new double[2];
            for (int k = 0; k <= i; k++) {
                lx += m[i * 3 + k] * x[k];
                for (int j = 0; j < 2; j++) {
                    lxColumns[j] += m[i * 3 + k] * columns[k * 2 + j];
                }
            }
            assertEquals(v[i], lx, 1e-14);
            assertEquals(n[i], lxColumns[0], 1e-14);
            assertEquals(n[3 + i], lxColumns[1], 1e-14);
        }
    }

    /** x L = b and X L = B, with L the lower triangle of M. */
    @Test
    void rightTriangularSolvesInvertTheLowerTriangle() {
        double[] m = DATA.get("M").data;
        double[] w = DATA.get("w").data;
        double[] n = DATA.get("N").data;
        double[] x = PROGRAM.value("row_vector[3]", "mdivide_right_tri_low(w, M)", DATA).data;
        double[] rows = PROGRAM.value("matrix[2, 3]", "mdivide_right_tri_low(N, M)", DATA).data;
        for (int j = 0; j < 3; j++) {
            double xl = 0;
            double[] rowsL = new double[2];
            for (int i = j; i < 3; i++) {
                xl += x[i] * m[i * 3 + j];
                for (int r = 0; r < 2; r++) {
                    rowsL[r] += rows[r * 3 + i] * m[i * 3 + j];
                }
            }
            assertEquals(w[j], xl, 1e-14);
            assertEquals(n[j], rowsL[0], 1e-14);
            assertEquals(n[3 + j], rowsL[1], 1e-14);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum(square(mdivide_right_tri_low(w, M)))", "sum(mdivide_right_tri_low(N, M) .* N)"})
    void rightTriangularSolveGradientsMatchFiniteDifferences(String expression) {
        PROGRAM.checkGradient(expression, DATA, "w", "M", "N");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum(square(mdivide_left_tri_low(M, v)))",
            "sum(mdivide_left_tri_low(cholesky_decompose(add_diag(M, v)), N') .* N')"})
    void triangularSolveGradientsMatchFiniteDifferences(String expression) {
        PROGRAM.checkGradient(expression, DATA, "v", "M", "N");
    }

    @Test
    void quadFormIsTheTransposeTimesTheMatrixTimesIt() {
        double[] m = DATA.get("M").data;
        double[] v = DATA.get("v").data;
        double[] n = DATA.get("N").data; // N' is 3 x 2: (N')[k, j] = N[j, k]
        double[] form = PROGRAM.value("matrix[2, 2]", "quad_form(M, N')", DATA).data;
        double real = 0;
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                real += v[i] * m[i * 3 + k] * v[k];
            }
        }
        assertEquals(real, PROGRAM.value("real", "quad_form(M, v)", DATA).item(), 1e-13);
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double sum = 0;
                for (int i = 0; i < 3; i++) {
                    for (int k = 0; k < 3; k++) {
                        sum += n[a * 3 + i] * m[i * 3 + k] * n[b * 3 + k];
                    }
                }
                assertEquals(sum, form[a * 2 + b], 1e-13);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"quad_form(M, v)", "sum(quad_form(M, N') .* quad_form(tcrossprod(M), N'))"})
    void quadFormGradientsMatchFiniteDifferences(String expression) {
        PROGRAM.checkGradient(expression, DATA, "v", "M", "N");
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double x : values) {
            total += x;
        }
        return total;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum(diag_pre_multiply(v, M) * v) + sum(quad_form_diag(M, v))",
            "sum(multiply_lower_tri_self_transpose(M)) + trace(crossprod(M)) + sum(tcrossprod(M))",
            "log_softmax(v)[2] + softmax(v)' * v + squared_distance(v, M[1]') + distance(v, M[:, 2])",
            "sum(columns_dot_self(M)) + sum(rows_dot_self(M) .* v) + sum(to_vector(M) .* to_vector(M)) + dot_self(v)"})
    void moreGradientsMatchFiniteDifferences(String expression) {
        PROGRAM.checkGradient(expression, DATA, "v", "M");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum(cholesky_decompose(gp_exp_quad_cov(x, a, r) + diag_matrix(rep_vector(s, 3))))",
            "sum(square(gp_matern32_cov(p, a, r))) + sum(gp_matern52_cov(p, p[1:2], a, r))",
            "sum(cholesky_decompose(add_diag(M, v)) * v)", "sum(cov_exp_quad(x, x[2:3], a, r))"})
    void gradientsMatchFiniteDifferences(String expression) {
        PROGRAM.checkGradient(expression, DATA, "x", "p", "a", "r", "s", "v", "M");
    }
}
