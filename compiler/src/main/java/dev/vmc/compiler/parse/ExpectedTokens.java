package dev.vmc.compiler.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Says in words what the parser was looking for. ANTLR's raw expected sets list every
 * operator that could continue an expression; a reader wants the one token that is missing,
 * or the kind of thing that should come next.
 */
final class ExpectedTokens {
    private static final List<String> BLOCKS =
            List.of("'data'", "'params'", "'networks'", "'latent'", "'derived'", "'model'", "'guide'");
    private static final List<String> TYPES = List.of("'int'", "'real'", "'vector'", "'matrix'", "'simplex'", "'ordered'",
            "'positive_ordered'", "'unit_vector'", "'cholesky_factor_corr'", "'cholesky_factor_cov'", "'corr_matrix'",
            "'cov_matrix'", "'array'");
    private static final List<String> CLOSERS =
            List.of("')'", "']'", "','", "'>'", "'='", "'~'", "'{'", "'}'", "'+='");

    private ExpectedTokens() {}

    static String describe(IntervalSet expected, Vocabulary vocabulary, String nameMeaning) {
        Set<String> names = new LinkedHashSet<>();
        for (int type : expected.toArray()) {
            names.add(type == Token.EOF ? "EOF" : vocabulary.getDisplayName(type));
        }
        if (names.containsAll(BLOCKS)) {
            return "a block (data, transformed data, params, networks, latent or parameters, derived or transformed parameters,"
                    + " model, generated quantities or guide)";
        }
        if (names.containsAll(TYPES) && names.contains("'target'")) {
            return "a statement or '}'";
        }
        if (names.containsAll(TYPES) && names.contains("'}'")) {
            return "a declaration or '}'";
        }
        // After a complete expression every operator could follow too; the terminator is
        // what was forgotten.
        if (names.contains("';'")) {
            return "';'";
        }
        List<String> closers = new ArrayList<>();
        for (String closer : CLOSERS) {
            // where an expression may start, '{' opens an array literal rather than closing anything
            if (names.contains(closer) && !(closer.equals("'{'") && names.contains("INT_LITERAL"))) {
                closers.add(closer);
            }
        }
        if (!closers.isEmpty()) {
            if (names.contains("ID")) {
                closers.add(0, nameMeaning);
            }
            return joinWithOr(closers);
        }
        if (names.contains("ID") && names.contains("INT_LITERAL")) {
            return "an expression";
        }
        if (names.contains("ID")) {
            return nameMeaning;
        }
        if (names.containsAll(TYPES)) {
            return "a type";
        }
        return joinWithOr(new ArrayList<>(names));
    }

    static String joinWithOr(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }
}
