package dev.vmc.runtime.transform;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;

/**
 * The map between a support and the unconstrained space that inference works in, chosen by
 * the support as in Stan: identity for reals, exp above a lower bound, -exp below an upper
 * bound, a scaled logistic for an interval; stick-breaking for a simplex, cumulative sums of
 * exp for ordered vectors, y / |y| for unit vectors (maps of whole vectors, {@link BlockMap}:
 * see {@link #unconstrainedShape}). Graph versions for the model; scalar
 * versions for initial values and for reading fitted parameters back.
 */
public final class Bijections {
    private Bijections() {}

    /**
     * The map for a continuous support. An infinite bound counts as absent, so an interval
     * declared with one infinite end gets the one-sided map.
     *
     * @throws IllegalArgumentException for discrete supports, which have no such map, and for
     *     parameter-bounded ones, whose bounds the caller must resolve first
     */
    public static Bijection forSupport(Support s) {
        switch (s.kind()) {
            case INTEGER:
                throw new IllegalArgumentException("a discrete variable (" + s.describe() + ") has no map to the unconstrained space");
            case PARAMETER_BOUNDED:
                throw new IllegalArgumentException("a support bounded by distribution parameters must be resolved to its bounds first");
            case SIMPLEX, ORDERED, POSITIVE_ORDERED, UNIT_VECTOR, CHOLESKY_CORR, CHOLESKY_COV, CORR_MATRIX, COV_MATRIX:
                throw new IllegalArgumentException(s.describe() + " are not mapped elementwise but a vector or matrix at a time");
            default:
                break;
        }
        boolean hasLower = s.kind() != Support.Kind.REAL && s.kind() != Support.Kind.UPPER && Double.isFinite(s.lower());
        boolean hasUpper = s.kind() != Support.Kind.REAL && s.kind() != Support.Kind.LOWER && Double.isFinite(s.upper());
        if (hasLower && hasUpper) {
            return new ScaledLogistic(s.lower(), s.upper());
        }
        if (hasLower) {
            return new LowerBounded(s.lower());
        }
        if (hasUpper) {
            return new UpperBounded(s.upper());
        }
        return new Identity();
    }

    /**
     * The map of a support whose values are whole blocks (the last axis of {@code shape}), or
     * null for an elementwise support.
     */
    static BlockMap blockMap(Support s, int[] shape) {
        if (s.isMatrixValued()) {
            if (shape.length < 2 || shape[shape.length - 1] < 1) {
                throw new IllegalArgumentException(s.describe() + " need non-empty matrices, not shape " + java.util.Arrays.toString(shape));
            }
            int rows = shape[shape.length - 2];
            int cols = shape[shape.length - 1];
            if (s.kind() != Support.Kind.CHOLESKY_COV && rows != cols) {
                throw new IllegalArgumentException(s.describe() + " are square, not " + rows + " x " + cols);
            }
            switch (s.kind()) {
                case CHOLESKY_CORR: return new CholeskyCorrMap(rows);
                case CHOLESKY_COV: return new CholeskyCovMap(rows, cols);
                case CORR_MATRIX: return new CorrMatrixMap(rows);
                default: return new CovMatrixMap(rows);
            }
        }
        if (!s.isVectorValued()) {
            return null;
        }
        if (shape.length < 1 || shape[shape.length - 1] < 1) {
            throw new IllegalArgumentException(s.describe() + " need non-empty vectors, not shape " + java.util.Arrays.toString(shape));
        }
        int size = shape[shape.length - 1];
        switch (s.kind()) {
            case SIMPLEX: return new SimplexMap(size);
            case ORDERED: return new OrderedMap(size, false);
            case POSITIVE_ORDERED: return new OrderedMap(size, true);
            default: return new UnitVectorMap(size);
        }
    }

    /** The trailing axes one value of a vector or matrix support takes: 1 for vectors, 2 for matrices. */
    public static int blockRank(Support s) {
        return s.isMatrixValued() ? 2 : 1;
    }

    /** How a guide's plan names the map of a support: "exp", "stick-breaking"; empty for the identity. */
    public static String describeMap(Support s, int[] shape) {
        BlockMap block = s.isBlockValued() ? blockMap(s, shape) : null;
        if (block != null) {
            return block.describe();
        }
        switch (s.kind()) {
            case LOWER: return "exp";
            case UPPER: return "-exp";
            case INTERVAL: return "a scaled logit";
            default: return "";
        }
    }

    /**
     * The shape of a value's unconstrained coordinates: its own shape for every elementwise
     * map; for a map of whole vectors (a simplex's, an array of simplexes'), each vector's free
     * values in place of its elements (one fewer for a simplex: its sum is fixed); none for a
     * discrete value.
     */
    public static int[] unconstrainedShape(int[] shape, Support s) {
        if (s.isDiscrete()) {
            return new int[] {0}; // a discrete value has no coordinates on the unconstrained space
        }
        BlockMap block = blockMap(s, shape);
        if (block == null) {
            return shape;
        }
        int[] free = java.util.Arrays.copyOf(shape, shape.length - blockRank(s) + 1);
        free[free.length - 1] = block.freeSize();
        return free;
    }

    /**
     * The constrained value of an unconstrained node, elementwise (a whole vector at a time for
     * a simplex and the other vector supports); for reals the node itself. A matrix support
     * needs the constrained shape: see {@link #constrain(Graph, Node, Support, int[])}.
     */
    public static Node constrain(Graph g, Node unconstrained, Support s) {
        return constrain(g, unconstrained, s, null);
    }

    /**
     * The constrained value of an unconstrained node whose constrained shape is {@code shape}
     * (without particles), which a matrix support needs: a cholesky_factor_cov's free values do
     * not say its rows and columns.
     */
    public static Node constrain(Graph g, Node unconstrained, Support s, int[] shape) {
        if (s.isBlockValued()) {
            BlockMap block = blockMap(s, constrainedShape(unconstrained.shape, s, shape));
            int[] blockShape = s.isMatrixValued() ? java.util.Arrays.copyOfRange(shape, shape.length - 2, shape.length)
                    : new int[] {block.size()};
            return g.apply(new BlockConstrainOp(block, blockShape), unconstrained);
        }
        Bijection map = forSupport(s);
        if (map instanceof Identity) {
            return unconstrained;
        }
        return g.apply(new ConstrainOp(map), unconstrained);
    }

    /** The constrained shape: as given, or for a vector support from the free values' shape. */
    private static int[] constrainedShape(int[] free, Support s, int[] shape) {
        if (shape != null) {
            return shape;
        }
        if (s.isMatrixValued()) {
            throw new IllegalArgumentException(s.describe() + " need their shape to be mapped");
        }
        int[] out = free.clone();
        out[out.length - 1] = s.kind() == Support.Kind.SIMPLEX ? free[free.length - 1] + 1 : free[free.length - 1];
        return out;
    }

    /**
     * log |det d constrain / d u| summed over the node's elements: one value per particle if
     * the node has particles, else one shared value (a constant 0 for reals). For a unit vector
     * it is Stan's -u'u / 2, which makes the many-to-one map proper.
     */
    public static Node logAbsDetJacobian(Graph g, Node unconstrained, Support s) {
        return logAbsDetJacobian(g, unconstrained, s, null);
    }

    /** As {@link #logAbsDetJacobian(Graph, Node, Support)}, for a value of constrained shape {@code shape}. */
    public static Node logAbsDetJacobian(Graph g, Node unconstrained, Support s, int[] shape) {
        if (s.isBlockValued()) {
            return g.apply(new BlockJacobianOp(blockMap(s, constrainedShape(unconstrained.shape, s, shape))), unconstrained);
        }
        Bijection map = forSupport(s);
        if (map instanceof Identity) {
            return g.constant(0);
        }
        return g.apply(new LogJacobianOp(map), unconstrained);
    }

    /**
     * The unconstrained coordinates of a value of a vector support (row-major, the vectors along
     * the last axis of {@code shape}), from a value in its interior.
     *
     * @throws IllegalArgumentException naming the vector and the element that is outside
     */
    public static double[] unconstrainBlocks(double[] x, int[] shape, Support s) {
        BlockMap block = blockMap(s, shape);
        int blocks = x.length / block.size();
        double[] y = new double[blocks * block.freeSize()];
        for (int b = 0; b < blocks; b++) {
            String problem = block.outside(x, b * block.size());
            if (problem != null) {
                throw new IllegalArgumentException((blocks > 1 ? blockWord(s) + (b + 1) + ": " : "") + problem
                        + ", so it is not in " + s.describe());
            }
            block.unconstrain(x, b * block.size(), y, b * block.freeSize());
        }
        return y;
    }

    private static String blockWord(Support s) {
        return s.isMatrixValued() ? "matrix " : "vector ";
    }

    /** The constrained values of a vector support's unconstrained coordinates; {@code shape} is the constrained shape. */
    public static double[] constrainBlocks(double[] y, int[] shape, Support s) {
        BlockMap block = blockMap(s, shape);
        int blocks = y.length / Math.max(1, block.freeSize());
        double[] x = new double[blocks * block.size()];
        for (int b = 0; b < blocks; b++) {
            block.constrain(y, b * block.freeSize(), x, b * block.size());
        }
        return x;
    }

    /**
     * Why a value of a vector support is not in it, naming the vector (1-based, when there are
     * several) and element, or null when every vector is.
     */
    public static String outside(double[] x, int[] shape, Support s) {
        BlockMap block = blockMap(s, shape);
        int blocks = x.length / block.size();
        for (int b = 0; b < blocks; b++) {
            String problem = block.outside(x, b * block.size());
            if (problem != null) {
                return (blocks > 1 ? blockWord(s) + (b + 1) + ": " : "") + problem;
            }
        }
        return null;
    }

    /** A simplex's unconstrained coordinates (one fewer) from a point strictly inside it. */
    public static double[] unconstrainSimplex(double[] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("an empty vector is not on the unit simplex");
        }
        return unconstrainBlocks(x, new int[] {x.length}, Support.SIMPLEX);
    }

    /** The simplex that unconstrained coordinates y map to (one more value than y). */
    public static double[] constrainSimplex(double[] y) {
        return constrainBlocks(y, new int[] {y.length + 1}, Support.SIMPLEX);
    }

    /** The unconstrained value of x; x must be finite and inside the support. */
    public static double unconstrain(double x, Support s) {
        if (!Double.isFinite(x) || !s.contains(x)) {
            throw new IllegalArgumentException("value " + x + " is outside the support " + s.describe());
        }
        return forSupport(s).unconstrain(x);
    }

    /** The constrained value of u; an overflowing u gives the support's edge (or infinity). */
    public static double constrain(double u, Support s) {
        if (Double.isNaN(u)) {
            throw new IllegalArgumentException("cannot constrain NaN to " + s.describe());
        }
        return forSupport(s).constrain(u);
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
