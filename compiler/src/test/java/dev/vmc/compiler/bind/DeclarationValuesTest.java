package dev.vmc.compiler.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vmc.compiler.check.Checker;
import dev.vmc.compiler.parse.ProgramParser;
import dev.vmc.runtime.data.DataSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sizes, bounds and initial values that depend on data: each problem is a data error naming
 * the declaration and its place, found when the data is bound, never an internal error in
 * the lowering.
 */
class DeclarationValuesTest {

    private static List<String> problems(String program, Map<String, ?> data) {
        var checked = Checker.check(ProgramParser.parse("m.vmodel", program));
        return assertThrows(DataMismatchException.class, () -> DataBinder.bind(checked, DataSet.of(data))).problems();
    }

    @Test
    void everyDeclarationOfTheProgramIsHeldToItsRules() {
        String program = """
                data { int N; vector[N] y; }
                params { real<lower=N> s = 1; vector[N] w = [1, 2]'; real<upper=sqrt(N - 4)> q = 0; }
                latent { real mu; vector[N - 5] z; real<lower=0, upper=N - 3> t; }
                model { mu ~ normal(0, 1); }
                """.replace("[1, 2]'", "y");
        assertEquals(List.of(
                "param 's' (m.vmodel:2:24) starts at 1, outside its bounds <lower=3>; a param must start strictly inside its bounds",
                "param 'q' (m.vmodel:2:72) has <upper=sqrt(N - 4)>, which is NaN (not a number)",
                "latent 'z' (m.vmodel:3:33) has size N - 5 = -2; a size must be a whole number >= 0",
                "latent 't' (m.vmodel:3:63) has <lower=0, upper=N - 3>: the upper bound N - 3 = 0 must be above the lower"
                        + " bound 0"),
                problems(program, Map.of("N", 3, "y", new double[] {1, 2, 3})));
    }

    @Test
    void aSizeThatOverflowsAnIntIsReported() {
        assertEquals(List.of("latent 'z' (m.vmodel:2:24) has size N * N = 10000000000; a size must be at most 2147483647"),
                problems("data { int N; }\nlatent { vector[N * N] z; }\nmodel { z ~ normal(0, 1); }\n",
                        Map.of("N", 100_000)));
    }

    @Test
    void tooManyElementsAreReported() {
        assertEquals(List.of("latent 'm' (m.vmodel:2:23) would have 100000 x 100000 = 10000000000 elements; a value may"
                        + " have at most 2147483639"),
                problems("data { int N; }\nlatent { matrix[N, N] m; }\nmodel { m ~ normal(0, 1); }\n",
                        Map.of("N", 100_000)));
    }

    @Test
    void aSizeThatCannotBeEvaluatedIsReportedNotSkipped() {
        // The index is data, so only binding can find it out of range.
        assertEquals(List.of("'y': cannot evaluate its size s[k]: index 3 at position 1 is outside 1..2, the size of the indexed"
                        + " dimension"),
                problems("data { int k; array[2] int s; vector[s[k]] y; }\nmodel { }\n",
                        Map.of("k", 3, "s", new int[] {1, 2}, "y", new double[] {1})));
    }

    @Test
    void anInitialValueOfTheWrongLengthIsReported() {
        assertEquals(List.of("param 'w' (m.vmodel:2:24) has 3 elements, but its initial value y has 2; give one value for"
                        + " all of them or one for each"),
                problems("data { int N; vector[N] y; }\nparams { vector[N + 1] w = y; }\nlatent { real mu; }\n"
                        + "model { mu ~ normal(sum(w), 1); }\n", Map.of("N", 2, "y", new double[] {1, 2})));
    }

    @Test
    void anIntLatentWhoseBoundsFromDataLeaveNoValueIsReported() {
        assertEquals(List.of("latent 'k' (m.vmodel:2:32) has <lower=N, upper=2>: the upper bound 2 must be at least the lower"
                        + " bound N = 3"),
                problems("data { int N; }\nlatent { int<lower=N, upper=2> k; }\nmodel { k ~ poisson(3); }\n",
                        Map.of("N", 3)));
    }
}
