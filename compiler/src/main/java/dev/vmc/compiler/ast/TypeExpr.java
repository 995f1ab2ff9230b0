package dev.vmc.compiler.ast;

import dev.vmc.runtime.transform.Support;
import java.util.List;

/**
 * A type as written: {@code array[N] int<lower=0, upper=1>}, {@code vector<lower=0>[J]},
 * {@code matrix[N, K]}, {@code simplex[K]}, {@code vector<offset=mu, multiplier=tau>[J]}. Sizes
 * are expressions over data; a latent's bounds, offset and multiplier may also use earlier
 * latents.
 *
 * @param base      the element kind
 * @param arrayDims sizes of the enclosing {@code array[...]}, outermost first; empty if none
 * @param dims      the container's own sizes: none for int and real, one for vector and the
 *                  constrained vectors, two for matrix; one or two for the constrained matrices
 *                  as written (cholesky_factor_cov[M] or [M, N])
 * @param lower     lower bound, or null
 * @param upper     upper bound, or null
 * @param offset     offset, or null
 * @param multiplier multiplier, or null
 */
public record TypeExpr(Pos pos, Base base, List<Expr> arrayDims, List<Expr> dims, Expr lower, Expr upper, Expr offset,
        Expr multiplier) {
    public TypeExpr(Pos pos, Base base, List<Expr> arrayDims, List<Expr> dims, Expr lower, Expr upper) {
        this(pos, base, arrayDims, dims, lower, upper, null, null);
    }

    /**
     * The value's own sizes: {@link #dims} but a square matrix's one size written twice, so
     * that cholesky_factor_corr[K] is K x K and cholesky_factor_cov[M] is M x M.
     */
    public List<Expr> valueDims() {
        return base.isConstrainedMatrix() && dims.size() == 1 ? List.of(dims.get(0), dims.get(0)) : dims;
    }

    public enum Base {
        INT, REAL, VECTOR, ROW_VECTOR, MATRIX,
        /** A vector of non-negative values summing to 1; typed as a vector, constrained as a simplex. */
        SIMPLEX,
        /** A vector of strictly increasing values; typed as a vector. */
        ORDERED,
        /** A vector of strictly increasing positive values; typed as a vector. */
        POSITIVE_ORDERED,
        /** A vector of length 1; typed as a vector. */
        UNIT_VECTOR,
        /** The lower Cholesky factor of a correlation matrix; typed as a matrix. */
        CHOLESKY_FACTOR_CORR,
        /** The lower Cholesky factor (positive diagonal) of a covariance matrix, M x N with M >= N; typed as a matrix. */
        CHOLESKY_FACTOR_COV,
        /** A correlation matrix; typed as a matrix. */
        CORR_MATRIX,
        /** A covariance matrix (symmetric positive definite); typed as a matrix. */
        COV_MATRIX;

        public String keyword() {
            return name().toLowerCase();
        }

        /** Whether the type is a vector whose values are constrained together (simplex, ordered, ...). */
        public boolean isConstrainedVector() {
            return this == SIMPLEX || this == ORDERED || this == POSITIVE_ORDERED || this == UNIT_VECTOR;
        }

        /** Whether the type is a matrix whose values are constrained together (a Cholesky factor, ...). */
        public boolean isConstrainedMatrix() {
            return this == CHOLESKY_FACTOR_CORR || this == CHOLESKY_FACTOR_COV || this == CORR_MATRIX || this == COV_MATRIX;
        }

        /** The support the type itself gives (a simplex's, an ordered vector's, ...), or null where its bounds decide. */
        public Support blockSupport() {
            return switch (this) {
                case SIMPLEX -> Support.SIMPLEX;
                case ORDERED -> Support.ORDERED;
                case POSITIVE_ORDERED -> Support.POSITIVE_ORDERED;
                case UNIT_VECTOR -> Support.UNIT_VECTOR;
                case CHOLESKY_FACTOR_CORR -> Support.CHOLESKY_CORR;
                case CHOLESKY_FACTOR_COV -> Support.CHOLESKY_COV;
                case CORR_MATRIX -> Support.CORR_MATRIX;
                case COV_MATRIX -> Support.COV_MATRIX;
                default -> null;
            };
        }
    }
}
