package dev.vmc.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.runtime.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stan's row_vector: matrix rows, transposes and [a, b] literals, their products, types (as declared) and gradients. */
class RowVectorTest {
    private static final LoweredExpressions PROGRAM = new LoweredExpressions(
            "matrix[3, 4] X; vector[4] v; row_vector[4] r;");
    private static final Map<String, Tensor> DATA = Map.of(
            "X", new Tensor(new int[] {3, 4}, new double[] {0.1, 0.2, 0.3, 0.4, -1, 0.5, 2, 1.5, 0.7, -0.3, 0.2, 1}),
            "v", Tensor.vector(0.5, -1.5, 2.5, 1),
            "r", Tensor.vector(1, 2, -1, 0.5));

    private static double[] value(String type, String expression) {
        return PROGRAM.value(type, expression, DATA).data;
    }

    @Test
    void aRowTimesAVectorIsTheirDotProduct() {
        assertEquals(-1 * 0.5 + 0.5 * -1.5 + 2 * 2.5 + 1.5 * 1, value("real", "X[2] * v")[0], 1e-15);
        assertEquals(0.25 + 2.25 + 6.25 + 1, value("real", "v' * v")[0], 1e-15);
        assertEquals(0.5 - 3 + 7.5 + 4, value("real", "[1, 2, 3, 4] * v")[0], 1e-15);
        assertEquals(0.5 - 3 - 2.5 + 0.5, value("real", "r * v")[0], 1e-15);
    }

    @Test
    void aRowVectorTimesAMatrixIsARowVector() {
        double[] x = DATA.get("X").data;
        double[] r = DATA.get("r").data;
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 4; k++) {
                expected[i] += r[k] * x[i * 4 + k];
            }
        }
        assertArrayEquals(expected, value("row_vector[3]", "r * X'"), 1e-15);
    }

    @Test
    void rowsSlicesAndTransposesHaveStansTypes() {
        assertArrayEquals(new double[] {0.5, 2}, value("row_vector[2]", "X[2, 2:3]"), 0);
        assertArrayEquals(new double[] {0.2, 0.5, -0.3}, value("vector[3]", "X[:, 2]"), 0);
        assertArrayEquals(new double[] {1.5, 0.5, 1.5, 1.5}, value("vector[4]", "(r + v')' + [0, 0, 0, 0]'"), 1e-15);
        assertArrayEquals(new double[] {2, -1}, value("row_vector[2]", "r[2:3]"), 0);
        assertArrayEquals(new double[] {2, 4, -2, 1}, value("row_vector[4]", "2 * r"), 0);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        PROGRAM.checkGradient("X[2] * v + sum(square(r * X')) + v' * v + [1, 2, 3, 4] * exp(v)", DATA, "X", "v", "r");
    }
}
