package dev.vmc.compiler.check;

import dev.vmc.compiler.Golden;
import dev.vmc.compiler.TestPrograms;
import dev.vmc.compiler.parse.ProgramParser;
import java.nio.file.Path;
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

    static Stream<Path> programs() {
        return Stream.concat(Golden.examples().stream(), TestPrograms.in("dependencies"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void describesTheDependencies(Path file) {
        String name = file.getFileName().toString();
        String actual = Checker.check(ProgramParser.parse(name, TestPrograms.read(file))).dependencies().describe();
        Golden.check(EXPECTED.resolve(name.replaceFirst("\\.vmodel$", ".txt")), actual);
    }
}
