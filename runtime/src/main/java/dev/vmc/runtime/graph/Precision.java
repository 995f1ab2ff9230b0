package dev.vmc.runtime.graph;

/**
 * The precision every value of a fit is held to. SINGLE rounds each node's values, each
 * gradient and each parameter to the nearest float32 as it is stored, so a fit reproduces
 * float32 arithmetic: for +, -, *, / and sqrt of float32 inputs, rounding the double result
 * gives exactly the IEEE float32 result, and fused kernels (densities, transcendental
 * functions) come out within one float32 rounding of the exact value. Storage stays double:
 * on the JVM a loop over floats runs no faster than one over doubles, so SINGLE is for
 * matching and testing float32 numerics, not for speed.
 */
public enum Precision {
    DOUBLE,
    SINGLE;

    /** Rounds the values in place to this precision. */
    public void round(double[] values) {
        if (this == SINGLE) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) values[i];
            }
        }
    }

    public double round(double value) {
        return this == SINGLE ? (float) value : value;
    }
}
