package dev.vmc.compiler.parse;

import dev.vmc.compiler.ast.Pos;
import dev.vmc.compiler.diag.CompileException;
import dev.vmc.compiler.diag.Diagnostic;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bytes of a .vmodel file as text. Files are UTF-8; a byte that is not is a model error
 * at its line and column (Java's decoder would only say "Input length = 1"), and a UTF-8
 * byte-order mark, which some editors write, is dropped.
 */
public final class SourceDecoder {
    private static final int BOM_LENGTH = 3;

    private SourceDecoder() {}

    /** @throws CompileException at the first byte that is not UTF-8 */
    public static String decode(String fileName, byte[] bytes) {
        int start = hasUtf8Bom(bytes) ? BOM_LENGTH : 0;
        if (isUtf16(bytes)) {
            throw error(fileName, null, new Pos(1, 1), "this file is UTF-16 (it starts with the bytes "
                    + hex(bytes[0]) + " " + hex(bytes[1]) + "); vmc reads .vmodel files as UTF-8: save it as UTF-8");
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = strict.decode(in, out, true);
        if (!result.isError()) {
            strict.flush(out);
            return out.flip().toString();
        }
        int bad = in.position();
        String message = "the byte " + hex(bytes[bad]) + latin1(bytes[bad]) + " is not UTF-8"
                + others(bytes, bad + result.length()) + "; vmc reads .vmodel files as UTF-8: save the file as UTF-8";
        return throwAt(fileName, bytes, start, bad, message);
    }

    private static String throwAt(String fileName, byte[] bytes, int start, int bad, String message) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < bad; i++) {
            // Lines end as the parser counts them: "\n", "\r\n" or a lone "\r".
            boolean crlf = bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n';
            if (bytes[i] == '\n' || (bytes[i] == '\r' && !crlf)) {
                line++;
                lineStart = i + 1;
            }
        }
        // Everything before the first bad byte decodes, so the column counts its characters.
        int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
        // The line is shown with U+FFFD where the bytes were, as an editor would.
        String lenient = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        throw error(fileName, lenient, new Pos(line, column), message);
    }

    private static CompileException error(String fileName, String shown, Pos pos, String message) {
        return new CompileException(List.of(new Diagnostic(fileName, pos, message)), shown);
    }

    /** How many other stretches of the file are not UTF-8, so a user knows it is the whole file's encoding. */
    private static String others(byte[] bytes, int from) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length - from + 1);
        int count = 0;
        while (in.hasRemaining()) {
            CoderResult r = decoder.decode(in, out, true);
            if (!r.isError()) {
                break;
            }
            count++;
            in.position(in.position() + r.length());
        }
        return count == 0 ? "" : " (nor are " + count + " more place" + (count == 1 ? "" : "s") + " in the file)";
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= BOM_LENGTH && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static boolean isUtf16(byte[] b) {
        return b.length >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
                || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE));
    }

    private static String hex(byte b) {
        return String.format("0x%02X", b & 0xFF);
    }

    /** Most stray bytes come from a Latin-1 or Windows-1252 editor: say what they were there. */
    private static String latin1(byte b) {
        int v = b & 0xFF;
        return v >= 0xA0 ? " ('" + (char) v + "' in Latin-1)" : "";
    }
}
