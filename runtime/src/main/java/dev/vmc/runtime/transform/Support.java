package dev.vmc.runtime.transform;

/**
 * The set a variable's values live in. A latent's support decides its bijection to the
 * unconstrained space; a distribution's support is checked against the latent it models.
 */
public record Support(Kind kind, double lower, double upper) {

    public enum Kind {
        /** All reals. */
        REAL,
        /** (lower, inf). */
        LOWER,
        /** (-inf, upper). */
        UPPER,
        /** (lower, upper). */
        INTERVAL,
        /** Integers in [lower, upper]; either bound may be infinite. */
        INTEGER,
        /** (lower, upper) given by the distribution's own parameters (uniform); resolved by the caller. */
        PARAMETER_BOUNDED,
        /**
         * Vectors of non-negative values summing to 1. Not elementwise: a simplex of size K has
         * K - 1 unconstrained coordinates ({@link Bijections#unconstrainedShape}).
         */
        SIMPLEX,
        /** Vectors of strictly increasing reals; mapped whole, as a simplex is. */
        ORDERED,
        /** Vectors of strictly increasing positive reals. */
        POSITIVE_ORDERED,
        /** Vectors of Euclidean length 1. */
        UNIT_VECTOR,
        /** Lower Cholesky factors of correlation matrices (K x K); mapped whole, as the matrices below. */
        CHOLESKY_CORR,
        /** Lower-triangular M x N matrices (M >= N) with a positive diagonal. */
        CHOLESKY_COV,
        /** Correlation matrices: symmetric positive definite with a unit diagonal. */
        CORR_MATRIX,
        /** Covariance matrices: symmetric positive definite. */
        COV_MATRIX
    }

    public static final Support REAL = new Support(Kind.REAL, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    public static final Support POSITIVE = lower(0);
    public static final Support UNIT_INTERVAL = interval(0, 1);
    public static final Support NONNEGATIVE_INTEGER = integer(0, Double.POSITIVE_INFINITY);
    public static final Support BINARY = integer(0, 1);
    public static final Support SIMPLEX = new Support(Kind.SIMPLEX, 0, 1);
    public static final Support ORDERED = new Support(Kind.ORDERED, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    public static final Support POSITIVE_ORDERED = new Support(Kind.POSITIVE_ORDERED, 0, Double.POSITIVE_INFINITY);
    public static final Support UNIT_VECTOR = new Support(Kind.UNIT_VECTOR, -1, 1);
    public static final Support CHOLESKY_CORR = new Support(Kind.CHOLESKY_CORR, -1, 1);
    public static final Support CHOLESKY_COV = new Support(Kind.CHOLESKY_COV, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    public static final Support CORR_MATRIX = new Support(Kind.CORR_MATRIX, -1, 1);
    public static final Support COV_MATRIX = new Support(Kind.COV_MATRIX, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    public static final Support PARAMETER_BOUNDED =
            new Support(Kind.PARAMETER_BOUNDED, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public static Support lower(double lower) {
        return new Support(Kind.LOWER, lower, Double.POSITIVE_INFINITY);
    }

    public static Support upper(double upper) {
        return new Support(Kind.UPPER, Double.NEGATIVE_INFINITY, upper);
    }

    public static Support interval(double lower, double upper) {
        if (!(lower < upper)) {
            throw new IllegalArgumentException("empty interval (" + lower + ", " + upper + ")");
        }
        return new Support(Kind.INTERVAL, lower, upper);
    }

    public static Support integer(double lower, double upper) {
        return new Support(Kind.INTEGER, lower, upper);
    }

    /** The support of a real variable declared with optional bounds (null where absent). */
    public static Support ofBounds(Double lower, Double upper) {
        if (lower != null && upper != null) {
            return interval(lower, upper);
        }
        if (lower != null) {
            return lower(lower);
        }
        if (upper != null) {
            return upper(upper);
        }
        return REAL;
    }

    public boolean isDiscrete() {
        return kind == Kind.INTEGER;
    }

    public boolean contains(double x) {
        switch (kind) {
            case REAL: return !Double.isNaN(x);
            case LOWER: return x > lower;
            case UPPER: return x < upper;
            case INTERVAL: return x > lower && x < upper;
            case INTEGER: return x == Math.rint(x) && x >= lower && x <= upper;
            case SIMPLEX: return x >= 0 && x <= 1; // elementwise only: the sum is the whole vector's
            case ORDERED: return Double.isFinite(x); // elementwise only: the order is the whole vector's
            case POSITIVE_ORDERED: return x > 0 && x < Double.POSITIVE_INFINITY;
            case UNIT_VECTOR, CHOLESKY_CORR, CORR_MATRIX: return x >= -1 && x <= 1;
            case CHOLESKY_COV, COV_MATRIX: return Double.isFinite(x);
            default: return !Double.isNaN(x);
        }
    }

    /** Whether the support is a set of vectors rather than of numbers, so one value is a whole vector. */
    public boolean isVectorValued() {
        return kind == Kind.SIMPLEX || kind == Kind.ORDERED || kind == Kind.POSITIVE_ORDERED || kind == Kind.UNIT_VECTOR;
    }

    /** Whether the support is a set of matrices, so one value is a whole matrix (the last two axes). */
    public boolean isMatrixValued() {
        return kind == Kind.CHOLESKY_CORR || kind == Kind.CHOLESKY_COV || kind == Kind.CORR_MATRIX || kind == Kind.COV_MATRIX;
    }

    /** Whether one value is a whole vector or matrix, mapped to the unconstrained space at once. */
    public boolean isBlockValued() {
        return isVectorValued() || isMatrixValued();
    }

    /** How the language writes this support, for messages: {@code <lower=0>} and the like. */
    public String describe() {
        switch (kind) {
            case REAL: return "the real line";
            case LOWER: return "(" + fmt(lower) + ", inf)";
            case UPPER: return "(-inf, " + fmt(upper) + ")";
            case INTERVAL: return "(" + fmt(lower) + ", " + fmt(upper) + ")";
            case INTEGER:
                if (lower == 0 && upper == 1) {
                    return "{0, 1}";
                }
                if (Double.isInfinite(lower) || Double.isInfinite(upper)) {
                    return Double.isInfinite(lower) && Double.isInfinite(upper) ? "the integers"
                            : Double.isInfinite(upper) ? "integers >= " + fmt(lower) : "integers <= " + fmt(upper);
                }
                return "integers in [" + fmt(lower) + ", " + fmt(upper) + "]";
            case SIMPLEX: return "the unit simplex";
            case ORDERED: return "ordered vectors";
            case POSITIVE_ORDERED: return "positive ordered vectors";
            case UNIT_VECTOR: return "unit vectors";
            case CHOLESKY_CORR: return "Cholesky factors of correlation matrices";
            case CHOLESKY_COV: return "Cholesky factors of covariance matrices";
            case CORR_MATRIX: return "correlation matrices";
            case COV_MATRIX: return "covariance matrices";
            default: return "an interval set by its parameters";
        }
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    @Override
    public String toString() {
        return describe();
    }
}
