package dev.vmc.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.api.CompiledModel;
import dev.vmc.api.Vmc;
import dev.vmc.compiler.diag.CompileException;
import dev.vmc.compiler.diag.Diagnostic;
import dev.vmc.compiler.diag.SourceLines;
import dev.vmc.compiler.parse.SourceDecoder;
import dev.vmc.runtime.data.DataException;
import dev.vmc.runtime.data.DataSet;

/**
 * What the compiler promises for any bytes at all: they compile, or they end in a
 * {@link CompileException} whose every diagnostic has a message and a line and column
 * inside the source. A program that compiles is bound to small data made from its data
 * block and lowered (the model's graph and its guide's are built); that may end only in a
 * {@link DataException}, the CLI's data error. Anything else thrown, a StackOverflowError
 * included, fails the property. (A program that declares more than {@link #LARGEST_LOWERED}
 * elements in one value is compiled but not lowered: that would test the heap.)
 */
final class CompilerProperty {
    static final String FILE = "fuzz.vmodel";
    /** Elements a declaration may hold for the program to be lowered (see SmallData.smallEnough). */
    static final long LARGEST_LOWERED = 100_000;

    private CompilerProperty() {}

    static void check(byte[] input) {
        String source;
        try {
            source = SourceDecoder.decode(FILE, input);
        } catch (CompileException e) {
            assertPlaced(e);
            return;
        }
        CompiledModel model;
        try {
            model = Vmc.compile(source, FILE);
        } catch (CompileException e) {
            assertPlaced(e);
            return;
        }
        DataSet data = SmallData.forProgram(model.program());
        if (!SmallData.smallEnough(model.program(), data, LARGEST_LOWERED)) {
            return;
        }
        try {
            model.bind(data).model();
        } catch (DataException e) {
            assertNotNull(e.getMessage());
        }
    }

    private static void assertPlaced(CompileException e) {
        assertFalse(e.diagnostics().isEmpty());
        SourceLines lines = new SourceLines(e.source());
        for (Diagnostic d : e.diagnostics()) {
            assertFalse(d.message() == null || d.message().isBlank(), "a diagnostic without a message");
            int line = d.pos().line();
            int column = d.pos().column();
            assertTrue(line >= 1 && line <= lines.count(), () -> "line " + line + " outside the source: " + d);
            String text = lines.line(line);
            assertTrue(column >= 1 && column <= text.length() + 1,
                    () -> "column " + column + " outside line " + line + " (" + text.length() + " characters): " + d);
        }
        assertNotNull(e.getMessage());
    }
}
