package dev.vmc.runtime.data;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.base.ParserBase;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's syntax errors in words for people writing data files. Jackson's own text is
 * written for programmers: it names its features ("enable JsonReadFeature...") and
 * character codes, and would advise enabling bare NaN, which vmc does not read. Messages
 * not listed here keep Jackson's text, tidied. Only the wording depends on Jackson's:
 * an unlisted or reworded message still reports the right place.
 */
final class JsonMessages {
    /** A message and where it points: 1-based line and column, or 0 and 0 if Jackson does not say. */
    record Problem(String message, int line, int column) {
        Problem(String message, JsonLocation at) {
            this(message, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        }
    }

    /** @param atToken point at the start of the token, not where Jackson stopped inside it */
    private record Rule(Pattern pattern, boolean atToken, Function<Matcher, String> message) {}

    /** Bare NaN and Infinity, as Python writes them; the advice matches what vmc then accepts. */
    private static String bareNonFinite(String word) {
        String spelled = word.replace("INF", "Inf").replace("+Infinity", "Infinity");
        String why = word.contains("NaN") ? "vmc has no missing values: leave the element out"
                : "data the model uses must be finite";
        return "bare " + word + " is not JSON, and " + why + " (a variable the model does not use may hold the string \""
                + spelled + "\", as CmdStan writes it)";
    }

    private static final List<Rule> RULES = List.of(
            rule("Non-standard token '([+-]?(?:NaN|Infinity|INF))'.*", true, m -> bareNonFinite(m.group(1))),
            rule("Unrecognized token '(.*)': was expecting .*", true, m -> "unrecognized word '" + m.group(1)
                    + "', expected a value (a number, a string in double quotes, an array, an object, true, false or null)"),
            rule(".*was expecting comma to separate Array entries.*", false, m -> "expected ',' or ']' in array"),
            rule(".*was expecting comma to separate Object entries.*", false, m -> "expected ',' or '}' in object"),
            rule(".*was expecting double-quote to start field name.*", false, m -> "expected a string key in object"),
            rule("Invalid numeric value: Leading zeroes not allowed.*", false,
                    m -> "malformed number: leading zeros are not allowed"),
            rule(".*Decimal point not followed by a digit.*", false, m -> "malformed number: expected a digit after '.'"),
            rule(".*Exponent indicator not followed by a digit.*", false,
                    m -> "malformed number: expected a digit in the exponent"),
            rule(".*expected digit \\(0-9\\) to follow minus sign.*", false, m -> "malformed number: expected a digit"),
            rule(".*JSON spec does not allow numbers to have plus signs.*", true,
                    m -> "malformed number: JSON numbers have no leading '+'"),
            rule(".*was expecting closing quote for a string value.*", true, m -> "unterminated string"),
            rule("Unexpected end-of-input: expected close marker for (\\w+) \\(start marker at .*line: (\\d+),"
                    + " column: (\\d+)\\]\\).*", false, m -> "unexpected end of file: the " + m.group(1).toLowerCase()
                    + " opened at line " + m.group(2) + ", column " + m.group(3) + " is not closed"),
            rule("Unexpected end-of-input.*", false, m -> "unexpected end of file"),
            rule("Unexpected close marker '(.)': expected '(.)' \\(for (\\w+) starting at .*line: (\\d+), column: (\\d+)\\]\\).*",
                    false, m -> "unexpected '" + m.group(1) + "': the " + m.group(3).toLowerCase() + " opened at line "
                    + m.group(4) + ", column " + m.group(5) + " is closed with '" + m.group(2) + "'"),
            rule("Unrecognized character escape '(.)'.*", false, m -> "invalid escape \\" + m.group(1) + " in string"),
            rule("Unexpected character \\('(.)' .*expected a hex-digit for character escape sequence.*", false,
                    m -> "invalid hex digit '" + m.group(1) + "' in \\u escape"),
            rule("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*", false, m -> String.format(
                    "control character U+%04X in string (write it as an escape)", Integer.parseInt(m.group(1)))),
            rule("Unexpected character \\('(.)' \\(code \\d+\\)\\): maybe a \\(non-standard\\) comment.*", false,
                    m -> "unexpected '" + m.group(1) + "': JSON has no comments"),
            rule("Unexpected character \\((.*) \\(code \\d+\\)\\): expected a (valid )?value.*", false,
                    m -> "unexpected character " + m.group(1) + ", expected a value"),
            rule("Invalid UTF-8 .*", false, m -> "not UTF-8 text (" + tidy(m.group()) + ")"),
            rule("Document nesting depth .*", false, m -> "arrays or objects nested more than " + JsonInput.MAX_DEPTH
                    + " deep"));

    private JsonMessages() {}

    private static Rule rule(String regex, boolean atToken, Function<Matcher, String> message) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), atToken, message);
    }

    static Problem of(JacksonException e) {
        String original = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
        JsonParser parser = e.getProcessor() instanceof JsonParser p ? p : null;
        if (original.contains("was expecting a colon to separate field name and value")) {
            return new Problem("expected ':' after " + currentKey(parser), e.getLocation());
        }
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(original);
            if (m.matches()) {
                String message = rule.message().apply(m);
                // Where the token began: Jackson reports where it stopped reading, and currentTokenLocation()
                // gives the key's place while the value after a key is being read. While a token fails,
                // getTokenColumnNr() is one past its first character (pinned by StanJsonReaderTest).
                if (rule.atToken() && parser instanceof ParserBase base) {
                    return new Problem(message, base.getTokenLineNr(), base.getTokenColumnNr() - 1);
                }
                return new Problem(message, e.getLocation());
            }
        }
        return new Problem(tidy(original), e.getLocation());
    }

    /** The key whose colon is missing, which only the parser knows. */
    private static String currentKey(JsonParser parser) {
        try {
            if (parser != null && parser.currentName() != null) {
                return "key \"" + parser.currentName() + "\"";
            }
        } catch (IOException | RuntimeException unknown) {
            // the message is still right without the key
        }
        return "the key";
    }

    /** Drops character codes and advice about Jackson's features, and starts in lower case. */
    private static String tidy(String message) {
        String text = message.replaceAll(" \\(code \\d+\\)", "")
                .replaceAll(":? *enable `[^`]*` to allow", "")
                .replaceAll(",? *from `[^`]*`", "")
                .replaceAll(" *\\((start marker at|for \\w+ starting at) \\[.*?\\]\\)", "");
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
