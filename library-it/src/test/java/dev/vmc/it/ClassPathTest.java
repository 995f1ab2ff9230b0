package dev.vmc.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The class path a user's project gets from vmc-compiler, as Maven resolves it (this module's
 * runtime dependencies, written by the dependency plugin): vmc's three jars, ANTLR's runtime
 * and commons-math3, a few MB, and nothing of ND4J, which comes only with vmc-blas.
 */
class ClassPathTest {
    static final List<String> NATIVE = List.of("nd4j", "javacpp", "openblas");

    @Test
    void vmcCompilerBringsNoNd4j() throws IOException {
        Path file = Path.of(ExternalProjectTest.property("vmc.it.classPath"));
        List<Path> entries = Arrays.stream(Files.readString(file).trim().split(File.pathSeparator))
                .map(Path::of).collect(Collectors.toList());
        String listed = entries.stream().map(Path::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
        for (String artifact : List.of("vmc-compiler", "vmc-runtime", "vmc-grammar")) {
            // a packaged jar (vmc-compiler-0.1.0.jar), or compiler/target/classes when the build stops before package
            assertTrue(entries.stream().anyMatch(p -> p.toString().contains(artifact)
                            || p.toString().contains(artifact.substring(4) + File.separator + "target")),
                    artifact + " is not on the class path:" + listed);
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            assertTrue(NATIVE.stream().noneMatch(name::contains), "vmc-compiler brings " + name + ":" + listed);
        }
        long bytes = 0;
        for (Path entry : entries) {
            try (Stream<Path> files = Files.walk(entry)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    bytes += Files.size(f);
                }
            }
        }
        assertTrue(bytes < 10_000_000, "vmc-compiler's class path weighs " + bytes + " bytes:" + listed);
    }
}
