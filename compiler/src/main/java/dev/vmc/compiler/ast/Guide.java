package dev.vmc.compiler.ast;

import java.util.List;

/** The variational family: an automatic guide, or one written out. */
public sealed interface Guide {
    Pos pos();

    /**
     * {@code guide meanfield;}, {@code guide lowrank;}, {@code guide fullrank;}, or {@code guide auto;}
     * (the default when a file has no guide): the family chosen from Pathfinder's start.
     */
    record Auto(Pos pos, String family) implements Guide {}

    /** {@code guide { params { ... } stmts }}: one ~ statement per latent. */
    record Explicit(Pos pos, List<Decl> params, List<Stmt> body) implements Guide {}
}
