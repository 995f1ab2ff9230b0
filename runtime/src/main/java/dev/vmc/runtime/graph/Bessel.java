package dev.vmc.runtime.graph;

/**
 * The modified Bessel functions of the first kind of orders 0 and 1 in the forms densities need:
 * log I0(x), and I1(x) / I0(x), its slope. Both I's overflow past x = 713, but von_mises takes
 * kappa far beyond that, so neither is formed: below {@link #SERIES_LIMIT} the power series of
 * positive terms (no cancellation), and above it Hankel's asymptotic expansion of
 * I_nu(x) e^-x sqrt(2 pi x), summed until its terms stop mattering; at x = 25 its smallest term
 * is near e^-2x, so both branches are accurate to rounding where they meet.
 */
public final class Bessel {
    private static final double SERIES_LIMIT = 25;
    private static final int MAX_TERMS = 200;

    private Bessel() {}

    /** log I0(x) for x >= 0. */
    public static double logI0(double x) {
        if (x < SERIES_LIMIT) {
            return Math.log(seriesSum(x, 0));
        }
        return x - 0.5 * Math.log(2 * Math.PI * x) + Math.log(asymptoticSum(x, 0));
    }

    /** I1(x) / I0(x) for x >= 0: d log I0 / dx, rising from 0 towards 1. */
    public static double i1OverI0(double x) {
        if (x < SERIES_LIMIT) {
            return 0.5 * x * seriesSum(x, 1) / seriesSum(x, 0);
        }
        return asymptoticSum(x, 1) / asymptoticSum(x, 0);
    }

    /**
     * I_nu(x) / (x / 2)^nu = sum_k (x^2 / 4)^k / (k! (k + nu)!), for nu 0 or 1; its terms
     * rise to a peak near k = x / 2 and then fall, and the sum stops once they are negligible.
     */
    private static double seriesSum(double x, int nu) {
        double q = 0.25 * x * x;
        double term = 1; // 1 / (0! nu!), for nu 0 or 1
        double sum = term;
        for (int k = 1; k < MAX_TERMS; k++) {
            term *= q / (k * (double) (k + nu));
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }

    /**
     * I_nu(x) e^-x sqrt(2 pi x) ~ sum_k (-1)^k prod_{j <= k} (4 nu^2 - (2j - 1)^2) / (k! (8x)^k),
     * summed while its terms shrink (the series diverges beyond k near 2x).
     */
    private static double asymptoticSum(double x, int nu) {
        double mu = 4.0 * nu * nu;
        double term = 1;
        double sum = 1;
        for (int k = 0; k < MAX_TERMS; k++) {
            double next = term * ((2 * k + 1) * (2.0 * k + 1) - mu) / ((k + 1) * 8 * x);
            if (Math.abs(next) >= Math.abs(term) && k > 0) {
                break;
            }
            term = next;
            sum += term;
            if (Math.abs(term) < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }
}
