package dev.vmc.runtime.dist;

/**
 * A scalar family's cumulative distribution function, in logs, with its partial derivatives:
 * what Stan's _lcdf, _lccdf and _cdf compute, and what truncation divides by. The arguments
 * are a {@link ScalarDensity}'s: the variate, then the parameters. Each tail is computed in
 * its own right, not as log1m of the other, so that both keep their accuracy far out.
 *
 * <p>For a discrete family the CDF is a step function of the variate, so its partial with
 * respect to the variate is 0, as is that of an integer parameter.
 */
interface Cumulative {
    /** log P(X <= x). */
    double logCdf(double x, double a, double b, double c);

    /** log P(X > x). */
    double logCcdf(double x, double a, double b, double c);

    /** Fills g with the partials of {@link #logCdf}, or of {@link #logCcdf} when {@code upper}. */
    void logCumulativeGradient(double x, double a, double b, double c, boolean upper, double[] g);

    /**
     * The central difference of a tail's log with respect to argument k, for the shape
     * parameters whose partials have no closed form (student_t's nu, gamma's alpha, beta's a and
     * b): the incomplete beta and gamma functions are smooth there, and a step of 1e-5 relative
     * leaves an error near 1e-9, well inside what a gradient step needs.
     */
    default double centralDifference(double x, double a, double b, double c, boolean upper, int k) {
        double[] args = {x, a, b, c};
        double h = 1e-5 * Math.max(Math.abs(args[k]), 1e-2);
        args[k] += h;
        double up = upper ? logCcdf(args[0], args[1], args[2], args[3]) : logCdf(args[0], args[1], args[2], args[3]);
        args[k] -= 2 * h;
        double down = upper ? logCcdf(args[0], args[1], args[2], args[3]) : logCdf(args[0], args[1], args[2], args[3]);
        return (up - down) / (2 * h);
    }
}
