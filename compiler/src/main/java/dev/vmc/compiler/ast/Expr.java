package dev.vmc.compiler.ast;

import java.util.List;

/**
 * An expression. Operators are kept as their source spelling: "+", "-", "*", "/", ".*", "./",
 * "%", "%/%", "^", the comparisons, "&&", "||", and "!" as a unary operator.
 */
public sealed interface Expr {
    Pos pos();

    record Num(Pos pos, double value, boolean isInteger) implements Expr {}

    record Var(Pos pos, String name) implements Expr {}

    record Unary(Pos pos, String op, Expr operand) implements Expr {}

    record Binary(Pos pos, String op, Expr left, Expr right) implements Expr {}

    record Call(Pos pos, String function, List<Expr> args) implements Expr {}

    /** {@code target[i]} with an integer or an integer array; {@code x[i, j]} indexes two dimensions. */
    record Index(Pos pos, Expr target, List<Expr> indices) implements Expr {}

    /** {@code m'} */
    /**
     * A slice among an index's positions: {@code a:b}, {@code a:}, {@code :b} or {@code :} (every
     * position); a missing end is null. It occurs only as one of {@link Index#indices()}.
     */
    record Slice(Pos pos, Expr lower, Expr upper) implements Expr {}

    record Transpose(Pos pos, Expr operand) implements Expr {}

    /**
     * {@code {a, b, c}} (an array) or {@code [a, b, c]} (a row_vector, as in Stan; {@code [a, b, c]'}
     * is its transpose, a vector): numbers made one container.
     */
    record Literal(Pos pos, List<Expr> elements, boolean array) implements Expr {}

    /** {@code condition ? then : otherwise}: one of two values by a scalar int, as in Stan. */
    record Conditional(Pos pos, Expr condition, Expr then, Expr otherwise) implements Expr {}
}
