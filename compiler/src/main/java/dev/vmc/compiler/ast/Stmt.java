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

    /**
     * {@code variate ~ dist(args);} — a prior, a likelihood, or in the guide a guide site.
     *
     * @param guard the condition of the {@code if} it sits in (branches flattened, their
     *              conditions joined by &&), or null: its term counts only where the guard is not 0
     */
    record Sample(Pos pos, Expr variate, String distribution, Pos distributionPos, List<Expr> args, Expr guard)
            implements Stmt {
        public Sample(Pos pos, Expr variate, String distribution, Pos distributionPos, List<Expr> args) {
            this(pos, variate, distribution, distributionPos, args, null);
        }
    }

    /** {@code target += expr;} — adds a summed expression to the log density; {@code guard} as for {@link Sample}. */
    record TargetAdd(Pos pos, Expr value, Expr guard) implements Stmt {
        public TargetAdd(Pos pos, Expr value) {
            this(pos, value, null);
        }
    }
}
