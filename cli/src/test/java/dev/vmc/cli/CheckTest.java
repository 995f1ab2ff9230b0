package dev.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code vmc check}: ok for good programs, file:line:col with the line and a caret for bad ones. */
class CheckTest {
    @TempDir
    Path tmp;

    static Stream<Path> examples() throws IOException {
        List<Path> models;
        try (Stream<Path> files = Files.walk(Cli.EXAMPLES, 2)) {
            models = files.filter(p -> p.toString().endsWith(".vmodel")).sorted().toList();
        }
        assertEquals(12, models.size(), "examples: " + models);
        return models.stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleChecks(Path model) {
        Cli.Result r = Cli.run("check", model.toString());
        r.assertCode(ExitCode.OK);
        assertTrue(r.out().contains(model + ": ok"), r.all());
        assertEquals("", r.err(), r.all());
    }

    private static final String ONE_ERROR = """
            data {
              real y;
            }
            latent {
              real mu;
            }
            model {
              mu ~ normal(0, 1);
              y ~ normal(muu, 1);
            }
            """;

    @Test
    void oneErrorShowsPositionLineAndCaret() {
        Path file = Cli.write(tmp.resolve("bad.vmodel"), ONE_ERROR);
        Cli.Result r = Cli.run("check", file.toString());
        r.assertCode(ExitCode.MODEL);
        List<String> lines = r.err().lines().toList();
        int at = indexOfLineStartingWith(lines, "bad.vmodel:9:14: ");
        assertTrue(at >= 0, r.all());
        assertTrue(lines.get(at).contains("muu"), r.all());
        assertEquals("  y ~ normal(muu, 1);", lines.get(at + 1), r.all());
        assertEquals(" ".repeat(13) + "^", lines.get(at + 2).stripTrailing(), r.all());
        assertTrue(lines.contains("1 error"), r.all());
        assertFalse(r.out().contains("ok"), r.all());
    }

    @Test
    void independentErrorsAreAllReported() {
        Path file = Cli.write(tmp.resolve("two.vmodel"), ONE_ERROR.replace("normal(0, 1)", "normal(zz, 1)"));
        Cli.Result r = Cli.run("check", file.toString());
        r.assertCode(ExitCode.MODEL);
        List<String> lines = r.err().lines().toList();
        int first = indexOfLineStartingWith(lines, "two.vmodel:8:15: ");
        int second = indexOfLineStartingWith(lines, "two.vmodel:9:14: ");
        assertTrue(first >= 0 && second > first, r.all());
        assertTrue(lines.get(first).contains("zz"), r.all());
        assertEquals("  mu ~ normal(zz, 1);", lines.get(first + 1));
        assertEquals(" ".repeat(14) + "^", lines.get(first + 2).stripTrailing());
        assertTrue(lines.contains("2 errors"), r.all());
    }

    @Test
    void syntaxErrorIsAModelError() {
        Path file = Cli.write(tmp.resolve("syntax.vmodel"), ONE_ERROR.replace("real mu;", "real mu"));
        Cli.Result r = Cli.run("check", file.toString());
        r.assertCode(ExitCode.MODEL);
        assertTrue(r.err().lines().anyMatch(l -> l.matches("syntax\\.vmodel:\\d+:\\d+: .*")), r.all());
        assertTrue(r.err().lines().anyMatch(l -> l.matches("\\s*\\^+\\s*")), "no caret line\n" + r.all());
    }

    @Test
    void runOnABadProgramIsAModelErrorBeforeAnyFit() {
        Path file = Cli.write(tmp.resolve("bad.vmodel"), ONE_ERROR);
        Path data = Cli.write(tmp.resolve("d.json"), "{\"y\": 1}");
        Cli.Result r = Cli.run("run", file.toString(), "--data", data.toString(), "--out", tmp.resolve("o").toString());
        r.assertCode(ExitCode.MODEL);
        assertTrue(r.err().contains("bad.vmodel:9:14: "), r.all());
        assertFalse(Files.exists(tmp.resolve("o")), "output folder created for a program that does not compile");
    }

    @Test
    void missingFileIsAUsageError() {
        Cli.Result r = Cli.run("check", tmp.resolve("nope.vmodel").toString());
        r.assertCode(ExitCode.USAGE);
        assertTrue(r.err().contains("nope.vmodel"), r.all());
    }

    private static int indexOfLineStartingWith(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
