package dev.vmc.runtime.data;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * vmc's one way into JSON: Jackson's streaming parser, strict (no comments, bare NaN,
 * leading zeros or trailing commas), and errors as "file:line:col: message" in vmc's words.
 */
final class JsonInput {
    /** Deeper than any data file needs; stops a hostile file before it costs memory or stack. */
    static final int MAX_DEPTH = 512;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER) // correctly rounded, and several times faster
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION) // messages name the file themselves
            .build();

    private JsonInput() {}

    /** Jackson reads the bytes itself: UTF-8 (or UTF-16/32, by their byte-order marks). */
    static JsonParser open(Path file) throws IOException {
        return FACTORY.createParser(Files.newInputStream(file));
    }

    static JsonParser open(String text) throws IOException {
        return FACTORY.createParser(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    static DataException error(String source, JsonLocation at, String message) {
        return new DataException(source + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + message);
    }

    /** A Jackson exception as a vmc message at the place it names. */
    static DataException error(String source, JacksonException e) {
        JsonMessages.Problem problem = JsonMessages.of(e);
        String place = problem.line() <= 0 ? source : source + ":" + problem.line() + ":" + problem.column();
        return new DataException(place + ": " + problem.message(), e);
    }

    /** Reads past the end of the document, which must hold nothing more. */
    static void expectEnd(JsonParser parser, String source) throws IOException {
        JsonToken next;
        try {
            next = parser.nextToken();
        } catch (JacksonException e) {
            next = JsonToken.NOT_AVAILABLE; // text that is not even a token
        }
        if (next != null) {
            throw error(source, parser.currentTokenLocation(), "unexpected text after the end of the JSON value");
        }
    }

    static DataException duplicateKey(String source, String key, JsonLocation at, JsonLocation first) {
        return error(source, at, "duplicate key \"" + key + "\" (first at line " + first.getLineNr() + ", column "
                + first.getColumnNr() + ")");
    }

    /** How the current token is named in messages: "an object", "the string \"x\"", "true". */
    static String describe(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + parser.getText();
            case VALUE_STRING -> "the string \"" + parser.getText() + "\"";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }
}
