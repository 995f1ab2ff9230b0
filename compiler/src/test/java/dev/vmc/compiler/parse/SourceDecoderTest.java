package dev.vmc.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.compiler.diag.CompileException;
import dev.vmc.compiler.diag.Diagnostic;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Files are UTF-8: anything else is a model error at its byte, never "Input length = 1". */
class SourceDecoderTest {

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aLatin1ByteInACommentIsAnErrorAtItsPlace() {
        byte[] file = bytes("latent { real mu; }\nmodel {\n  // caf\u00e9\n  mu ~ normal(0, 1);\n}\n");
        CompileException e = assertThrows(CompileException.class, () -> SourceDecoder.decode("b.vmodel", file));
        Diagnostic d = e.diagnostics().get(0);
        assertEquals("3:9", d.pos().toString());
        assertTrue(d.message().startsWith("the byte 0xE9 ('\u00e9' in Latin-1) is not UTF-8"), d.message());
        assertTrue(d.message().contains("save the file as UTF-8"), d.message());
        assertEquals("b.vmodel:3:9: " + d.message() + "\n  // caf\ufffd\n        ^", e.getMessage());
    }

    @Test
    void columnsCountCharactersNotBytes() {
        byte[] good = "x = \u00e9\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[good.length + 1];
        System.arraycopy(good, 0, file, 0, good.length);
        file[good.length] = (byte) 0x80;
        CompileException e = assertThrows(CompileException.class, () -> SourceDecoder.decode("b.vmodel", file));
        assertEquals("1:7", e.diagnostics().get(0).pos().toString());
        assertTrue(e.diagnostics().get(0).message().startsWith("the byte 0x80 is not UTF-8"));
    }

    @Test
    void countsTheOtherBadPlaces() {
        CompileException e = assertThrows(CompileException.class,
                () -> SourceDecoder.decode("b.vmodel", bytes("a\u00ff b\u00fe c\u00fd")));
        assertTrue(e.diagnostics().get(0).message().contains("(nor are 2 more places in the file)"),
                e.getMessage());
    }

    @Test
    void utf16IsNamed() {
        CompileException e = assertThrows(CompileException.class,
                () -> SourceDecoder.decode("b.vmodel", bytes("\u00ff\u00fem\u0000")));
        assertEquals("1:1", e.diagnostics().get(0).pos().toString());
        assertTrue(e.diagnostics().get(0).message().startsWith("this file is UTF-16"), e.getMessage());
    }

    @Test
    void aUtf8ByteOrderMarkIsDropped() {
        byte[] text = "model {}".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[text.length + 3];
        file[0] = (byte) 0xEF;
        file[1] = (byte) 0xBB;
        file[2] = (byte) 0xBF;
        System.arraycopy(text, 0, file, 3, text.length);
        assertEquals("model {}", SourceDecoder.decode("m.vmodel", file));
    }

    @Test
    void oldMacLineEndingsCountAsLines() {
        CompileException e = assertThrows(CompileException.class,
                () -> ProgramParser.parse("m.vmodel", "latent { real mu; }\rmodel {\r  mu ~ normal(0, 1)\r}\r"));
        assertEquals("m.vmodel:3:20: expected ';' after ')'\n  mu ~ normal(0, 1)\n                   ^", e.getMessage());
    }
}
