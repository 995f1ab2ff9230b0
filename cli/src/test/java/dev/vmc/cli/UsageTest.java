package dev.vmc.cli;

import static dev.vmc.cli.Cli.EIGHT_SCHOOLS;
import static dev.vmc.cli.Cli.EIGHT_SCHOOLS_DATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Mistakes on the command line exit 2 with a message and without fitting; --help and --version exit 0. */
class UsageTest {
    @TempDir
    Path tmp;

    private static final String MODEL = EIGHT_SCHOOLS.toString();
    private static final String DATA = EIGHT_SCHOOLS_DATA.toString();

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("unknown option", List.of("run", MODEL, "--data", DATA, "--bogus"), "--bogus"),
                Arguments.of("missing --data", List.of("run", MODEL), "--data"),
                Arguments.of("no such model", List.of("run", "no/such/model.vmodel", "--data", DATA), "model.vmodel"),
                Arguments.of("no such data", List.of("run", MODEL, "--data", "no/such/data.json"), "data.json"),
                Arguments.of("bogus guide", List.of("run", MODEL, "--data", DATA, "--guide", "bogus"), "bogus"),
                Arguments.of("zero particles", List.of("run", MODEL, "--data", DATA, "--particles", "0"), "--particles"),
                Arguments.of("negative steps", List.of("run", MODEL, "--data", DATA, "--steps", "-1"), "--steps"),
                Arguments.of("negative draws", List.of("run", MODEL, "--data", DATA, "--draws", "-1"), "--draws"),
                Arguments.of("negative tol", List.of("run", MODEL, "--data", DATA, "--tol", "-0.1"), "--tol"),
                Arguments.of("zero lr", List.of("run", MODEL, "--data", DATA, "--lr", "0"), "--lr"),
                Arguments.of("steps not a number", List.of("run", MODEL, "--data", DATA, "--steps", "many"), "many"),
                Arguments.of("unknown command", List.of("fit", MODEL), "fit"),
                Arguments.of("no command", List.of(), "check, run, eval or report"),
                Arguments.of("check without file", List.of("check"), "FILE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void exitsTwo(String what, List<String> args, String named) {
        List<String> all = new ArrayList<>(args);
        if (all.size() > 1 && all.get(0).equals("run")) {
            all.addAll(List.of("--out", tmp.resolve("out").toString()));
        }
        Cli.Result r = Cli.run(all.toArray(String[]::new));
        r.assertCode(ExitCode.USAGE);
        assertTrue(r.err().contains(named), "message should name '" + named + "'\n" + r.all());
        assertFalse(r.err().contains("internal error"), r.all());
        assertFalse(r.out().contains("plan ("), "fitted despite a usage error\n" + r.all());
        assertFalse(Files.exists(tmp.resolve("out").resolve("draws.csv")));
    }

    @Test
    void help() {
        Cli.Result r = Cli.run("--help");
        r.assertCode(ExitCode.OK);
        assertTrue(r.out().contains("Usage: vmc"), r.all());
        assertTrue(r.out().contains("check"), r.all());
        assertTrue(r.out().contains("run"), r.all());
        assertTrue(r.out().contains("Exit codes"), r.all());
    }

    @Test
    void helpForRunViaHelpCommand() {
        Cli.Result r = Cli.run("help", "run");
        r.assertCode(ExitCode.OK);
        assertTrue(r.out().contains("Usage: vmc run"), r.all());
        for (String option : List.of("--data", "--steps", "--tol", "--seed", "--particles", "--lr", "--guide",
                "--draws", "--out", "--overwrite", "--init")) {
            assertTrue(r.out().contains(option), option + "\n" + r.all());
        }
    }

    @Test
    void helpOptionOnRunSubcommand() {
        // Bug: RunCommand and CheckCommand lack mixinStandardHelpOptions, so "vmc run --help"
        // fails with "Missing required options and parameters" and exit 2.
        Cli.Result r = Cli.run("run", "--help");
        r.assertCode(ExitCode.OK);
        assertTrue(r.out().contains("Usage: vmc run"), r.all());
    }

    @Test
    void version() {
        Cli.Result r = Cli.run("--version");
        r.assertCode(ExitCode.OK);
        assertEquals("vmc 0.1.0", r.out().strip());
        assertEquals(0, Cli.run("-V").code());
    }
}
