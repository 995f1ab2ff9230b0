package dev.vmc.runtime.dist;

import java.util.function.DoubleUnaryOperator;

/** Composite Simpson integration, for checking that densities integrate to 1. */
final class Quadrature {
    private Quadrature() {}

    /** The integral of f over [lo, hi] with an even number of intervals n. */
    static double simpson(DoubleUnaryOperator f, double lo, double hi, int n) {
        double h = (hi - lo) / n;
        double acc = f.applyAsDouble(lo) + f.applyAsDouble(hi);
        for (int i = 1; i < n; i++) {
            acc += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(lo + i * h);
        }
        return acc * h / 3;
    }
}
