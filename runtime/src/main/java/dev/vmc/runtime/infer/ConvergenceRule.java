package dev.vmc.runtime.infer;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Stan's ADVI stopping rule: track the relative change of successive ELBO estimates over a
 * window, and stop when their mean or their median falls below the tolerance.
 */
final class ConvergenceRule {
    private final double tolerance;
    private final int window;
    private final Deque<Double> changes = new ArrayDeque<>();
    private double previous = Double.NaN;
    private String verdict;

    /** Stan sizes the window as a tenth of the evaluations the step budget allows, at least 2. */
    ConvergenceRule(double tolerance, long maxSteps, int evalEvery) {
        this.tolerance = tolerance;
        this.window = (int) Math.max(2, 0.1 * maxSteps / evalEvery);
    }

    /** Takes a new ELBO estimate; true when the fit has converged. */
    boolean converged(double elbo) {
        if (Double.isNaN(previous)) {
            previous = elbo;
            return false;
        }
        double change = Math.abs((elbo - previous) / elbo);
        previous = elbo;
        changes.addLast(change);
        if (changes.size() > window) {
            changes.removeFirst();
        }
        // Unlike Stan, judge only a full window: two quiet evaluations in a row happen by chance.
        if (tolerance <= 0 || changes.size() < window) {
            return false;
        }
        double mean = changes.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (mean < tolerance) {
            verdict = String.format("mean relative ELBO change %.2g < %.2g", mean, tolerance);
            return true;
        }
        double median = median();
        if (median < tolerance) {
            verdict = String.format("median relative ELBO change %.2g < %.2g", median, tolerance);
            return true;
        }
        return false;
    }

    double lastChange() {
        return changes.isEmpty() ? Double.NaN : changes.getLast();
    }

    String verdict() {
        return verdict;
    }

    private double median() {
        double[] sorted = changes.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
