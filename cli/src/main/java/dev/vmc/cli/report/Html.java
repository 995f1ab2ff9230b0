package dev.vmc.cli.report;

import dev.vmc.runtime.output.Significant;
import java.util.Locale;

/** Escaping and number formatting shared by the page and its SVG charts. */
final class Html {
    private Html() {}

    /** Text safe inside an element or a quoted attribute, in HTML and in inline SVG alike. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters other than tab and line breaks are not allowed in HTML text
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A coordinate in a chart: one decimal is finer than a pixel, and keeps the file small. */
    static String px(double v) {
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }

    /** About three significant digits, as the summary table prints numbers. */
    static String num(double v) {
        return Significant.format(v);
    }

    static String fixed(double v, int decimals) {
        return Significant.fixed(v, decimals);
    }

    /** Two significant digits, as the CLI prints a standard error. */
    static String twoDigits(double v) {
        if (!Double.isFinite(v)) {
            return Significant.format(v);
        }
        return String.format(Locale.ROOT, "%.2g", v);
    }

    /** A minus sign that typesets as one (U+2212) for negative numbers shown to people. */
    static String minus(String number) {
        return number.startsWith("-") ? "\u2212" + number.substring(1) : number;
    }
}
