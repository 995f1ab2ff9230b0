package dev.vmc.runtime.data;

import com.fasterxml.jackson.core.io.NumberInput;

/**
 * Decimal numbers as tables write them: an optional sign, digits with at most one point,
 * an optional exponent ({@code 7}, {@code -0.5}, {@code .5}, {@code 2.}, {@code 1e-3}).
 * Double.parseDouble alone would also take "0x1p3", "1d" and "Infinity", which no table
 * means as numbers.
 */
final class DecimalText {
    /** What a field holds. */
    enum Kind { INTEGER, REAL, NOT_A_NUMBER }

    private DecimalText() {}

    static Kind kind(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i == n) {
            return digits > 0 ? Kind.INTEGER : Kind.NOT_A_NUMBER;
        }
        if (text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return Kind.NOT_A_NUMBER;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return Kind.NOT_A_NUMBER;
            }
        }
        return i == n ? Kind.REAL : Kind.NOT_A_NUMBER;
    }

    /** The value of text of kind INTEGER or REAL; correctly rounded, so 17 digits read back exactly. */
    static double value(String text, Kind kind) {
        if (kind == Kind.INTEGER && text.length() <= 18) {
            return Long.parseLong(text); // exact, and much faster than a general parse
        }
        return NumberInput.parseDouble(text, true);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
