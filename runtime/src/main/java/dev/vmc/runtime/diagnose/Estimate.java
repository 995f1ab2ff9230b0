package dev.vmc.runtime.diagnose;

/** A Monte Carlo estimate: the mean of some draws and its standard error. */
public record Estimate(double mean, double standardError) {
    /** From independent draws; -infinity draws give a mean of -infinity, NaN draws a NaN. */
    public static Estimate of(double[] draws) {
        int n = draws.length;
        double sum = 0;
        for (double x : draws) {
            sum += x;
        }
        double mean = sum / n;
        if (!Double.isFinite(mean) || n < 2) {
            return new Estimate(mean, Double.NaN);
        }
        double squares = 0;
        for (double x : draws) {
            squares += (x - mean) * (x - mean);
        }
        return new Estimate(mean, Math.sqrt(squares / (n - 1) / n));
    }
}
