package dev.vmc.compiler.diag;

/** Picks a line out of a source text, whatever its line endings. */
final class SourceLines {
    private SourceLines() {}

    /** The text of 1-based line {@code number} without its line ending, or null past the end. */
    static String line(String source, int number) {
        if (source == null) {
            return null;
        }
        String[] lines = source.split("\r\n|\r|\n", -1);
        return number >= 1 && number <= lines.length ? lines[number - 1] : null;
    }
}
