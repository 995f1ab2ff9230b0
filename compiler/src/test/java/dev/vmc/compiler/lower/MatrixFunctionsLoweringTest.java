package dev.vmc.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.runtime.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The matrix functions as a program calls them: types (as declared), values, and gradients of the lowered graph. */
class MatrixFunctionsLoweringTest {
    private static final LoweredExpressions PROGRAM = new LoweredExpressions(
            "array[3] real x; array[3] vector[2] p; real a; real r; real s; vector[3] v; matrix[3, 3] M;");
    private static final Map<String, Tensor> DATA = Map.of(
            "x", Tensor.vector(-1, 0.5, 2),
            "p", new Tensor(new int[] {3, 2}, new double[] {0, 1, 1, 0.5, -0.5, 2}),
            "a", Tensor.scalar(1.3),
            "r", Tensor.scalar(0.9),
            "s", Tensor.scalar(0.4),
            "v", Tensor.vector(0.5, 1.5, 2),
            "M", new Tensor(new int[] {3, 3}, new double[] {4, 1.2, -0.6, 1.2, 3, 0.5, -0.6, 0.5, 2}));

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

    @ParameterizedTest
    @ValueSource(strings = {"sum(cholesky_decompose(gp_exp_quad_cov(x, a, r) + diag_matrix(rep_vector(s, 3))))",
            "sum(square(gp_matern32_cov(p, a, r))) + sum(gp_matern52_cov(p, p[1:2], a, r))",
            "sum(cholesky_decompose(add_diag(M, v)) * v)", "sum(cov_exp_quad(x, x[2:3], a, r))"})
    void gradientsMatchFiniteDifferences(String expression) {
        PROGRAM.checkGradient(expression, DATA, "x", "p", "a", "r", "s", "v", "M");
    }
}
