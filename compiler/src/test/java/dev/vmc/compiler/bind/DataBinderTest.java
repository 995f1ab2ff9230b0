package dev.vmc.compiler.bind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.check.CheckedProgram;
import dev.vmc.compiler.check.Checker;
import dev.vmc.compiler.parse.ProgramParser;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.data.StanJsonReader;
import dev.vmc.runtime.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataBinderTest {
    private static final String PROGRAM = """
            data {
              int<lower=0> N;
              int<lower=1> J;
              vector[N] y;
              vector<lower=0>[N] sigma;
              array[N] int<lower=1, upper=J> group;
              matrix[N, 2] X;
              real<lower=-1, upper=1> rho;
            }
            latent {
              vector[J] alpha;
              real<lower=0> tau;
              array[N + 1, 2] real<lower=rho> z;
            }
            model {
              alpha ~ normal(0, tau);
              y ~ normal(alpha[group], sigma);
            }
            """;

    private final CheckedProgram checked = Checker.check(ProgramParser.parse("model.vmodel", PROGRAM));

    private static Map<String, Object> goodData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("N", 3);
        data.put("J", 2);
        data.put("y", new double[] {1.5, -2, 0});
        data.put("sigma", new double[] {1, 2, 0});
        data.put("group", new int[] {1, 2, 2});
        data.put("X", new double[][] {{1, 2}, {3, 4}, {5, 6}});
        data.put("rho", 0.5);
        data.put("unused", 42);
        return data;
    }

    private List<String> problems(Map<String, Object> data) {
        DataMismatchException e = assertThrows(DataMismatchException.class, () -> DataBinder.bind(checked, DataSet.of(data)));
        assertEquals(String.join("\n", e.problems()), e.getMessage());
        return e.problems();
    }

    @Test
    void bindsGoodDataAndIgnoresExtraNames() {
        BoundData bound = DataBinder.bind(checked, DataSet.of(goodData()));
        assertEquals(List.of("N", "J", "y", "sigma", "group", "X", "rho"), List.copyOf(bound.values().keySet()));
        Tensor x = bound.values().get("X");
        assertArrayEquals(new int[] {3, 2}, x.shape);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, x.data);
        assertArrayEquals(new int[0], bound.values().get("N").shape);
        assertEquals(3, bound.size("N"));
        assertEquals(2, bound.size("J"));
    }

    @Test
    void evaluatesShapesAndBoundsOfAnyDeclaredType() {
        BoundData bound = DataBinder.bind(checked, DataSet.of(goodData()));
        List<Decl> latents = checked.program().latents();
        assertArrayEquals(new int[] {2}, bound.shapeOf(latents.get(0).type()));
        assertArrayEquals(new int[0], bound.shapeOf(latents.get(1).type()));
        assertArrayEquals(new int[] {4, 2}, bound.shapeOf(latents.get(2).type()));
        assertEquals(0.0, bound.lowerOf(latents.get(1).type()));
        assertNull(bound.upperOf(latents.get(1).type()));
        assertEquals(0.5, bound.lowerOf(latents.get(2).type()));
        assertNull(bound.lowerOf(latents.get(0).type()));
    }

    @Test
    void missingValueNamesTheDeclaration() {
        Map<String, Object> data = goodData();
        data.remove("y");
        assertEquals(List.of("data file has no value for 'y' (declared at model.vmodel:4:13)"), problems(data));
    }

    @Test
    void wrongLengthOfAVector() {
        Map<String, Object> data = goodData();
        data.put("y", new double[] {1, 2});
        assertEquals(List.of("'y' should be vector[N] = 3 values, got 2"), problems(data));
    }

    @Test
    void wrongShapeOfAMatrixSaysRowsByColumns() {
        Map<String, Object> data = goodData();
        data.put("X", new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(List.of("'X' should be matrix[N, 2] = 3 x 2, got 2 x 3"), problems(data));
    }

    @Test
    void aScalarGivenAsAnArray() {
        Map<String, Object> data = goodData();
        data.put("rho", new double[] {0.1, 0.2});
        assertEquals(List.of("'rho' should be a single real, got 2 values"), problems(data));
    }

    @Test
    void anIntGivenANonInteger() {
        Map<String, Object> data = goodData();
        data.put("J", 2.5);
        // J is unusable afterwards, so group's bound <upper=J> is not checked against it.
        assertEquals(List.of("'J' must be an int, got 2.5"), problems(data));
    }

    @Test
    void anIntArrayElementGivenANonIntegerIsNamedWithItsIndex() {
        Map<String, Object> data = goodData();
        data.put("group", new double[] {1, 1.5, 2});
        assertEquals(List.of("'group[2]' must be an int, got 1.5"), problems(data));
    }

    @Test
    void wholeNumbersWrittenAsRealsAreInts() {
        Map<String, Object> data = goodData();
        data.put("N", 3.0);
        DataBinder.bind(checked, DataSet.of(data));
    }

    @Test
    void notANumberAndInfinity() {
        Map<String, Object> data = goodData();
        data.put("sigma", new double[] {1, 2, Double.NaN});
        data.put("X", new double[][] {{1, 2}, {3, Double.POSITIVE_INFINITY}, {5, Double.NEGATIVE_INFINITY}});
        assertEquals(List.of("'sigma[3]' is NaN; data must be finite (vmc has no missing values)",
                "'X[2,2]' is infinite (and 1 more element of 'X'); data must be finite"), problems(data));
    }

    @Test
    void boundsViolated() {
        Map<String, Object> data = goodData();
        data.put("sigma", new double[] {1, 2, -1});
        data.put("group", new int[] {0, 3, 3});
        data.put("rho", 2);
        assertEquals(List.of(
                "'sigma[3]' = -1 violates <lower=0>",
                "'group[1]' = 0 violates <lower=1>",
                "'group[2]' = 3 violates <upper=J> (J = 2) (and 1 more element of 'group')",
                "'rho' = 2 violates <upper=1>"), problems(data));
    }

    @Test
    void boundsAreInclusiveAsInStan() {
        Map<String, Object> data = goodData();
        data.put("N", 0);
        data.put("y", new double[0]);
        data.put("sigma", new double[0]);
        data.put("group", new int[0]);
        data.put("X", new double[0][]);
        data.put("rho", -1);
        BoundData bound = DataBinder.bind(checked, DataSet.of(data));
        assertArrayEquals(new int[] {0, 2}, bound.values().get("X").shape);
    }

    @Test
    void allProblemsAreListedAndLaterSizesDoNotEchoAnEarlierOne() {
        Map<String, Object> data = goodData();
        data.remove("N");
        data.put("J", -1);
        data.put("rho", Double.NaN);
        assertEquals(List.of(
                "data file has no value for 'N' (declared at model.vmodel:2:16)",
                "'J' = -1 violates <lower=1>",
                "'rho' is NaN; data must be finite (vmc has no missing values)"), problems(data));
    }

    /** Constrained vectors in the data are checked whole when bound, naming the vector and the element. */
    @Test
    void constrainedVectorsInTheDataAreChecked() {
        CheckedProgram typed = Checker.check(ProgramParser.parse("m.vmodel", """
                data {
                  array[2] simplex[3] theta;
                  ordered[3] cuts;
                  positive_ordered[2] rates;
                  unit_vector[2] direction;
                }
                model {}
                """));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("theta", new double[][] {{0.2, 0.3, 0.5}, {0.2, 0.3, 0.6}});
        data.put("cuts", new double[] {-1, 2, 2});
        data.put("rates", new double[] {0, 1});
        data.put("direction", new double[] {0.6, 0.8});
        DataMismatchException e = assertThrows(DataMismatchException.class, () -> DataBinder.bind(typed, DataSet.of(data)));
        assertEquals(List.of(
                "'theta[2]' is declared simplex, but its elements sum to 1.1, not 1",
                "'cuts' is declared ordered, but element 3 (2) is not greater than element 2 (2)",
                "'rates' is declared positive_ordered, but element 1 is 0, not positive"), e.problems());
        data.put("theta", new double[][] {{0.2, 0.3, 0.5}, {0.2, 0.3, 0.5}});
        data.put("cuts", new double[] {-1, 2, 2.5});
        data.put("rates", new double[] {0.5, 1});
        data.put("direction", new double[] {1, 1});
        e = assertThrows(DataMismatchException.class, () -> DataBinder.bind(typed, DataSet.of(data)));
        assertEquals(List.of("'direction' is declared unit_vector, but its squared norm is 2.0, not 1"), e.problems());
        data.put("direction", new double[] {0.6, 0.8});
        assertArrayEquals(new int[] {2, 3}, DataBinder.bind(typed, DataSet.of(data)).values().get("theta").shape);
    }

    @Test
    void aNegativeSizeIsReported() {
        CheckedProgram sized = Checker.check(ProgramParser.parse("m.vmodel",
                "data { int K; vector[K - 3] v; }\nmodel {}\n"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("K", 1);
        data.put("v", new double[0]);
        DataMismatchException e = assertThrows(DataMismatchException.class, () -> DataBinder.bind(sized, DataSet.of(data)));
        assertEquals("'v' has size K - 3 = -2; a size must be a whole number >= 0", e.getMessage());
    }

    @Test
    void problemsArePrefixedWithTheDataSource() {
        CheckedProgram small = Checker.check(ProgramParser.parse("m.vmodel",
                "data { int<lower=0> N; vector[N] y; }\nmodel {}\n"));
        DataSet data = StanJsonReader.parse("{\"N\": -2, \"z\": 1}", "data.json");
        DataMismatchException e = assertThrows(DataMismatchException.class, () -> DataBinder.bind(small, data));
        assertEquals("data.json: 'N' = -2 violates <lower=0>\n"
                + "data.json: data file has no value for 'y' (declared at m.vmodel:1:34)", e.getMessage());
    }

    /** Stan's ints are 32-bit: a larger one is an error naming it, not a size clamped to 2^31 - 1. */
    @Test
    void intsBeyond32BitsAreErrorsNamingTheElement() {
        Map<String, Object> data = goodData();
        data.put("J", 3_000_000_000L);
        // group's bound <upper=J> then cannot be known, so group is not checked: one mistake, one message.
        assertEquals(List.of("'J' = 3000000000 is too large for an int (ints are 32-bit: -2147483648 to 2147483647)"),
                problems(data));
        data = goodData();
        data.put("group", new long[] {1, 4_000_000_000L, 2});
        assertEquals(List.of(
                "'group[2]' = 4000000000 is too large for an int (ints are 32-bit: -2147483648 to 2147483647)",
                "'group[2]' = 4000000000 violates <upper=J> (J = 2)"), problems(data));
    }

    @Test
    void intsFromJsonBeyond32BitsAndBeyondLong() {
        CheckedProgram small = Checker.check(ProgramParser.parse("m.vmodel", "data { int N; array[2] int k; }\nmodel {}\n"));
        DataSet data = StanJsonReader.parse("{\"N\": 2147483648, \"k\": [1, 12345678901234567890]}", "data.json");
        DataMismatchException e = assertThrows(DataMismatchException.class, () -> DataBinder.bind(small, data));
        assertEquals(List.of(
                "data.json: 'N' = 2147483648 is too large for an int (ints are 32-bit: -2147483648 to 2147483647)",
                "data.json: 'k[2]' = 1.2345678901234567E19 is too large for an int (ints are 32-bit: -2147483648 to"
                        + " 2147483647)"), e.problems());
    }

    @Test
    void sizesBeyondWhatAnArrayHoldsAreErrors() {
        CheckedProgram sized = Checker.check(ProgramParser.parse("m.vmodel",
                "data { int K; vector[K * K] v; matrix[K, K] X; }\nmodel {}\n"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("K", 100_000);
        data.put("v", new double[0]);
        data.put("X", new double[0][]);
        DataMismatchException e = assertThrows(DataMismatchException.class, () -> DataBinder.bind(sized, DataSet.of(data)));
        assertEquals(List.of(
                "'v' has size K * K = 10000000000; a size must be at most 2147483647",
                "'X' would have 100000 x 100000 = 10000000000 elements; a value may have at most 2147483639"), e.problems());
    }

    /** What the JSON reader's advice about NaN leads to: the string is read, and a used variable says why it is refused. */
    @Test
    void nanStringsAreReadAndRefusedInUsedVariablesWithTheReason() {
        CheckedProgram small = Checker.check(ProgramParser.parse("m.vmodel", "data { vector[2] y; }\nmodel {}\n"));
        DataSet data = StanJsonReader.parse("{\"y\": [1, \"NaN\"], \"unused\": [\"Inf\"]}", "data.json");
        DataMismatchException e = assertThrows(DataMismatchException.class, () -> DataBinder.bind(small, data));
        assertEquals("data.json: 'y[2]' is NaN; data must be finite (vmc has no missing values)", e.getMessage());
    }
}
