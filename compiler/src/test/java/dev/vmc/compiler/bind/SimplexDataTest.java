package dev.vmc.compiler.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vmc.api.Vmc;
import dev.vmc.compiler.check.Checker;
import dev.vmc.compiler.parse.ProgramParser;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.infer.FitOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the checker cannot see in a simplex model without data, reported as data errors naming the place. */
class SimplexDataTest {
    private static final String PROGRAM = """
            data {
              int K;
              vector[K] alpha;
            }
            latent {
              simplex[K] w;
            }
            model {
              w ~ dirichlet(alpha);
            }
            """;

    private static List<String> problems(String program, Map<String, Object> data) {
        DataMismatchException e = assertThrows(DataMismatchException.class,
                () -> DataBinder.bind(Checker.check(ProgramParser.parse("model.vmodel", program)), DataSet.of(data)));
        return e.problems();
    }

    @Test
    void aConcentrationThatIsNotPositiveNamesTheStatement() {
        List<String> problems = problems(PROGRAM, Map.of("K", 3, "alpha", new double[] {2, 0, 5}));
        assertEquals(List.of("argument alpha of dirichlet (model.vmodel:9:17) must be in (0, inf), but alpha has element 2 = 0"),
                problems);
    }

    @Test
    void aSimplexSizedByDataNeedsTwoElements() {
        List<String> problems = problems(PROGRAM, Map.of("K", 1, "alpha", new double[] {2}));
        assertEquals(List.of("latent 'w' (model.vmodel:6:14) is a simplex[K = 1]; a simplex needs at least 2 elements"),
                problems);
    }

    @Test
    void aNegativeRepeatSizeFromDataIsADataError() {
        String program = """
                data { int K; }
                latent { simplex[3] w; }
                model { w ~ dirichlet(rep_vector(1, 3)); target += sum(rep_vector(1, K)); }
                """;
        DataMismatchException e = assertThrows(DataMismatchException.class,
                () -> Vmc.compile(program, "model.vmodel").bind(DataSet.of(Map.of("K", -2))));
        assertEquals(List.of("the data's sizes do not fit the model: rep_vector(1, K) has size K = -2; a size must be a whole number >= 0"),
                e.problems());
    }

    /** Two literals can ask for a vector of 2 billion elements; evaluating a bound must not try to hold it. */
    @Test
    void aHugeRepeatInABoundIsReportedNotFolded() {
        String program = "latent { real<lower=sum(rep_vector(0, 2000000000))> s; }\nmodel { s ~ exponential(1); }\n";
        List<String> problems = problems(program, Map.of());
        assertEquals(List.of("latent 's' (model.vmodel:1:53): cannot evaluate its lower bound sum(rep_vector(0, 2000000000)):"
                + " it makes a value of 2000000000 elements on the way, more than the 1048576 the compiler evaluates"
                + " before the fit"), problems);
    }

    @Test
    void goodDataFits() {
        Vmc.compile(PROGRAM, "model.vmodel").fit(DataSet.of(Map.of("K", 3, "alpha", new double[] {1, 1, 1})),
                FitOptions.defaults().withDraws(10));
    }
}
