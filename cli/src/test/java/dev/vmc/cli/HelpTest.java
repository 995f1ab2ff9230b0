package dev.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each help lists every option with its default, the exit codes, and (for run) the files written. */
class HelpTest {
    private static final List<String> RUN_OPTIONS = List.of("--data", "--algorithm", "--guide", "--paths", "--steps",
            "--tol", "--seed", "--particles", "--lr", "--draws", "--psis-draws", "--psis-resample", "--out",
            "--overwrite", "--precision", "--init");

    /** The help's text for one option: its line and the wrapped lines under it. */
    private static String entry(String help, String option) {
        List<String> lines = help.lines().toList();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("  " + option + " ") || lines.get(i).equals("  " + option)) {
                text.append(lines.get(i));
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("      "); j++) {
                    text.append(' ').append(lines.get(j).strip());
                }
                return text.toString();
            }
        }
        throw new AssertionError("no entry for " + option + " in\n" + help);
    }

    private static void assertExitCodes(String help) {
        String flat = help.replace('\n', ' ').replaceAll(" +", " ");
        for (String code : List.of("0 ok", "1 internal error", "2 usage", "3 model")) {
            assertTrue(flat.contains(code), code + "\n" + help);
        }
    }

    @Test
    void runHelpListsEveryOptionWithItsDefaultTheExitCodesAndTheOutputs() {
        for (String[] args : List.of(new String[] {"run", "--help"}, new String[] {"run", "-h"},
                new String[] {"help", "run"}, new String[] {"run", "some.vmodel", "--steps", "5", "--help"},
                new String[] {"run", "--bogus", "--steps", "-3", "-h"})) {
            Cli.Result r = Cli.run(args);
            r.assertCode(ExitCode.OK);
            assertEquals("", r.err(), r.all());
            String help = r.out();
            assertTrue(help.startsWith("Usage: vmc run FILE"), help);
            for (String option : RUN_OPTIONS) {
                assertTrue(entry(help, option).contains("[default: "), option + " has no default\n" + help);
            }
            assertTrue(entry(help, "--steps").contains("[default: 10000]"), help);
            assertTrue(entry(help, "--tol").contains("[default: 0.01]"), help);
            assertTrue(entry(help, "--seed").contains("[default: 20261121]"), help);
            assertTrue(entry(help, "--paths").contains("[default: 2]"), help);
            assertTrue(entry(help, "--draws").contains("[default: 1000]"), help);
            assertTrue(entry(help, "--psis-draws").contains("[default: 4000]"), help);
            assertTrue(entry(help, "--algorithm").contains("[default: auto]"), help);
            assertTrue(entry(help, "--precision").contains("[default: float64]"), help);
            assertExitCodes(help);
            String flat = help.replace('\n', ' ').replaceAll(" +", " ");
            for (String code : List.of("4 data", "5 the fit failed", "6 the fit did not converge")) {
                assertTrue(flat.contains(code), code + "\n" + help);
            }
            for (String file : List.of("draws.csv", "elbo.csv", "guide.json", "summary.txt")) {
                assertTrue(Pattern.compile("(?m)^  " + Pattern.quote(file) + " ").matcher(help).find(), file + "\n" + help);
            }
            assertTrue(help.contains("VMC_JAVA_OPTS=-Xmx"), help);
        }
    }

    @Test
    void checkHelpListsItsOptionsAndExitCodes() {
        for (String[] args : List.of(new String[] {"check", "--help"}, new String[] {"help", "check"})) {
            Cli.Result r = Cli.run(args);
            r.assertCode(ExitCode.OK);
            assertTrue(r.out().startsWith("Usage: vmc check FILE"), r.all());
            assertTrue(r.out().contains("-h, --help") && r.out().contains("-V, --version"), r.all());
            assertExitCodes(r.out());
        }
    }

    @Test
    void topHelpListsTheCommandsAndExitCodes() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"})) {
            Cli.Result r = Cli.run(args);
            r.assertCode(ExitCode.OK);
            assertTrue(r.out().startsWith("Usage: vmc COMMAND"), r.all());
            for (Main.Command c : Main.COMMANDS) {
                assertTrue(r.out().contains("  " + c.name() + " "), c.name() + "\n" + r.all());
            }
            assertExitCodes(r.out());
        }
    }

    @Test
    void helpLinesFitInAHundredColumns() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"run", "--help"}, new String[] {"check", "--help"})) {
            for (String line : Cli.run(args).out().lines().toList()) {
                assertTrue(line.length() <= 100, "too long: " + line);
            }
        }
    }
}
