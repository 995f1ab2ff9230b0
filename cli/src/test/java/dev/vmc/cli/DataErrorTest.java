package dev.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.output.OutputFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Data that cannot be read or does not fit the data block: exit 4, naming the variable and index. */
class DataErrorTest {
    @TempDir
    Path tmp;

    private static final String SIGMA = "\"sigma\": [15, 10, 16, 11, 9, 11, 10, 18]";
    private static final String Y = "\"y\": [28, 8, -3, 7, -1, 1, 18, 12]";

    static Stream<Arguments> badData() {
        return Stream.of(
                Arguments.of("missing", "data.json", "{\"J\": 8, " + Y + "}", List.of("'sigma'")),
                Arguments.of("too short", "data.json",
                        "{\"J\": 8, \"y\": [28, 8, -3, 7, -1, 1, 18], " + SIGMA + "}", List.of("'y'", "8", "7")),
                Arguments.of("NaN", "data.json",
                        "{\"J\": 8, \"y\": [28, 8, -3, \"NaN\", -1, 1, 18, 12], " + SIGMA + "}",
                        List.of("'y[4]'", "NaN")),
                Arguments.of("below lower bound", "data.json",
                        "{\"J\": 8, " + Y + ", \"sigma\": [15, 10, 16, 11, -9, 11, 10, 18]}",
                        List.of("'sigma[5]'", "-9", "<lower=0>")),
                Arguments.of("malformed JSON", "data.json", "{\"J\": 8, " + Y + ", " + SIGMA + "\n",
                        List.of("data.json:")),
                Arguments.of("real where int declared", "data.json", "{\"J\": 8.5, " + Y + ", " + SIGMA + "}",
                        List.of("'J'")),
                Arguments.of("empty CSV field", "data.csv", "y,sigma\n1,2\n,3\n", List.of("data.csv", "row 2", "'y'")),
                Arguments.of("NA in CSV", "data.csv", "J,y,sigma\n1,2,3\n1,NA,3\n",
                        List.of("data.csv:3", "row 2", "'y' is NA", "no missing values")),
                Arguments.of("bare NaN", "data.json", "{\"J\": 8, \"y\": [28, 8, -3, NaN, -1, 1, 18, 12], " + SIGMA + "}",
                        List.of("data.json:1:27", "bare NaN is not JSON", "no missing values")),
                Arguments.of("the string NaN", "data.json",
                        "{\"J\": 8, \"y\": [28, 8, -3, \"NaN\", -1, 1, 18, 12], " + SIGMA + "}",
                        List.of("'y[4]' is NaN", "must be finite")),
                Arguments.of("int beyond 32 bits", "data.json", "{\"J\": 3000000000, " + Y + ", " + SIGMA + "}",
                        List.of("'J' = 3000000000 is too large for an int")),
                Arguments.of("beyond a double", "data.json", "{\"J\": 8, \"y\": [28, 8, -3, 7, -1, 1, 18, 1e400], " + SIGMA + "}",
                        List.of("data.json:1:", "'y' has y[8] = 1e400, beyond the range of a double")),
                Arguments.of("duplicate key", "data.json", "{\"J\": 8, " + Y + ", " + SIGMA + ", \"J\": 9}",
                        List.of("duplicate key \"J\"")),
                Arguments.of("empty JSON file", "data.json", "", List.of("data.json: the file is empty")),
                Arguments.of("unknown extension", "data.txt", "{}", List.of("data.txt")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badData")
    void exitsFourNamingTheProblem(String what, String fileName, String content, List<String> fragments) {
        Path data = Cli.write(tmp.resolve(fileName), content);
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run(Cli.concat(new String[] {"run", Cli.EIGHT_SCHOOLS.toString(), "--data", data.toString(),
                "--out", out.toString()}, Cli.QUICK));
        r.assertCode(ExitCode.DATA);
        for (String fragment : fragments) {
            assertTrue(r.err().contains(fragment), "expected '" + fragment + "' in the message\n" + r.all());
        }
        assertFalse(r.err().contains("internal error"), r.all());
        assertFalse(r.out().contains("ELBO"), "fitted despite bad data\n" + r.all());
        for (String file : OutputFolder.FILES) {
            assertFalse(Files.exists(out.resolve(file)), file + " written despite bad data");
        }
    }

    /** An index outside its array is only seen when the model runs: still exit 4, naming the statement. */
    @org.junit.jupiter.api.Test
    void indexOutsideItsArrayNamesTheStatement() {
        Path model = Cli.write(tmp.resolve("groups.vmodel"), """
                data { int N; int J; array[N] int group; vector[N] y; }
                latent { vector[J] alpha; }
                model {
                  alpha ~ normal(0, 1);
                  y ~ normal(alpha[group], 1);
                }
                """);
        Path data = Cli.write(tmp.resolve("groups.json"), "{\"N\": 3, \"J\": 2, \"group\": [1, 2, 3], \"y\": [0, 1, 2]}");
        Cli.Result r = Cli.run(Cli.concat(new String[] {"run", model.toString(), "--data", data.toString(),
                "--out", tmp.resolve("out").toString()}, Cli.QUICK));
        r.assertCode(ExitCode.DATA);
        assertTrue(r.err().contains("index 3 at position 3 is outside 1..2"), r.all());
        assertTrue(r.err().contains("groups.vmodel:5: y ~ normal(alpha[group], 1);"), r.all());
    }

    /** Sizes the checker cannot compare (N + 1 against N) are compared with the data's, before fitting. */
    @org.junit.jupiter.api.Test
    void sizesThatOnlyClashWithTheDataAreADataError() {
        Path model = Cli.write(tmp.resolve("sizes.vmodel"), """
                data { int N; vector[N] a; vector[N + 1] b; }
                latent { real mu; }
                model {
                  mu ~ normal(0, 1);
                  a ~ normal(mu + b, 1);
                }
                """);
        Path data = Cli.write(tmp.resolve("sizes.json"), "{\"N\": 2, \"a\": [1, 2], \"b\": [1, 2, 3]}");
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run(Cli.concat(new String[] {"run", model.toString(), "--data", data.toString(),
                "--out", out.toString()}, Cli.QUICK));
        r.assertCode(ExitCode.DATA);
        assertTrue(r.err().contains("shapes [2] and [3] do not broadcast"), r.all());
        assertTrue(r.err().contains("sizes.vmodel:5: a ~ normal(mu + b, 1);"), r.all());
        assertFalse(Files.exists(out), "the output folder is made only after the data fit the model");
    }
}
