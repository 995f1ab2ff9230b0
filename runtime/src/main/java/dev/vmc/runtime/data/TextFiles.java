package dev.vmc.runtime.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a whole text file as UTF-8. Failing to read is an IOException for the caller to
 * report; bytes that are not UTF-8 are a problem with the content, so a DataException.
 */
public final class TextFiles {
    private TextFiles() {}

    public static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new DataException(file + ": not UTF-8 text", e);
        }
    }
}
