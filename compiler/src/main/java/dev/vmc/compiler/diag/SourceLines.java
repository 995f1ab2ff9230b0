package dev.vmc.compiler.diag;

import java.util.Arrays;

/**
 * The lines of a source text, whatever its line endings: the one helper that shows a user a
 * line of their program, in diagnostics and in the origins of runtime messages. The line
 * starts are found once, so a program with thousands of statements or errors is not
 * scanned once per message.
 */
public final class SourceLines {
    private final String source;
    /** Where each line starts, then the source's length as the end of the last line. */
    private final int[] starts;

    public SourceLines(String source) {
        this.source = source == null ? "" : source;
        int[] found = new int[16];
        int count = 0;
        found[count++] = 0;
        for (int i = 0; i < this.source.length(); i++) {
            char c = this.source.charAt(i);
            boolean crlf = c == '\r' && i + 1 < this.source.length() && this.source.charAt(i + 1) == '\n';
            if (c == '\n' || (c == '\r' && !crlf)) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = i + 1;
            }
        }
        this.starts = Arrays.copyOf(found, count);
    }

    /** The text of 1-based line {@code number} of {@code source}, without its line ending, or null past the end. */
    public static String line(String source, int number) {
        return source == null ? null : new SourceLines(source).line(number);
    }

    /** The text of 1-based line {@code number} without its line ending, or null past the end. */
    public String line(int number) {
        if (number < 1 || number > starts.length) {
            return null;
        }
        int from = starts[number - 1];
        int to = number < starts.length ? starts[number] : source.length();
        while (to > from && (source.charAt(to - 1) == '\n' || source.charAt(to - 1) == '\r')) {
            to--;
        }
        return source.substring(from, to);
    }

    /** How many lines the source has: a final line ending starts an empty last line. */
    public int count() {
        return starts.length;
    }
}
