package dev.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The discrete examples through the command line: the plan says what it chose, and the outputs hold what it promises. */
class DiscreteRunTest {
    @TempDir
    Path tmp;

    private Cli.Result run(String example, String... extra) {
        Path folder = Cli.EXAMPLES.resolve(example);
        List<String> args = new java.util.ArrayList<>(List.of("run", folder.resolve(example + ".vmodel").toString(), "--data",
                folder.resolve("data.json").toString(), "--out", tmp.resolve(example).toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void theMixtureSumsItsAssignmentsOutAndDrawsThem() throws IOException {
        Cli.Result r = run("mixture");
        assertEquals(ExitCode.OK, r.code(), r.all());
        assertTrue(r.out().contains("enumerated exactly: its 500 elements are independent given the rest"), r.all());
        assertTrue(r.out().contains("... 490 more of z in summary.txt"), "a terminal shows ten of z's 500 rows\n" + r.out());
        String header = Files.readAllLines(tmp.resolve("mixture").resolve("draws.csv")).get(0);
        assertTrue(header.contains(",z.500,"), header);
        assertFalse(header.contains("Pr("), "Pr(z) is summarised, not drawn: " + header.substring(0, 200));
        String summary = Files.readString(tmp.resolve("mixture").resolve("summary.txt"));
        assertTrue(summary.contains("Pr(z).500.3"), "summary.txt has every Pr(z) row");
        String secondDraw = Files.readAllLines(tmp.resolve("mixture").resolve("draws.csv")).get(1);
        assertTrue(secondDraw.matches("([^,]*,){9}[123],.*"), "z's draws are written as integers: " + secondDraw.substring(0, 120));
    }

    @Test
    void spikeAndSlabTakesTheScoreFunctionAndSaysWhy() {
        Cli.Result r = run("spike_and_slab");
        assertTrue(r.code() == ExitCode.OK || r.code() == ExitCode.UNTRUSTED, r.all());
        assertTrue(r.out().contains("score function (REINFORCE): not enumerated"), r.out());
        assertTrue(r.out().contains("leave-one-out baseline over 10 particles"), r.out());
        assertFalse(r.out().contains(";;"), r.out());
    }

    @Test
    void aForcedEstimatorIsObeyedOrRefused() {
        Cli.Result score = run("change_point", "--estimator", "change=score", "--steps", "200");
        assertTrue(score.out().contains("change") && score.out().contains("score function (REINFORCE): asked for by --estimator"),
                score.all());
        Cli.Result refused = run("spike_and_slab", "--estimator", "included=enumerate");
        refused.assertFails(ExitCode.USAGE, "included cannot be enumerated");
    }
}
