package dev.vmc.runtime.data;

import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value. Numbers keep their source text's "integer-ness" because Stan JSON
 * distinguishes {@code 3} (usable as an int) from {@code 3.0} (a real).
 */
public sealed interface Json {

    /** Members in file order; duplicate keys are rejected by the parser. */
    record Obj(Map<String, Json> members) implements Json {}

    record Arr(List<Json> elements) implements Json {}

    /** {@code integer} is true when the literal had no '.', 'e' or 'E'. */
    record Num(double value, boolean integer) implements Json {}

    record Str(String value) implements Json {}

    record Bool(boolean value) implements Json {}

    record Null() implements Json {}

    /** How a value is named in error messages: "an object", "the string \"x\"", "true". */
    static String describe(Json value) {
        if (value instanceof Obj) {
            return "an object";
        } else if (value instanceof Arr) {
            return "an array";
        } else if (value instanceof Num) {
            return "a number";
        } else if (value instanceof Str s) {
            return "the string \"" + s.value() + "\"";
        } else if (value instanceof Bool b) {
            return String.valueOf(b.value());
        }
        return "null";
    }
}
