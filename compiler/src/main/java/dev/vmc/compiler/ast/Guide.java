package dev.vmc.compiler.ast;

import java.util.List;

/** The variational family: an automatic guide, or one written out. */
public sealed interface Guide {
    Pos pos();

    /** {@code guide meanfield;} or {@code guide fullrank;} (and the default when a file has no guide). */
    record Auto(Pos pos, String family) implements Guide {}

    /** {@code guide { params { ... } stmts }}: one ~ statement per latent. */
    record Explicit(Pos pos, List<Decl> params, List<Stmt> body) implements Guide {}
}
