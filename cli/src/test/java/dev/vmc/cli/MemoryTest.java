package dev.vmc.cli;

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

/**
 * A fit too large for the heap is refused before it starts (exit 2), naming what takes the
 * memory and how to raise the heap; one too large for Java's arrays says so; an OutOfMemoryError
 * that happens anyway is reported the same way. The sizes here exceed any machine's memory, so
 * the tests do not depend on the heap they run with.
 */
class MemoryTest {
    @TempDir
    Path tmp;

    /** A latent whose size the data set. */
    private Path vectorModel() {
        return Cli.write(tmp.resolve("wide.vmodel"), """
                data { int N; }
                latent { vector[N] z; }
                model { z ~ normal(0, 1); }
                """);
    }

    static Stream<Arguments> tooLarge() {
        return Stream.of(
                Arguments.of(List.of("--particles", "200000000"), List.of("needs about", "--particles 200000000",
                        "Monte Carlo particles", "per particle")),
                Arguments.of(List.of("--particles", "2000000000"), List.of("--particles 2000000000",
                        "more than a Java array can hold")),
                Arguments.of(List.of("--psis-draws", "2000000000"), List.of("needs about",
                        "posterior draws: log p and log q of 2000000000 (--psis-draws)")),
                Arguments.of(List.of("--draws", "2147483647"), List.of("--draws 2147483647",
                        "more draws than a Java array can hold")),
                Arguments.of(List.of("--paths", "2147483647"), List.of("needs about", "Pathfinder: --paths 2147483647")),
                Arguments.of(List.of("--steps", "20000000000", "--tol", "0"), List.of("--steps 20000000000 with --tol 0",
                        "more than a Java array can hold")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooLarge")
    void isRefusedBeforeTheFit(List<String> options, List<String> fragments) {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.runEightSchools(out, options.toArray(String[]::new));
        r.assertFails(ExitCode.USAGE, fragments.toArray(String[]::new));
        if (r.err().contains("needs about")) {
            assertTrue(r.err().contains("the JVM may use") && r.err().contains("VMC_JAVA_OPTS=-Xmx"), r.all());
        }
        assertFalse(r.out().contains("plan ("), "started the fit\n" + r.all());
        assertFalse(Files.exists(out), "made the output folder for a fit it refused");
    }

    @Test
    void aLatentSizedByTheDataIsRefusedNamingWhatTakesTheMemory() {
        Path data = Cli.write(tmp.resolve("n.json"), "{\"N\": 5000000}");
        Cli.Result r = Cli.run("run", vectorModel().toString(), "--data", data.toString(), "--out",
                tmp.resolve("out").toString());
        r.assertFails(ExitCode.USAGE, "needs about", "Pathfinder: --paths 2", "over 5000000 coordinates",
                "VMC_JAVA_OPTS=-Xmx");
    }

    @Test
    void aFullRankGuideNamesItsFactor() {
        Path data = Cli.write(tmp.resolve("n.json"), "{\"N\": 30000}");
        Cli.Result r = Cli.run("run", vectorModel().toString(), "--data", data.toString(), "--guide", "fullrank",
                "--out", tmp.resolve("out").toString());
        r.assertFails(ExitCode.USAGE, "needs about", "full-rank guide's 30000 x 30000 factor (--guide fullrank)");
    }

    @Test
    void theExamplesWithManyParticlesAreNotRefused() {
        for (String example : List.of("eight_schools", "logistic_regression")) {
            Path dir = Cli.EXAMPLES.resolve(example);
            Cli.Result r = Cli.run("run", dir.resolve(example + ".vmodel").toString(), "--data",
                    dir.resolve("data.json").toString(), "--out", tmp.resolve(example).toString(), "--particles", "200",
                    "--steps", "20", "--tol", "0", "--draws", "100", "--psis-draws", "100");
            assertTrue(r.code() == ExitCode.OK || r.code() == ExitCode.UNTRUSTED, r.all());
        }
    }

    /** An array past Java's limit is found when the data are bound: a data error naming the declaration. */
    @Test
    void anArrayPastJavasLimitWhileBinding() {
        Path data = Cli.write(tmp.resolve("n.json"), "{\"N\": 2147483647}");
        Cli.Result r = Cli.run("run", vectorModel().toString(), "--data", data.toString(), "--out",
                tmp.resolve("out").toString());
        r.assertFails(ExitCode.DATA, "latent 'z' (wide.vmodel:2:20) would have 2147483647 elements; a value may have at"
                + " most 2147483639");
    }

    /** An OutOfMemoryError the estimate did not foresee (here: binding, in a 64 MB heap) is caught at the top. */
    @Test
    void anOutOfMemoryErrorIsReportedWithTheHeapAndHowToRaiseIt() throws Exception {
        Path data = Cli.write(tmp.resolve("n.json"), "{\"N\": 4000000}");
        List<String> args = new ArrayList<>(List.of("run", vectorModel().toString(), "--data", data.toString(),
                "--out", tmp.resolve("out").toString()));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx64m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.vmc.cli.Main"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true).start();
        Cli.Result r = Cli.finish(p);
        r.assertFails(ExitCode.USAGE, "out of memory while", "the JVM may use at most", "VMC_JAVA_OPTS=-Xmx");
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    /**
     * Draws go to draws.csv as they are made: 300,000 draws of eight schools' 20 columns take
     * about 53 MB as rows in memory, more than the 48 MB heap here, and the run still writes them all.
     */
    @Test
    void drawsAreStreamedNotHeld() throws Exception {
        Path out = tmp.resolve("out");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx48m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "dev.vmc.cli.Main", "run",
                Cli.EIGHT_SCHOOLS.toAbsolutePath().toString(), "--data", Cli.EIGHT_SCHOOLS_DATA.toAbsolutePath().toString(),
                "--out", out.toString(), "--draws", "300000", "--psis-resample", "never"));
        Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true).start();
        Cli.Result r = Cli.finish(p);
        assertTrue(r.code() == ExitCode.OK || r.code() == ExitCode.UNTRUSTED, r.all());
        long lines;
        try (Stream<String> rows = Files.lines(out.resolve("draws.csv"))) {
            lines = rows.count();
        }
        assertEquals(300_001, lines, "a header and every draw");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
        }
    }
}
