package dev.vmc.compiler.diag;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A program that does not compile. It carries every problem found, in source order, and its
 * message is all of them formatted with their source lines, ready to print.
 */
public final class CompileException extends RuntimeException {
    private static final Comparator<Diagnostic> SOURCE_ORDER = Comparator
            .comparingInt((Diagnostic d) -> d.pos().line())
            .thenComparingInt(d -> d.pos().column());

    private final List<Diagnostic> diagnostics;
    private final String source;

    public CompileException(List<Diagnostic> diagnostics, String source) {
        super(null, null, false, false);
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a compile error needs at least one diagnostic");
        }
        this.diagnostics = diagnostics.stream().sorted(SOURCE_ORDER).toList();
        this.source = source;
    }

    /** The problems in source order; a stable sort keeps the finding order within one place. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public String source() {
        return source;
    }

    @Override
    public String getMessage() {
        SourceLines lines = new SourceLines(source);
        return diagnostics.stream().map(d -> d.format(lines)).collect(Collectors.joining("\n"));
    }
}
