package dev.vmc.compiler.ast;

import java.util.List;

/**
 * A type as written: {@code array[N] int<lower=0, upper=1>}, {@code vector<lower=0>[J]},
 * {@code matrix[N, K]}, {@code simplex[K]}. Sizes and bounds are expressions over data.
 *
 * @param base      the element kind
 * @param arrayDims sizes of the enclosing {@code array[...]}, outermost first; empty if none
 * @param dims      the container's own sizes: none for int and real, one for vector and simplex, two for matrix
 * @param lower     lower bound, or null
 * @param upper     upper bound, or null
 */
public record TypeExpr(Pos pos, Base base, List<Expr> arrayDims, List<Expr> dims, Expr lower, Expr upper) {
    public enum Base {
        INT, REAL, VECTOR, ROW_VECTOR, MATRIX,
        /** A vector of non-negative values summing to 1; typed as a vector, constrained as a simplex. */
        SIMPLEX;

        public String keyword() {
            return name().toLowerCase();
        }
    }
}
