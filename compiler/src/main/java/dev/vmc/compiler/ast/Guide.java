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

    /**
     * {@code guide { params { ... } auto a, b; stmts }}: one ~ statement per latent, but for
     * those {@code automatic} leaves to the automatic guide (null when it leaves none).
     */
    record Explicit(Pos pos, List<Decl> params, Automatic automatic, List<Stmt> body) implements Guide {
        public Explicit(Pos pos, List<Decl> params, List<Stmt> body) {
            this(pos, params, null, body);
        }

        /** The latents left to the automatic guide, in the order written; empty when none. */
        public List<String> automaticNames() {
            return automatic == null ? List.of() : automatic.latents().stream().map(Expr.Var::name).toList();
        }
    }

    /** {@code auto a, b;} (or meanfield, lowrank, fullrank) at the head of a guide block. */
    record Automatic(Pos pos, String family, List<Expr.Var> latents) {
        public Automatic {
            latents = List.copyOf(latents);
        }
    }
}
