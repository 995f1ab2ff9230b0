package dev.vmc.runtime.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a text file stops being UTF-8: a streaming reader that failed only knows that it did,
 * so the file is read again, as bytes, to the first byte that is not, counting lines.
 */
final class FirstBadByte {
    private FirstBadByte() {}

    /** "FILE:LINE: not UTF-8 text (the byte 0xE9, 'é' in Latin-1); save the file as UTF-8". */
    static DataException in(Path file, CharacterCodingException cause) {
        long line = 1;
        int bad = -1;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
            ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
            CharBuffer chars = CharBuffer.allocate(1 << 16);
            int read;
            while (bad < 0 && (read = in.read(bytes.array(), bytes.position(), bytes.remaining())) >= 0) {
                bytes.position(bytes.position() + read).flip();
                int start = bytes.position();
                CoderResult result;
                do {
                    chars.clear();
                    result = decoder.decode(bytes, chars, false);
                } while (result.isOverflow());
                for (int i = start; i < bytes.position(); i++) {
                    line += bytes.get(i) == '\n' ? 1 : 0;
                }
                if (result.isError()) {
                    bad = bytes.get(bytes.position()) & 0xFF;
                }
                bytes.compact();
            }
        } catch (IOException again) {
            return new DataException(file + ": not UTF-8 text", cause);
        }
        if (bad < 0) { // a sequence cut off by the end of the file
            return new DataException(file + ":" + line + ": not UTF-8 text (the file ends inside a character); save"
                    + " the file as UTF-8", cause);
        }
        return new DataException(String.format("%s:%d: not UTF-8 text (the byte 0x%02X, '%c' in Latin-1); save the file"
                + " as UTF-8", file, line, bad, (char) bad), cause);
    }
}
