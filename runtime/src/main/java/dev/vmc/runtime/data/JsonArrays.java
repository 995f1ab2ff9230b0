package dev.vmc.runtime.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads one Stan JSON value (a number, or rectangular nested arrays of numbers) from a
 * token stream straight into a {@link DataValue}, never building a tree: a 10,000 x 784
 * matrix is held once as doubles, not as millions of objects. The shape is learned from
 * the first element at each depth (as {@link NestedArrays} does for Java values), and
 * every later array is checked against it as it closes.
 */
final class JsonArrays {
    /** Jackson refuses deeper documents (see {@link JsonInput}), so paths fit. */
    private static final int MAX_DEPTH = JsonInput.MAX_DEPTH + 1;

    private final JsonParser parser;
    private final String name;
    private final String source;
    private final DoubleChunks values = new DoubleChunks();
    private final int[] lengths = new int[MAX_DEPTH];
    private final int[] path = new int[MAX_DEPTH];
    /** How deep the numbers sit (0 for a scalar), or -1 until a number or an empty array says. */
    private int rank = -1;
    private boolean allIntegers = true;

    private JsonArrays(JsonParser parser, String name, String source) {
        this.parser = parser;
        this.name = name;
        this.source = source;
        Arrays.fill(lengths, -1);
    }

    /** Reads the value whose first token is the parser's current one, leaving the parser on its last. */
    static DataValue read(JsonParser parser, String name, String source) throws IOException {
        JsonArrays reader = new JsonArrays(parser, name, source);
        reader.value(0);
        int[] shape = Arrays.copyOf(reader.lengths, reader.rank);
        return new DataValue(shape, reader.values.toArray(source + ": '" + name + "'"), reader.allIntegers);
    }

    private void value(int depth) throws IOException {
        if (parser.currentToken() == JsonToken.START_ARRAY) {
            array(depth);
        } else {
            number(depth);
        }
    }

    private void array(int depth) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        if (rank >= 0 && depth >= rank) {
            throw ragged(start, place(depth) + " is an array but " + first(depth) + " is a number");
        }
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            count++;
            if (lengths[depth] >= 0 && count > lengths[depth]) {
                throw tooLong(start, depth, count);
            }
            path[depth] = count;
            value(depth + 1);
        }
        if (lengths[depth] < 0) {
            lengths[depth] = count; // the first array at this depth sets the length for the rest
            if (count == 0 && rank < 0) {
                rank = depth + 1; // an empty array ends the shape: [] is [0], [[], []] is [2, 0]
            }
        } else if (count != lengths[depth]) {
            throw ragged(start, place(depth) + " has " + count + unit(depth) + first(depth) + " has " + lengths[depth]);
        }
    }

    /** The array has more elements than the first at its depth: count them all for the message. */
    private DataException tooLong(JsonLocation start, int depth, int count) throws IOException {
        parser.skipChildren();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            count++;
            parser.skipChildren();
        }
        return ragged(start, place(depth) + " has " + count + unit(depth) + first(depth) + " has " + lengths[depth]);
    }

    private void number(int depth) throws IOException {
        JsonToken token = parser.currentToken();
        double value;
        if (token == JsonToken.VALUE_NUMBER_INT) {
            value = parser.getNumberType() == JsonParser.NumberType.INT ? parser.getIntValue() : parser.getDoubleValue();
        } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            value = parser.getDoubleValue();
            allIntegers = false;
        } else if (token == JsonToken.VALUE_STRING && NonFinite.parse(parser.getText()).isPresent()) {
            value = NonFinite.parse(parser.getText()).getAsDouble();
            allIntegers = false;
        } else {
            throw JsonInput.error(source, parser.currentTokenLocation(), subject(depth) + JsonInput.describe(parser)
                    + "; " + notANumber(token));
        }
        if (Double.isInfinite(value) && token != JsonToken.VALUE_STRING) {
            throw JsonInput.error(source, parser.currentTokenLocation(), subject(depth) + parser.getText()
                    + ", beyond the range of a double (about 1.8e308)");
        }
        if (rank < 0) {
            rank = depth;
        } else if (depth < rank) {
            throw ragged(parser.currentTokenLocation(), place(depth) + " is a number but " + first(depth) + " is an array");
        }
        values.add(value);
    }

    /** What to do instead, with the advice matching what vmc accepts. */
    private String notANumber(JsonToken token) throws IOException {
        String text = token == JsonToken.VALUE_STRING ? parser.getText().strip() : "";
        if (token == JsonToken.VALUE_NULL || text.equalsIgnoreCase("NA")) {
            return "vmc has no missing values: leave the element out (and its sizes with it) or give a number";
        }
        if (NonFinite.looksLike(text)) {
            return "non-finite values are spelled \"NaN\", \"Inf\" and \"-Inf\" (though a value the model uses must"
                    + " be finite)";
        }
        return "data values must be numbers or arrays of numbers";
    }

    private String subject(int depth) {
        return depth == 0 ? "'" + name + "' is " : "'" + name + "' has " + place(depth) + " = ";
    }

    private DataException ragged(JsonLocation at, String detail) {
        return JsonInput.error(source, at, "'" + name + "' is ragged: " + detail);
    }

    private String unit(int depth) {
        return depth == rank - 1 ? " values, " : " elements, ";
    }

    private String place(int depth) {
        return NestedArrays.place(name, path, depth, rank);
    }

    private String first(int depth) {
        int[] ones = new int[depth];
        Arrays.fill(ones, 1);
        return NestedArrays.place(name, ones, depth, rank);
    }
}
