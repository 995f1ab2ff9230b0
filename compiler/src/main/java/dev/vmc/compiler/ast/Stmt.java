package dev.vmc.compiler.ast;

import java.util.List;

/** A statement of the model or guide block. */
public sealed interface Stmt {
    Pos pos();

    /** A local typed definition: {@code vector[N] eta = X * beta;}. */
    record Define(Decl decl) implements Stmt {
        public Pos pos() {
            return decl.pos();
        }
    }

    /** {@code variate ~ dist(args);} — a prior, a likelihood, or in the guide a guide site. */
    record Sample(Pos pos, Expr variate, String distribution, Pos distributionPos, List<Expr> args) implements Stmt {}

    /** {@code target += expr;} — adds a summed expression to the log density. */
    record TargetAdd(Pos pos, Expr value) implements Stmt {}
}
