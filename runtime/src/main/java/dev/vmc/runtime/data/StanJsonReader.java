package dev.vmc.runtime.data;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads data in the JSON layout CmdStan and posteriordb use: one top-level object whose
 * members are numbers or rectangular nested arrays of numbers, with non-finite values
 * written as the strings "NaN", "Inf", "-Inf" (and the spellings {@link NonFinite} knows).
 * Non-finite values are kept, since a variable the model does not use may hold them;
 * rejecting them in the variables it does use is the binder's job. The file is streamed
 * (see {@link JsonArrays}), so a large matrix is never held as text or as a tree.
 */
public final class StanJsonReader {
    private static final String LAYOUT = "a JSON object {\"name\": value, ...}";

    private StanJsonReader() {}

    /**
     * @throws IOException if the file cannot be read
     * @throws DataException if its content is not Stan JSON
     */
    public static DataSet read(Path file) throws IOException {
        try (JsonParser parser = JsonInput.open(file)) {
            return read(parser, file.toString());
        }
    }

    /** @param source the file name used in error messages and as {@link DataSet#source()} */
    public static DataSet parse(String text, String source) {
        try (JsonParser parser = JsonInput.open(text)) {
            return read(parser, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string has nothing to fail reading
        }
    }

    private static DataSet read(JsonParser parser, String source) throws IOException {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new DataException(source + ": the file is empty; expected " + LAYOUT);
            }
            if (first != JsonToken.START_OBJECT) {
                throw JsonInput.error(source, parser.currentTokenLocation(), "expected " + LAYOUT
                        + " at the top level, found " + JsonInput.describe(parser));
            }
            Map<String, DataValue> values = new LinkedHashMap<>();
            Map<String, JsonLocation> keys = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonLocation at = parser.currentTokenLocation();
                JsonLocation earlier = keys.putIfAbsent(name, at);
                if (earlier != null) {
                    throw JsonInput.duplicateKey(source, name, at, earlier);
                }
                parser.nextToken();
                values.put(name, JsonArrays.read(parser, name, source));
            }
            JsonInput.expectEnd(parser, source);
            return new DataSet(source, values);
        } catch (JacksonException e) {
            throw JsonInput.error(source, e);
        }
    }
}
