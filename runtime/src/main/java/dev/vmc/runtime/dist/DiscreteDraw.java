package dev.vmc.runtime.dist;

/**
 * How one discrete family turns a uniform(0, 1) value into a draw, for {@link DiscreteDrawOp}.
 * The work is split in two so that draws with the same parameters share the setup:
 * {@link #prepare} turns one element's parameters into a table (a categorical's cumulative
 * probabilities, a count law's mass at its mode), which may cost O(K) or O(sqrt(lambda)), and
 * {@link #draw} inverts the CDF from it. A draw is an integer stored as a double, or NaN when
 * the parameters are outside their supports, for the executor's non-finite diagnostics.
 */
interface DiscreteDraw {
    /** How many entries {@link #prepare} fills, for parameters that take {@code width} values in all. */
    int tableSize(int width);

    /**
     * Fills {@code table} from one element's parameters, laid end to end in
     * {@code parameters[0 .. width)}: n then p for binomial, the K weights for categorical.
     */
    void prepare(double[] parameters, int width, double[] table);

    /** The draw for one uniform u in [0, 1), from a table {@link #prepare} filled. */
    double draw(double u, double[] table);
}
