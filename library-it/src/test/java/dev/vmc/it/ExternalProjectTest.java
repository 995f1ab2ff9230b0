package dev.vmc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * vmc as a user meets it: examples/java_api, a Maven project of its own that names vmc only by
 * its coordinates (the BOM and vmc-compiler), is copied out of the tree and built by a separate
 * Maven against a local repository holding just what `mvn install` publishes (staged into
 * target/it-repo by the invoker plugin; plugins and third-party jars come from the outer build's
 * repository). Its program compiles eight schools from a string, binds data with DataSet.of,
 * fits with the defaults and prints the summary; and no ND4J jar was resolved to build or run it
 * (every jar the build resolves lands in the staged repository).
 */
class ExternalProjectTest {

    @Test
    void aUsersOwnProjectBuildsAgainstTheInstalledArtifactsAndFits() throws Exception {
        Path example = Path.of(property("vmc.it.example"));
        Path work = Path.of(property("vmc.it.work"));
        Path repo = Path.of(property("vmc.it.repo"));
        deleteTree(work);
        Files.createDirectories(work);
        Files.copy(example.resolve("pom.xml"), work.resolve("pom.xml"));
        copyTree(example.resolve("src"), work.resolve("src"));
        Path settings = work.resolve("it-settings.xml");
        Files.writeString(settings, settings(Path.of(property("vmc.it.userRepo"))), StandardCharsets.UTF_8);

        List<String> command = new ArrayList<>(List.of(maven(), "-B", "-q", "-Dstyle.color=never",
                "-gs", settings.toString(), // the user's own settings, if any, still apply
                "-Dmaven.repo.local=" + repo, "compile", "exec:java"));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the external build took over 5 minutes: " + command);
        }
        String out = output.get(1, TimeUnit.MINUTES).replaceAll("\u001B\\[[0-9;]*m", ""); // in case colour slips through
        assertEquals(0, process.exitValue(), String.join(" ", command) + " in " + work + " failed:\n" + out);

        assertTrue(out.lines().anyMatch(line -> line.matches("vmc \\d+\\.\\d+\\.\\d+: [A-Z_]+, ELBO -?\\d+\\.\\d\\d .*")), out);
        for (String row : List.of("mu", "tau", "theta_tilde.1", "theta.8")) {
            assertTrue(out.lines().anyMatch(line -> line.startsWith(row + " ") && line.trim().split("\\s+").length == 6),
                    "no summary row for " + row + ":\n" + out);
        }

        try (Stream<Path> files = Files.walk(repo)) {
            List<String> nativeJars = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".jar") && ClassPathTest.NATIVE.stream().anyMatch(name::contains))
                    .collect(Collectors.toList());
            assertTrue(nativeJars.isEmpty(), "the build resolved " + nativeJars + " into " + repo
                    + " (from an earlier build, if it still has them after a fix: mvn clean)");
        }
    }

    /**
     * The outer build's local repository as a remote one, for plugins and released jars (Central
     * stays behind it for anything missing there); vmc's snapshots come only from the staged repository.
     */
    private static String settings(Path userRepo) {
        String repository = """
                    <%1$s>
                      <id>outer-build</id>
                      <url>%2$s</url>
                      <releases><enabled>true</enabled></releases>
                      <snapshots><enabled>false</enabled></snapshots>
                    </%1$s>
                """;
        String url = userRepo.toUri().toString();
        return "<settings>\n  <profiles>\n    <profile>\n      <id>outer-build</id>\n"
                + "      <repositories>\n" + repository.formatted("repository", url) + "      </repositories>\n"
                + "      <pluginRepositories>\n" + repository.formatted("pluginRepository", url) + "      </pluginRepositories>\n"
                + "    </profile>\n  </profiles>\n"
                + "  <activeProfiles><activeProfile>outer-build</activeProfile></activeProfiles>\n</settings>\n";
    }

    /** The Maven running this build, else the one on the PATH. */
    private static String maven() {
        String home = System.getProperty("vmc.it.mavenHome", "");
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        Path mvn = Path.of(home, "bin", windows ? "mvn.cmd" : "mvn");
        return !home.isEmpty() && !home.startsWith("${") && Files.isExecutable(mvn) ? mvn.toString() : "mvn";
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.startsWith("${")) {
            fail("system property " + name + " is not set: run this test through Maven (library-it/pom.xml sets it)");
        }
        return value;
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
