package dev.vmc.compiler.diag;

import dev.vmc.compiler.ast.Pos;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one file so a phase can keep going after the first. */
public final class Diagnostics {
    private final String file;
    private final String source;
    private final List<Diagnostic> found = new ArrayList<>();

    public Diagnostics(String file, String source) {
        this.file = file;
        this.source = source;
    }

    public void error(Pos pos, String message) {
        found.add(new Diagnostic(file, pos, message));
    }

    public boolean any() {
        return !found.isEmpty();
    }

    public List<Diagnostic> all() {
        return List.copyOf(found);
    }

    /** Ends the phase: throws if anything was reported. */
    public void throwIfAny() {
        if (any()) {
            throw new CompileException(found, source);
        }
    }
}
