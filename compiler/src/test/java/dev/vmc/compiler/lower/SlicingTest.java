package dev.vmc.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Slices and multi-indices, Stan's way: their types (as declared), values, gradients and bad positions. */
class SlicingTest {
    private static final LoweredExpressions PROGRAM = new LoweredExpressions(
            "matrix[3, 4] X; vector[4] v; array[3] vector[2] A; array[2] int idx; int k; int n;");
    /** X[i, j] = 10 i + j. */
    private static final Map<String, Tensor> DATA = Map.of(
            "X", new Tensor(new int[] {3, 4}, new double[] {11, 12, 13, 14, 21, 22, 23, 24, 31, 32, 33, 34}),
            "v", Tensor.vector(0.5, -1.5, 2.5, 4),
            "A", new Tensor(new int[] {3, 2}, new double[] {1, 2, 3, 4, 5, 6}),
            "idx", Tensor.vector(3, 1),
            "k", Tensor.scalar(2),
            "n", Tensor.scalar(3));

    private static double[] value(String type, String expression) {
        Tensor t = PROGRAM.value(type, expression, DATA);
        return t.data;
    }

    @Test
    void slicesOfVectorsKeepTheirDimension() {
        assertArrayEquals(new double[] {-1.5, 2.5}, value("vector[2]", "v[2:3]"), 0);
        assertArrayEquals(new double[] {0.5, -1.5}, value("vector[2]", "v[:2]"), 0);
        assertArrayEquals(new double[] {2.5, 4}, value("vector[2]", "v[3:]"), 0);
        assertArrayEquals(new double[] {0.5, -1.5, 2.5, 4}, value("vector[4]", "v[:]"), 0);
        assertArrayEquals(new double[] {-1.5, 2.5, 4}, value("vector[3]", "v[k:]"), 0);
        assertArrayEquals(new double[] {-1.5, 2.5}, value("vector[2]", "v[k:n]"), 0);
        assertArrayEquals(new double[0], value("vector[0]", "v[3:2]"), 0);
        assertArrayEquals(new double[] {2.5, 0.5}, value("vector[2]", "v[idx]"), 0);
        assertArrayEquals(new double[] {0.5, 2.5, 0.5}, value("vector[3]", "v[{1, 3, 1}]"), 0);
    }

    @Test
    void matricesSliceByRowsColumnsAndBoth() {
        assertArrayEquals(new double[] {12, 22, 32}, value("vector[3]", "X[:, 2]"), 0);
        assertArrayEquals(new double[] {21, 22, 23, 24}, value("vector[4]", "X[2]"), 0);
        assertArrayEquals(new double[] {22, 23, 24}, value("vector[3]", "X[2, 2:]"), 0);
        assertArrayEquals(new double[] {21, 23, 31, 33}, value("matrix[2, 2]", "X[2:3, {1, 3}]"), 0);
        assertArrayEquals(new double[] {31, 32, 33, 34, 11, 12, 13, 14}, value("matrix[2, 4]", "X[idx]"), 0);
        assertArrayEquals(new double[] {32, 12}, value("vector[2]", "X[idx, k]"), 0);
        assertArrayEquals(new double[] {33, 31, 13, 11}, value("matrix[2, 2]", "X[idx, idx]"), 0);
        assertArrayEquals(new double[] {12, 13, 22, 23, 32, 33}, value("matrix[3, 2]", "X[:, 2:3]"), 0);
        assertArrayEquals(new double[] {23, 33}, value("vector[2]", "X[2:3, 3]"), 0);
    }

    @Test
    void arraysSliceAlongTheirArrayDimensionsFirst() {
        assertArrayEquals(new double[] {3, 5}, value("array[2] real", "A[2:3, 1]"), 0);
        assertArrayEquals(new double[] {5, 6, 1, 2}, value("array[2] vector[2]", "A[idx]"), 0);
        assertArrayEquals(new double[] {2, 4, 6}, value("array[3] real", "A[:, 2]"), 0);
        assertArrayEquals(new double[] {4}, value("vector[1]", "A[2, 2:2]"), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum(square(X[2:3, {1, 3}]))", "sum(exp(X[:, k]) .* v[2:])", "sum(X[idx, idx] * v[2:3])",
            "sum(square(A[:, 2])) + sum(A[idx, 1])", "sum(v[{1, 1, 4}] .* v[2:4])"})
    void gradientsReachTheSelectedElementsOnly(String expression) {
        Map<String, Tensor> small = new java.util.HashMap<>(DATA);
        Tensor x = DATA.get("X").copy();
        for (int i = 0; i < x.size(); i++) {
            x.data[i] /= 20; // so that exp stays small enough for differences to resolve
        }
        small.put("X", x);
        PROGRAM.checkGradient(expression, small, "X", "v", "A");
    }

    @Test
    void positionsOutsideTheirDimensionAreReportedWithTheIndexing() {
        // a single index outside is the gather's, when the values are computed: only slices are planned
        assertThrows(dev.vmc.runtime.graph.EvaluationException.class, () -> PROGRAM.value("vector[4]", "X[n + 1]", DATA));
        ShapeException slice = assertThrows(ShapeException.class,
                () -> PROGRAM.value("vector[3]", "X[:, n + 2]", DATA));
        assertTrue(slice.getMessage().contains("X[:, n + 2]: index 5 (index 2) is outside 1..4"), slice.getMessage());
        ShapeException run = assertThrows(ShapeException.class, () -> PROGRAM.value("vector[2]", "v[n:n + 2]", DATA));
        assertTrue(run.getMessage().contains("the slice 3:5 runs outside 1..4"), run.getMessage());
        ShapeException many = assertThrows(ShapeException.class, () -> PROGRAM.value("matrix[2, 2]", "X[idx, {4, 5}]", DATA));
        assertTrue(many.getMessage().contains("index 5 (index 2) at position 2 is outside 1..4"), many.getMessage());
    }

    @Test
    void aPlanListsPositionsRowMajorForAssignment() {
        IndexPlan plan = IndexPlan.of(new int[] {3, 4}, List.of(new IndexPlan.Range(2, 3), new IndexPlan.Multiple(new int[] {4, 1})),
                "X[2:3, {4, 1}]");
        assertArrayEquals(new int[] {2, 2}, plan.shape());
        assertArrayEquals(new int[] {7, 4, 11, 8}, plan.positions());
    }
}
