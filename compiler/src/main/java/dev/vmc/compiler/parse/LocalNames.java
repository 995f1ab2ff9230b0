package dev.vmc.compiler.parse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Stan's nested scopes on vmc's one scope per program. A loop's variable or a local block's
 * declaration is seen only inside it, so two loops may both count with {@code k}; the checker,
 * the dependency analysis and the lowering know each name once, so a nested declaration of a
 * name already declared gets a fresh one ({@code k.2}: no program can spell it), and every use
 * inside its scope reads that. Messages show the name as written (see {@code ast.Names.shown}).
 */
final class LocalNames {
    private final Set<String> taken = new HashSet<>();
    private final Deque<Map<String, String>> scopes = new ArrayDeque<>();
    private int fresh;
    /** Inside a function's body every declaration gets a fresh name: the program's names come later. */
    private boolean inFunction;

    /** A block-level name, declared once per program (the checker reports a second one). */
    void declareGlobal(String name) {
        taken.add(name);
    }

    void open() {
        scopes.push(new HashMap<>());
    }

    void close() {
        scopes.pop();
    }

    /** Opens a function's scope: its parameters and locals, whatever their names, get names of their own. */
    void openFunction() {
        inFunction = true;
        open();
    }

    void closeFunction() {
        close();
        inFunction = false;
    }

    boolean nested() {
        return !scopes.isEmpty();
    }

    /** The name a nested declaration gets: its own where that is free, else a fresh one. */
    String declareNested(String name) {
        String unique = !inFunction && taken.add(name) ? name : name + "." + (++fresh + 1);
        taken.add(unique);
        scopes.peek().put(name, unique);
        return unique;
    }

    String resolve(String name) {
        for (Map<String, String> scope : scopes) {
            String unique = scope.get(name);
            if (unique != null) {
                return unique;
            }
        }
        return name;
    }
}
