package dev.vmc.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.compiler.TestPrograms;
import dev.vmc.compiler.parse.ProgramParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dependency analysis of every example model and of the programs under
 * resources/dependencies, as {@link Dependencies#describe()} writes it, against the expected
 * text in resources/dependencies/NAME.txt.
 *
 * <p>After a deliberate change to the analysis or its text, regenerate the expected files and
 * review their diff:
 * <pre>
 * cd compiler && mvn -q -o test -Dtest=DependenciesGoldenTest -Dvmc.golden.update=true
 * git diff src/test/resources/dependencies
 * </pre>
 */
class DependenciesGoldenTest {
    private static final Path EXPECTED = Path.of("src", "test", "resources", "dependencies");
    private static final boolean UPDATE = Boolean.getBoolean("vmc.golden.update");

    static Stream<Path> programs() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.walk(Path.of("..", "examples"), 2)) {
            examples = files.filter(p -> p.toString().endsWith(".vmodel")).sorted().toList();
        }
        assertTrue(examples.size() >= 5, "the examples folder has gone: " + Path.of("..", "examples").toAbsolutePath());
        return Stream.concat(examples.stream(), TestPrograms.in("dependencies"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void describesTheDependencies(Path file) throws IOException {
        String name = file.getFileName().toString();
        String actual = Checker.check(ProgramParser.parse(name, TestPrograms.read(file))).dependencies().describe();
        Path expected = EXPECTED.resolve(name.replaceFirst("\\.vmodel$", ".txt"));
        if (UPDATE) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(expected), "no " + expected + "; write it with -Dvmc.golden.update=true and review it");
        assertEquals(read(expected), actual, name);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
