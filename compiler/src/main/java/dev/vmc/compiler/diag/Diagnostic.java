package dev.vmc.compiler.diag;

import dev.vmc.compiler.ast.Pos;

/**
 * One problem in a source file, at a place. A position of line 0 marks a problem with the
 * file as a whole (a missing block, say) that has no line to show.
 */
public record Diagnostic(String file, Pos pos, String message) {

    /** {@code file:line:col: message}, then the source line, then a caret under the column. */
    public String format(String source) {
        return format(new SourceLines(source));
    }

    /** As {@link #format(String)}, with the lines found once for all of a file's diagnostics. */
    public String format(SourceLines lines) {
        if (pos.line() <= 0) {
            return file + ": " + message;
        }
        String header = file + ":" + pos.line() + ":" + pos.column() + ": " + message;
        String line = lines.line(pos.line());
        if (line == null) {
            return header;
        }
        String shown = visible(line);
        return header + "\n" + shown + "\n" + caretUnder(shown, pos.column());
    }

    /**
     * The line with control characters other than tab as '?', one for one so the caret still
     * lines up: a NUL or an escape sequence in a hostile file must not reach the terminal.
     */
    private static String visible(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            out.append(c != '\t' && Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }

    /**
     * Copies the tabs of the line before the column so that the caret lines up however the
     * terminal expands them.
     */
    private static String caretUnder(String line, int column) {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1; i++) {
            caret.append(i < line.length() && line.charAt(i) == '\t' ? '\t' : ' ');
        }
        return caret.append('^').toString();
    }
}
