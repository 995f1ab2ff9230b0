package dev.vmc.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.compiler.TestPrograms;
import dev.vmc.compiler.diag.CompileException;
import dev.vmc.compiler.diag.Diagnostic;
import dev.vmc.compiler.parse.ProgramParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file under resources/bad starts with one or more lines
 * {@code // expect: LINE:COL: message substring}; the compiler must report exactly those
 * errors, at those places.
 */
class BadProgramsTest {
    private static final Pattern EXPECT = Pattern.compile("^// expect: (\\d+):(\\d+): (.+)$");

    record Expected(int line, int column, String text) {}

    static Stream<Path> badPrograms() {
        return TestPrograms.in("bad");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPrograms")
    void reportsTheExpectedErrors(Path file) {
        String name = file.getFileName().toString();
        String source = TestPrograms.read(file);
        List<Expected> expected = expectations(source);
        assertFalse(expected.isEmpty(), name + " has no '// expect:' line");

        CompileException e = assertThrows(CompileException.class,
                () -> Checker.check(ProgramParser.parse(name, source)));

        List<Diagnostic> found = e.diagnostics();
        assertEquals(expected.size(), found.size(), "number of errors; got:\n" + e.getMessage());
        for (int i = 0; i < expected.size(); i++) {
            Expected want = expected.get(i);
            Diagnostic got = found.get(i);
            String where = want.line + ":" + want.column;
            assertEquals(where, got.pos().line() + ":" + got.pos().column(), "position; got:\n" + e.getMessage());
            assertTrue(got.message().contains(want.text),
                    "message should contain \"" + want.text + "\"; got:\n" + e.getMessage());
            assertCaretUnder(got.format(source), name, want);
        }
    }

    private static void assertCaretUnder(String formatted, String name, Expected want) {
        String[] lines = formatted.split("\n");
        assertEquals(3, lines.length, formatted);
        assertTrue(lines[0].startsWith(name + ":" + want.line + ":" + want.column + ": "), formatted);
        assertEquals(want.column - 1, lines[2].indexOf('^'), "caret column in\n" + formatted);
        assertEquals(lines[2].length(), want.column, "nothing after the caret in\n" + formatted);
    }

    private static List<Expected> expectations(String source) {
        List<Expected> expected = new ArrayList<>();
        for (String line : source.split("\n")) {
            Matcher m = EXPECT.matcher(line.strip());
            if (!m.matches()) {
                break;
            }
            expected.add(new Expected(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
        }
        expected.sort(Comparator.comparingInt(Expected::line).thenComparingInt(Expected::column));
        return expected;
    }
}
