package dev.vmc.runtime.dist;

/** Membership tests for the integer-valued variates of the discrete families. */
final class Counts {
    private Counts() {}

    /** 0, 1, 2, ...: rejects fractions, negatives, infinities and NaN. */
    static boolean isCount(double x) {
        return x >= 0 && x == Math.rint(x) && x != Double.POSITIVE_INFINITY;
    }

    static boolean isCountUpTo(double x, double n) {
        return isCount(x) && x <= n;
    }

    static boolean isBinary(double x) {
        return x == 0 || x == 1;
    }
}
