package dev.vmc.runtime.dist;

/**
 * A function of one scalar variate and up to three scalar parameters, with its partial
 * derivatives, that {@link DensityOp} applies elementwise with broadcasting: a family's log
 * density ({@link ScalarDensity}) or its log CDF ({@link CumulativeTerm}). Subclasses give the
 * scalar function and its partials; a family whose function has work that depends on a
 * parameter alone overrides the bulk forms to do that work once per distinct value.
 */
public abstract class ScalarTerm {
    /** What a dump of the graph calls the op: "normal log density", "normal_lcdf". */
    abstract String termName();

    /** The function at one point; parameters beyond the family's arity are passed as 0. */
    abstract double value(double x, double a, double b, double c);

    /**
     * Fills {@code g} with d/dx, d/da, d/db, d/dc of {@link #value} at the point (entries
     * beyond the arity are ignored).
     */
    public abstract void gradient(double x, double a, double b, double c, double[] g);

    /**
     * {@code out[offset + e]} = the value at element e of the operands, for one particle of a
     * {@link DensityOp} (the offset lets the per-element mode write into its output directly).
     */
    void values(DensityOp.Operands in, double[] out, int offset) {
        for (int e = 0; e < in.length; e++) {
            out[offset + e] = value(in.at(0, e), in.at(1, e), in.at(2, e), in.at(3, e));
        }
    }

    /**
     * {@code partials[k][e]} = d value / d operand k at element e, for each k whose array is
     * not null; the bulk form of {@link #gradient}.
     */
    void partials(DensityOp.Operands in, double[][] partials) {
        double[] g = in.gradient;
        for (int e = 0; e < in.length; e++) {
            gradient(in.at(0, e), in.at(1, e), in.at(2, e), in.at(3, e), g);
            for (int k = 0; k < in.count; k++) {
                if (partials[k] != null) {
                    partials[k][e] = g[k];
                }
            }
        }
    }
}
