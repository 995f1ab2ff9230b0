package dev.vmc.runtime.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads data in the JSON layout CmdStan and posteriordb use: one top-level object whose
 * members are numbers or rectangular nested arrays of numbers, with non-finite values
 * written as the strings "NaN", "Inf", "-Inf" (and the spellings {@link NonFinite} knows).
 * Non-finite values are kept; checking them against declarations is the loader's job.
 */
public final class StanJsonReader {
    private StanJsonReader() {}

    /**
     * @throws IOException if the file cannot be read
     * @throws DataException if its content is not Stan JSON
     */
    public static DataSet read(Path file) throws IOException {
        return parse(TextFiles.read(file), file.toString());
    }

    /** @param source the file name used in error messages and as {@link DataSet#source()} */
    public static DataSet parse(String text, String source) {
        Json root = JsonParser.parse(text, source);
        if (!(root instanceof Json.Obj object)) {
            throw new DataException(source + ": expected a JSON object {\"name\": value, ...} at the top level, found "
                    + Json.describe(root));
        }
        Map<String, DataValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, Json> member : object.members().entrySet()) {
            values.put(member.getKey(), toDataValue(member.getKey(), member.getValue(), source));
        }
        return new DataSet(source, values);
    }

    private static DataValue toDataValue(String name, Json value, String source) {
        NestedArrays.Tree<Json> tree = new NestedArrays.Tree<>() {
            @Override
            public List<? extends Json> elementsOrNull(Json node) {
                return node instanceof Json.Arr array ? array.elements() : null;
            }

            @Override
            public NestedArrays.Element leaf(Json node, String where) {
                return number(name, node, where, source);
            }
        };
        return NestedArrays.toDataValue(name, value, tree, message -> new DataException(source + ": " + message));
    }

    private static NestedArrays.Element number(String name, Json node, String where, String source) {
        if (node instanceof Json.Num num) {
            return new NestedArrays.Element(num.value(), num.integer());
        }
        if (node instanceof Json.Str str && NonFinite.parse(str.value()).isPresent()) {
            return new NestedArrays.Element(NonFinite.parse(str.value()).getAsDouble(), false);
        }
        String subject = where.equals(name) ? "'" + name + "' is " : "'" + name + "' has " + where + " = ";
        throw new DataException(source + ": " + subject + Json.describe(node)
                + "; data values must be numbers or arrays of numbers"
                + " (non-finite values are written \"NaN\", \"Inf\", \"-Inf\")");
    }
}
