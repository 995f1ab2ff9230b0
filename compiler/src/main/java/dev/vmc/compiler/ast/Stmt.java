package dev.vmc.compiler.ast;

import java.util.List;

/**
 * A statement of a block: the model, the guide, and Stan's transformed data, transformed
 * parameters and generated quantities, which run as written (see lower/StatementInterpreter).
 */
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

    /**
     * {@code x = e;}, {@code x[i, j] = e;}, {@code x[a:b] = e;} or a compound {@code x += e;}:
     * {@code op} is "=" or the compound's operator ("+", "-", "*", "/", ".*", "./").
     *
     * @param indices the target's indices as in {@link Expr.Index}; empty for the whole variable
     */
    record Assign(Pos pos, String name, Pos namePos, List<Expr> indices, String op, Expr value) implements Stmt {
        /** The target as an expression: what a compound assignment reads. */
        public Expr target() {
            Expr.Var var = new Expr.Var(namePos, name);
            return indices.isEmpty() ? var : new Expr.Index(namePos, var, indices);
        }
    }

    /** {@code if (condition) then else otherwise}; {@code otherwise} is empty without an else. */
    record If(Pos pos, Expr condition, List<Stmt> then, List<Stmt> otherwise) implements Stmt {}

    /**
     * {@code for (i in lower:upper) body}; {@code variable} declares the loop's int, read-only.
     * With {@code upper} null it is {@code for (x in lower) body}: x takes each element of the
     * container {@code lower} in turn (the checker gives the declaration its element type).
     */
    record For(Pos pos, Decl variable, Expr lower, Expr upper, List<Stmt> body) implements Stmt {
        public boolean overElements() {
            return upper == null;
        }
    }

    record While(Pos pos, Expr condition, List<Stmt> body) implements Stmt {}

    record Break(Pos pos) implements Stmt {}

    record Continue(Pos pos) implements Stmt {}

    /** A local block {@code { decls; stmts }}: its declarations are seen only inside it. */
    record Block(Pos pos, List<Stmt> body) implements Stmt {}

    /** {@code print(...)} or {@code reject(...)}: each item a string literal (a {@link String}) or an {@link Expr}. */
    record Print(Pos pos, List<Object> items, boolean reject) implements Stmt {}

    /** {@code f(args);}: a call of a void user-defined function. */
    record Call(Pos pos, Expr.Call call) implements Stmt {}

    /** {@code return e;} (or {@code return;}): only in a function's body. */
    record Return(Pos pos, Expr value) implements Stmt {}
}
