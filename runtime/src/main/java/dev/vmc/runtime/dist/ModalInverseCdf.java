package dev.vmc.runtime.dist;

/**
 * Exact inverse-CDF draws for a count family whose masses follow a ratio recurrence,
 * p(k) = p(k - 1) * ratio(k) (poisson: lambda / k; binomial: odds (n - k + 1) / k), walked
 * from the mode m rather than from 0. Starting at 0 would take about lambda steps and, past
 * lambda = 745, begin from p(0) = exp(-lambda), which underflows to 0; the mass at the mode,
 * about 1 / sqrt(2 pi lambda), is computed in log space and never does.
 *
 * <p>{@link #prepare} finds F(m) by summing the masses from m down until they no longer change
 * the sum (or reach 0): for a spread sigma, about 9 sigma terms, where the remaining tail is
 * below a double's resolution. {@link #draw} then walks down from m, subtracting masses, when
 * u < F(m), and up, adding them, otherwise: about 0.8 sigma steps on average. So a draw costs
 * one exp and one log-gamma (or log-beta) and O(1 + sigma) multiplications, about 1,000 for
 * poisson(1e4); draws that share their parameters share all but the walk. Where rounding leaves the walk short
 * (u beyond the computed total, or below the computed remainder), it stops at the last value
 * whose mass registered, so every draw is in the support.
 */
abstract class ModalInverseCdf implements DiscreteDraw {
    private static final int MODE = 0;
    private static final int MASS = 1;
    private static final int CDF = 2;
    private static final int UPPER = 3;
    private static final int FIRST = 4;
    private static final int SECOND = 5;

    /**
     * Writes the family's parameters, as {@link #ratio} and {@link #logMass} take them, into
     * law[at] and law[at + 1]; false when they are outside their supports.
     */
    abstract boolean canonical(double[] parameters, double[] law, int at);

    /** A value of greatest mass (or next to it): only where the walks start, so only their cost depends on it. */
    abstract double mode(double a, double b);

    abstract double logMass(double k, double a, double b);

    /** p(k) / p(k - 1), for k >= 1 in the support. */
    abstract double ratio(double k, double a, double b);

    /** The largest value in the support. */
    abstract double upper(double a, double b);

    @Override
    public final int tableSize(int width) {
        return 6;
    }

    @Override
    public final void prepare(double[] parameters, int width, double[] table) {
        if (!canonical(parameters, table, FIRST)) {
            table[MODE] = Double.NaN;
            return;
        }
        double a = table[FIRST];
        double b = table[SECOND];
        double mode = mode(a, b);
        double mass = Math.exp(logMass(mode, a, b));
        double cdf = mass;
        double p = mass;
        for (double k = mode; k > 0; k--) {
            p /= ratio(k, a, b);
            double sum = cdf + p;
            if (sum == cdf) {
                break;
            }
            cdf = sum;
        }
        table[MODE] = mode;
        table[MASS] = mass;
        table[CDF] = cdf;
        table[UPPER] = upper(a, b);
    }

    /** The smallest k with u < F(k). */
    @Override
    public final double draw(double u, double[] table) {
        double k = table[MODE];
        if (Double.isNaN(k)) {
            return Double.NaN;
        }
        double a = table[FIRST];
        double b = table[SECOND];
        double p = table[MASS];
        double cdf = table[CDF];
        if (u < cdf) {
            while (k > 0) {
                double below = cdf - p; // F(k - 1)
                if (u >= below) {
                    return k;
                }
                p /= ratio(k, a, b);
                if (p == 0) {
                    return k; // u fell in the rounding left of F, below every mass that registers
                }
                cdf = below;
                k--;
            }
            return 0;
        }
        double upper = table[UPPER];
        while (u >= cdf && k < upper) {
            p *= ratio(k + 1, a, b);
            double sum = cdf + p;
            if (sum == cdf) {
                return k; // u beyond the total as rounded: the masses above no longer register
            }
            cdf = sum;
            k++;
        }
        return k;
    }
}
