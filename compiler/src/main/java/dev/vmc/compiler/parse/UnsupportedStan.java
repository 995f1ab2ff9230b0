package dev.vmc.compiler.parse;

import dev.vmc.compiler.diag.Diagnostics;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Stan constructs vmc does not read, recognised from the tokens before parsing so that each
 * gets its name and the fix rather than a syntax error about the token it happens to break on:
 * Stan's removed syntax (old arrays, {@code <-}, {@code increment_log_prob}), its
 * preprocessor, profiling blocks, and types vmc has not got.
 */
final class UnsupportedStan {
    private UnsupportedStan() {}

    /** Type names of Stan's that vmc has not got, as the first word of a declaration. */
    private static final List<String> TYPES = List.of("complex", "complex_vector", "complex_row_vector",
            "complex_matrix", "tuple");

    static void report(List<Token> tokens, Diagnostics diagnostics) {
        List<Token> visible = tokens.stream().filter(t -> t.getChannel() == Token.DEFAULT_CHANNEL).toList();
        for (int i = 0; i < visible.size(); i++) {
            Token token = visible.get(i);
            String message = messageAt(visible, i);
            if (message != null) {
                diagnostics.error(Positions.of(token), message);
            }
        }
    }

    private static String messageAt(List<Token> tokens, int i) {
        String text = tokens.get(i).getText();
        String next = i + 1 < tokens.size() ? tokens.get(i + 1).getText() : "";
        String previous = i > 0 ? tokens.get(i - 1).getText() : "";
        if (text.equals("#") && next.equals("include")) {
            return "#include is not supported: paste the included file's text in its place";
        }
        if (text.equals("<") && next.equals("-") && adjacent(tokens.get(i), tokens.get(i + 1))
                && !previous.equals("(") && isStatementStartBefore(tokens, i)) {
            return "'<-' is Stan's old assignment, removed in Stan 2.33: write '=' instead";
        }
        if (isOldArrayDeclaration(tokens, i)) {
            return "Stan's old array syntax was removed in Stan 2.33: write 'array" + sizesAfter(tokens, i) + " "
                    + typeWritten(tokens, i) + " " + text + "'";
        }
        if (text.equals("increment_log_prob") && next.equals("(")) {
            return "increment_log_prob(...) is Stan's old form, removed in Stan 2.33: write 'target += ...;'";
        }
        if (text.equals("get_lp") && next.equals("(")) {
            return "get_lp() is Stan's old form, removed in Stan 2.33: write target()";
        }
        if (text.equals("profile") && next.equals("(") && isStatementStart(previous)) {
            return "profile blocks are not supported: remove 'profile(...)' and keep the braces and statements inside";
        }
        if (TYPES.contains(text) && isStatementStart(previous) && i + 1 < tokens.size()
                && (Character.isLetter(next.charAt(0)) || next.equals("[") || next.equals("<"))) {
            return text.startsWith("tuple") ? "tuples are not supported" : "complex numbers are not supported";
        }
        return null;
    }

    private static final List<String> TYPE_WORDS = List.of("int", "real", "vector", "row_vector", "matrix", "simplex",
            "ordered", "positive_ordered", "unit_vector", "cholesky_factor_corr", "cholesky_factor_cov", "corr_matrix",
            "cov_matrix");

    /** 'real y[N];' or 'vector[K] b[J];': a declaration whose name is followed by sizes. */
    private static boolean isOldArrayDeclaration(List<Token> tokens, int i) {
        if (i + 1 >= tokens.size() || !tokens.get(i + 1).getText().equals("[")
                || !Character.isLetter(tokens.get(i).getText().charAt(0)) || TYPE_WORDS.contains(tokens.get(i).getText())) {
            return false;
        }
        int start = statementStart(tokens, i);
        int angles = 0;
        for (int k = start; k < i; k++) {
            String t = tokens.get(k).getText();
            angles += t.equals("<") ? 1 : t.equals(">") ? -1 : 0;
            if (t.equals("=") && angles == 0) {
                return false;
            }
        }
        return start < i && TYPE_WORDS.contains(tokens.get(start).getText())
                && (start == i - 1 || tokens.get(i - 1).getText().equals("]") || tokens.get(i - 1).getText().equals(">"));
    }

    /** The type as written before the name at i: 'real', 'vector[K]'. */
    private static String typeWritten(List<Token> tokens, int i) {
        StringBuilder text = new StringBuilder();
        for (int k = statementStart(tokens, i); k < i; k++) {
            String t = tokens.get(k).getText();
            text.append(t.equals(",") ? ", " : t);
        }
        return text.toString();
    }

    /** The brackets after the name at i, as written: '[N, 2]'. */
    private static String sizesAfter(List<Token> tokens, int i) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (int k = i + 1; k < tokens.size(); k++) {
            String t = tokens.get(k).getText();
            depth += t.equals("[") ? 1 : t.equals("]") ? -1 : 0;
            text.append(t.equals(",") ? ", " : t);
            if (depth == 0) {
                break;
            }
        }
        return text.toString();
    }

    private static int statementStart(List<Token> tokens, int i) {
        int k = i;
        while (k > 0 && !isStatementStart(tokens.get(k - 1).getText())) {
            k--;
        }
        return k;
    }

    /** Whether the '<' at i begins a statement's assignment: 'x <- e' or 'x[i] <- e'. */
    private static boolean isStatementStartBefore(List<Token> tokens, int i) {
        int j = i - 1;
        if (j >= 0 && tokens.get(j).getText().equals("]")) {
            int depth = 0;
            for (; j >= 0; j--) {
                String t = tokens.get(j).getText();
                depth += t.equals("]") ? 1 : t.equals("[") ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            j--;
        }
        return j >= 1 && Character.isLetter(tokens.get(j).getText().charAt(0)) && isStatementStart(tokens.get(j - 1).getText());
    }

    private static boolean isStatementStart(String previous) {
        return previous.equals(";") || previous.equals("{") || previous.equals("}") || previous.equals(")");
    }

    private static boolean adjacent(Token a, Token b) {
        return a.getStopIndex() + 1 == b.getStartIndex();
    }
}
