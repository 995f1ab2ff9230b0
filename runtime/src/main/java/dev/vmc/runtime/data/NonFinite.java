package dev.vmc.runtime.data;

import java.util.OptionalDouble;

/**
 * Stan's spellings of non-finite numbers. JSON has no NaN or infinity, so CmdStan writes
 * them as strings. One place decides which spellings mean what, for the data readers and
 * for the guide file.
 */
public final class NonFinite {
    private NonFinite() {}

    /** The value a non-finite spelling stands for, or empty if the text is not one. */
    public static OptionalDouble parse(String text) {
        switch (text) {
            case "NaN":
                return OptionalDouble.of(Double.NaN);
            case "Inf":
            case "+Inf":
            case "Infinity":
            case "+Infinity":
                return OptionalDouble.of(Double.POSITIVE_INFINITY);
            case "-Inf":
            case "-Infinity":
                return OptionalDouble.of(Double.NEGATIVE_INFINITY);
            default:
                return OptionalDouble.empty();
        }
    }

    /**
     * True for text meant as a non-finite number but not spelled as Stan spells it ("nan",
     * "inf", "-INFINITY"), so that a message can show the spelling vmc reads.
     */
    public static boolean looksLike(String text) {
        String word = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        word = word.toLowerCase(java.util.Locale.ROOT);
        return word.equals("nan") || word.equals("inf") || word.equals("infinity");
    }

    /** Stan's spelling for a non-finite value, for writing JSON that CmdStan can read. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        throw new IllegalArgumentException(value + " is finite");
    }
}
