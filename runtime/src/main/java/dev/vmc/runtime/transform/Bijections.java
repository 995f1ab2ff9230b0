package dev.vmc.runtime.transform;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;

/**
 * The map between a support and the unconstrained space that inference works in, chosen by
 * the support as in Stan: identity for reals, exp above a lower bound, -exp below an upper
 * bound, a scaled logistic for an interval, stick-breaking for a simplex (the one map that is
 * not elementwise: see {@link #unconstrainedShape}). Graph versions for the model; scalar
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
            case SIMPLEX:
                throw new IllegalArgumentException("the simplex is not mapped elementwise; its map is stick-breaking, on whole vectors");
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
     * The shape of a value's unconstrained coordinates: its own shape for every elementwise
     * map, one fewer along the vector for a simplex (its values' sum is fixed), none for a
     * discrete value.
     */
    public static int[] unconstrainedShape(int[] shape, Support s) {
        if (s.isDiscrete()) {
            return new int[] {0}; // a discrete value has no coordinates on the unconstrained space
        }
        if (s.kind() != Support.Kind.SIMPLEX) {
            return shape;
        }
        if (shape.length != 1 || shape[0] < 1) {
            throw new IllegalArgumentException("a simplex is one non-empty vector, not shape " + java.util.Arrays.toString(shape));
        }
        return new int[] {shape[0] - 1};
    }

    /**
     * The constrained value of an unconstrained node, elementwise (a whole vector for a
     * simplex); for reals the node itself.
     */
    public static Node constrain(Graph g, Node unconstrained, Support s) {
        if (s.kind() == Support.Kind.SIMPLEX) {
            return g.apply(new StickBreakingOp(), unconstrained);
        }
        Bijection map = forSupport(s);
        if (map instanceof Identity) {
            return unconstrained;
        }
        return g.apply(new ConstrainOp(map), unconstrained);
    }

    /**
     * log |det d constrain / d u| summed over the node's elements: one value per particle if
     * the node has particles, else one shared value (a constant 0 for reals).
     */
    public static Node logAbsDetJacobian(Graph g, Node unconstrained, Support s) {
        if (s.kind() == Support.Kind.SIMPLEX) {
            return g.apply(new StickBreakingJacobianOp(), unconstrained);
        }
        Bijection map = forSupport(s);
        if (map instanceof Identity) {
            return g.constant(0);
        }
        return g.apply(new LogJacobianOp(map), unconstrained);
    }

    /** A simplex's unconstrained coordinates (one fewer) from a point strictly inside it. */
    public static double[] unconstrainSimplex(double[] x) {
        double sum = 0;
        for (double v : x) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("value " + v + " is not strictly inside the unit simplex");
            }
            sum += v;
        }
        if (x.length == 0 || Math.abs(sum - 1) > 1e-8) {
            throw new IllegalArgumentException("values summing to " + sum + " are not on the unit simplex, whose sum is 1");
        }
        double[] y = new double[x.length - 1];
        StickBreaking.unconstrain(x, 0, y, 0, y.length);
        return y;
    }

    /** The simplex that unconstrained coordinates y map to (one more value than y). */
    public static double[] constrainSimplex(double[] y) {
        double[] x = new double[y.length + 1];
        StickBreaking.constrain(y, 0, x, 0, y.length);
        return x;
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
