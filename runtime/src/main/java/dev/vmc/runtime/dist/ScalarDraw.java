package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Leaf;

/**
 * A reparameterised draw as a scalar function of one standard noise value and up to two
 * parameters, with its partial derivatives; {@link DrawOp} applies it elementwise.
 */
interface ScalarDraw {
    /** The standard noise the draw transforms. */
    Leaf.Noise.Kind noise();

    /** The draw y from noise e and parameters a, b (0 beyond the family's arity). */
    double draw(double e, double a, double b);

    /** Fills g with dy/de, dy/da, dy/db at the point, given y = draw(e, a, b). */
    void drawGradient(double e, double a, double b, double y, double[] g);

    /**
     * Uniform noise moved off 0: the executor draws multiples of 2^-53 in [0, 1), and half a
     * step more makes them the midpoints of an even grid on (0, 1), symmetric about 1/2, so an
     * inverse CDF with an infinite tail at 0 (logistic's, gumbel's) never returns an infinity.
     */
    static double open(double u) {
        return u + 0x1.0p-54;
    }
}
