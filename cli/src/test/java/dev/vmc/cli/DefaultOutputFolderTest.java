package dev.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without --out a run writes to vmc-out/MODEL/run-N under the working directory. The working
 * directory of this JVM cannot be changed, so this runs Main in a child JVM started in a
 * temporary folder, on this JVM's class path.
 */
class DefaultOutputFolderTest {
    @TempDir
    Path tmp;

    private String runIn(Path dir) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "dev.vmc.cli.Main", "run",
                Cli.EIGHT_SCHOOLS.toAbsolutePath().toString(), "--data",
                Cli.EIGHT_SCHOOLS_DATA.toAbsolutePath().toString()));
        command.addAll(List.of(Cli.QUICK));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    @Test
    void eachRunGetsTheNextRunFolder() throws Exception {
        String first = runIn(tmp);
        Path run1 = tmp.resolve("vmc-out").resolve("eight_schools").resolve("run-1");
        assertTrue(Files.isRegularFile(run1.resolve("draws.csv")), first);
        assertTrue(first.contains("wrote " + Path.of("vmc-out", "eight_schools", "run-1")), first);

        String second = runIn(tmp);
        Path run2 = tmp.resolve("vmc-out").resolve("eight_schools").resolve("run-2");
        assertTrue(Files.isRegularFile(run2.resolve("draws.csv")), second);
        assertEquals(List.of("draws.csv", "elbo.csv", "fit.json", "guide.json", "summary.txt"),
                List.copyOf(Cli.snapshot(run2).keySet()));
        // same seed, so the second run repeats the first without touching it
        assertEquals(Cli.read(run1.resolve("draws.csv")), Cli.read(run2.resolve("draws.csv")));
    }
}
