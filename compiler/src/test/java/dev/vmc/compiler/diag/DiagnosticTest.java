package dev.vmc.compiler.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vmc.compiler.ast.Pos;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticTest {

    @Test
    void formatsFileLineColumnThenTheLineThenACaret() {
        Diagnostic d = new Diagnostic("m.vmodel", new Pos(2, 5), "bad");
        assertEquals("m.vmodel:2:5: bad\nab cdef\n    ^", d.format("first\nab cdef\nlast"));
    }

    @Test
    void keepsTabsBeforeTheColumnSoTheCaretLinesUp() {
        Diagnostic d = new Diagnostic("m.vmodel", new Pos(1, 4), "bad");
        assertEquals("m.vmodel:1:4: bad\n\t\tx y\n\t\t ^", d.format("\t\tx y"));
    }

    @Test
    void handlesWindowsLineEndings() {
        Diagnostic d = new Diagnostic("m.vmodel", new Pos(2, 1), "bad");
        assertEquals("m.vmodel:2:1: bad\nsecond\n^", d.format("first\r\nsecond\r\n"));
    }

    @Test
    void controlCharactersInTheLineAreShownAsQuestionMarks() {
        Diagnostic d = new Diagnostic("m.vmodel", new Pos(1, 3), "bad");
        assertEquals("m.vmodel:1:3: bad\na?b?[31m\n  ^", d.format("a\u0000b\u001b[31m"));
    }

    @Test
    void aSyntheticPositionHasNoLineToShow() {
        Diagnostic d = new Diagnostic("m.vmodel", new Pos(0, 0), "no model block");
        assertEquals("m.vmodel: no model block", d.format("anything"));
    }

    @Test
    void compileExceptionListsDiagnosticsInSourceOrder() {
        String source = "one\ntwo\nthree";
        CompileException e = new CompileException(List.of(
                new Diagnostic("f", new Pos(3, 2), "c"),
                new Diagnostic("f", new Pos(1, 3), "a"),
                new Diagnostic("f", new Pos(3, 1), "b")), source);
        assertEquals(List.of("a", "b", "c"), e.diagnostics().stream().map(Diagnostic::message).toList());
        assertEquals("f:1:3: a\none\n  ^\nf:3:1: b\nthree\n^\nf:3:2: c\nthree\n ^", e.getMessage());
    }

    @Test
    void compileExceptionNeedsADiagnostic() {
        assertThrows(IllegalArgumentException.class, () -> new CompileException(List.of(), ""));
    }
}
