package dev.vmc.runtime.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Formats numbers for people with about three significant digits: plain decimals for the
 * everyday range (4.39, 0.0123, 12345) and scientific notation outside it (1.23e-05,
 * 4.56e+07), so a column of summaries stays short whatever the scale of the parameter.
 */
public final class Significant {
    private static final MathContext THREE_DIGITS = new MathContext(3);

    private Significant() {}

    /** {@code decimals} fixed decimals ("0.53"); infinities and NaN as {@link #format} writes them. */
    public static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : format(value);
    }

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e3 && magnitude < 1e5) {
            // rounding 12345 to 12300 would hide digits that cost nothing to show
            return String.format(Locale.ROOT, "%.0f", value);
        }
        BigDecimal rounded = new BigDecimal(value).round(THREE_DIGITS);
        double roundedMagnitude = rounded.abs().doubleValue();
        if (roundedMagnitude >= 1e-3 && roundedMagnitude < 1e5) {
            return rounded.toPlainString();
        }
        return String.format(Locale.ROOT, "%.2e", value);
    }
}
