package dev.vmc.runtime.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser (RFC 8259) that builds a {@link Json} tree. It is the only
 * JSON parser in vmc: data files and guide files both go through it, so both report
 * malformed input the same way, as "file:line:col: message".
 */
public final class JsonParser {
    /** Deeper nesting than any data file needs; stops a hostile file from overflowing the stack. */
    private static final int MAX_DEPTH = 512;

    private final String text;
    private final String source;
    private int pos;

    private JsonParser(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /**
     * Parses one JSON document. {@code source} names the file in error messages.
     *
     * @throws DataException on malformed JSON, with the line and column of the problem
     */
    public static Json parse(String text, String source) {
        JsonParser parser = new JsonParser(text, source);
        parser.skipByteOrderMark();
        parser.skipWhitespace();
        Json value = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected text after the end of the JSON value");
        }
        return value;
    }

    private void skipByteOrderMark() {
        if (text.startsWith("\uFEFF")) {
            pos = 1;
        }
    }

    private Json value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("arrays or objects nested more than " + MAX_DEPTH + " deep");
        }
        if (pos >= text.length()) {
            throw error("unexpected end of file, expected a value");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return new Json.Str(string());
            case 't':
                keyword("true");
                return new Json.Bool(true);
            case 'f':
                keyword("false");
                return new Json.Bool(false);
            case 'n':
                keyword("null");
                return new Json.Null();
            default:
                rejectBareNonFinite();
                if (c == '-' || isDigit(c)) {
                    return number();
                }
                throw error("unexpected character " + show(c) + ", expected a value");
        }
    }

    private Json object(int depth) {
        pos++; // '{'
        Map<String, Json> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new Json.Obj(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key in object");
            }
            int keyStart = pos;
            String key = string();
            if (members.containsKey(key)) {
                pos = keyStart;
                throw error("duplicate key \"" + key + "\"");
            }
            skipWhitespace();
            if (peek() != ':') {
                throw error("expected ':' after key \"" + key + "\"");
            }
            pos++;
            skipWhitespace();
            members.put(key, value(depth + 1));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                return new Json.Obj(members);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' in object");
            }
        }
    }

    private Json array(int depth) {
        pos++; // '['
        List<Json> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new Json.Arr(elements);
        }
        while (true) {
            skipWhitespace();
            elements.add(value(depth + 1));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                return new Json.Arr(elements);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' in array");
            }
        }
    }

    private String string() {
        int opening = pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                pos = opening; // where the string began is where the user must look
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character " + show(c) + " in string (write it as an escape)");
            }
            if (c == '\\') {
                out.append(escape());
            } else {
                out.append(c);
                pos++;
            }
        }
    }

    private char escape() {
        pos++; // backslash
        if (pos >= text.length()) {
            throw error("unterminated string");
        }
        char c = text.charAt(pos++);
        switch (c) {
            case '"':
            case '\\':
            case '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                return unicodeEscape();
            default:
                pos -= 2;
                throw error("invalid escape \\" + c + " in string");
        }
    }

    private char unicodeEscape() {
        if (pos + 4 > text.length()) {
            throw error("incomplete \\u escape in string");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos), 16);
            if (digit < 0) {
                throw error("invalid hex digit " + show(text.charAt(pos)) + " in \\u escape");
            }
            code = code * 16 + digit;
            pos++;
        }
        return (char) code;
    }

    /** JSON's number grammar, strictly: no leading '+', no leading zeros, no bare '.'. */
    private Json number() {
        int start = pos;
        boolean integer = true;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("malformed number: leading zeros are not allowed");
            }
        } else {
            digits("malformed number: expected a digit");
        }
        if (peek() == '.') {
            integer = false;
            pos++;
            digits("malformed number: expected a digit after '.'");
        }
        if (peek() == 'e' || peek() == 'E') {
            integer = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits("malformed number: expected a digit in the exponent");
        }
        String literal = text.substring(start, pos);
        return new Json.Num(Double.parseDouble(literal), integer);
    }

    private void digits(String errorIfNone) {
        if (!isDigit(peek())) {
            throw error(errorIfNone);
        }
        while (isDigit(peek())) {
            pos++;
        }
    }

    private void keyword(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("invalid literal, expected a value such as " + word);
        }
        pos += word.length();
    }

    /** Python's json module writes bare NaN and Infinity; say how Stan JSON spells them. */
    private void rejectBareNonFinite() {
        for (String word : new String[] {"NaN", "Infinity", "-Infinity"}) {
            if (text.startsWith(word, pos)) {
                throw error("bare " + word + " is not JSON; write it as the string \"" + word + "\"");
            }
        }
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** The current character, or NUL at the end so that every comparison simply fails. */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String show(char c) {
        if (c < 0x20 || c == 0x7f) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    /** Line and column are computed only on error, so parsing never pays for them. */
    private DataException error(String message) {
        int at = Math.min(pos, text.length());
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String what = at >= text.length() && !message.startsWith("unexpected end")
                ? message + " (at end of file)"
                : message;
        return new DataException(source + ":" + line + ":" + (at - lineStart + 1) + ": " + what);
    }
}
