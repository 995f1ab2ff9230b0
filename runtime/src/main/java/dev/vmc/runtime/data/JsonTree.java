package dev.vmc.runtime.data;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small JSON files (guide.json, posteriordb's reference files) as a {@link Json} tree, read
 * with the same parser and messages as data files. Data files are streamed instead
 * ({@link StanJsonReader}): a tree of a large matrix would cost an object per number.
 */
public final class JsonTree {
    private final JsonParser parser;
    private final String source;

    private JsonTree(JsonParser parser, String source) {
        this.parser = parser;
        this.source = source;
    }

    /**
     * @throws IOException if the file cannot be read
     * @throws DataException if it is not one JSON value, with the file, line and column
     */
    public static Json read(Path file) throws IOException {
        try (JsonParser parser = JsonInput.open(file)) {
            return new JsonTree(parser, file.toString()).document();
        }
    }

    /** @param source names the text in error messages */
    public static Json parse(String text, String source) {
        try (JsonParser parser = JsonInput.open(text)) {
            return new JsonTree(parser, source).document();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string has nothing to fail reading
        }
    }

    private Json document() throws IOException {
        try {
            if (parser.nextToken() == null) {
                throw new DataException(source + ": the file is empty; expected a JSON value");
            }
            Json value = value();
            JsonInput.expectEnd(parser, source);
            return value;
        } catch (JacksonException e) {
            throw JsonInput.error(source, e);
        }
    }

    /** The value whose first token is current; Jackson bounds the depth of this recursion. */
    private Json value() throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            case VALUE_NUMBER_INT -> new Json.Num(parser.getDoubleValue(), true);
            case VALUE_NUMBER_FLOAT -> new Json.Num(parser.getDoubleValue(), false);
            case VALUE_STRING -> new Json.Str(parser.getText());
            case VALUE_TRUE -> new Json.Bool(true);
            case VALUE_FALSE -> new Json.Bool(false);
            case VALUE_NULL -> new Json.Null();
            default -> throw new IllegalStateException("token " + token + " cannot start a value");
        };
    }

    private Json object() throws IOException {
        Map<String, Json> members = new LinkedHashMap<>();
        Map<String, JsonLocation> keys = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation at = parser.currentTokenLocation();
            JsonLocation earlier = keys.putIfAbsent(key, at);
            if (earlier != null) {
                throw JsonInput.duplicateKey(source, key, at, earlier);
            }
            parser.nextToken();
            members.put(key, value());
        }
        return new Json.Obj(members);
    }

    private Json array() throws IOException {
        List<Json> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            elements.add(value());
        }
        return new Json.Arr(elements);
    }
}
