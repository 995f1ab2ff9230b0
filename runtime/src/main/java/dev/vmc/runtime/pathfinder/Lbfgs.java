package dev.vmc.runtime.pathfinder;

import java.util.ArrayList;
import java.util.List;

/**
 * L-BFGS climbing a log density, with a line search that keeps the strong Wolfe conditions,
 * recording every accepted iterate: the path Pathfinder builds its Gaussians along. The
 * stopping tolerances are Stan's L-BFGS defaults. A point where the density is not finite
 * counts as a step too far, so the search backs off from overflow and from the edges of the
 * support instead of failing.
 */
final class Lbfgs {
    /** log p and its gradient; returns log p and fills {@code gradient} when log p is finite. */
    interface Objective {
        double valueAndGradient(double[] x, double[] gradient);
    }

    /** One accepted iterate. */
    record Point(double[] x, double value, double[] gradient) {}

    /**
     * @param points        the iterates, the initial point first
     * @param stop          why the iterations ended, in words
     * @param unbounded     whether the density was still rising without limit (a likely improper posterior)
     * @param evaluations   gradient evaluations, line searches included
     */
    record Path(List<Point> points, String stop, boolean unbounded, long evaluations) {}

    static final int MAX_ITERATIONS = 1000;
    private static final double EPS = Math.ulp(1.0);
    private static final double TOL_OBJECTIVE = 1e-12;
    private static final double TOL_RELATIVE_OBJECTIVE = 1e4 * EPS;
    private static final double TOL_GRADIENT = 1e-8;
    private static final double TOL_RELATIVE_GRADIENT = 1e7 * EPS;
    private static final double TOL_PARAMETER = 1e-8;
    /** Sufficient increase and curvature constants of the Wolfe conditions, as in Nocedal and Wright. */
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final int MAX_LINE_SEARCH = 40;
    /** A log density this large, or an iterate this far out, means the density has no maximum. */
    private static final double UNBOUNDED_VALUE = 1e300;
    private static final double UNBOUNDED_NORM = 1e8;

    private final Objective objective;
    private final int maxIterations;
    private final int dimension;
    private final CurvatureHistory curvature;
    private long evaluations;
    /** Whether some point had log p = +infinity: a density no proper posterior has at a finite point. */
    private boolean infinite;

    Lbfgs(Objective objective, int dimension, int history, int maxIterations) {
        this.objective = objective;
        this.dimension = dimension;
        this.maxIterations = maxIterations;
        this.curvature = new CurvatureHistory(dimension, history);
    }

    Path run(double[] start) {
        List<Point> points = new ArrayList<>();
        Point current = evaluate(start);
        if (!Double.isFinite(current.value)) {
            return new Path(points, "the log density is not finite at the initial point", false, evaluations);
        }
        points.add(current);
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            double[] direction = ascentDirection(current.gradient);
            double slope = dot(direction, current.gradient);
            boolean newton = !curvature.pairs().isEmpty();
            if (!(slope > 0)) { // rounding has spoilt the curvature estimate: go up the gradient
                direction = current.gradient.clone();
                slope = dot(direction, direction);
                newton = false;
            }
            double initialStep = newton ? 1 : Math.min(1, 1 / Math.sqrt(slope));
            Point next = lineSearch(current, direction, slope, initialStep);
            if (infinite) {
                return new Path(points, "the log density reached +infinity", true, evaluations);
            }
            if (next == null) {
                return new Path(points, "the line search found no higher point (converged to rounding error)", false, evaluations);
            }
            points.add(next);
            if (next.value >= UNBOUNDED_VALUE || norm(next.x) >= UNBOUNDED_NORM) {
                return new Path(points, "the log density rises without bound", true, evaluations);
            }
            String stop = converged(current, next);
            curvature.add(current, next);
            current = next;
            if (stop != null) {
                return new Path(points, stop, false, evaluations);
            }
        }
        return new Path(points, "reached " + maxIterations + " iterations", false, evaluations);
    }

    private String converged(Point previous, Point next) {
        double change = Math.abs(next.value - previous.value);
        if (change < TOL_OBJECTIVE) {
            return "converged: log density change below " + TOL_OBJECTIVE;
        }
        if (change / Math.max(Math.max(Math.abs(previous.value), Math.abs(next.value)), 1) < TOL_RELATIVE_OBJECTIVE) {
            return "converged: relative log density change below " + String.format("%.1g", TOL_RELATIVE_OBJECTIVE);
        }
        if (norm(next.gradient) < TOL_GRADIENT) {
            return "converged: gradient norm below " + TOL_GRADIENT;
        }
        double[] scaled = ascentDirection(next.gradient);
        if (dot(scaled, next.gradient) / Math.max(Math.abs(next.value), 1) < TOL_RELATIVE_GRADIENT) {
            return "converged: relative gradient below " + String.format("%.1g", TOL_RELATIVE_GRADIENT);
        }
        double step = 0;
        for (int i = 0; i < dimension; i++) {
            step = Math.max(step, Math.abs(next.x[i] - previous.x[i]));
        }
        return step < TOL_PARAMETER ? "converged: step below " + TOL_PARAMETER : null;
    }

    /** H times the gradient of log p by the two-loop recursion, H0 scaled by the newest pair. */
    private double[] ascentDirection(double[] gradient) {
        double[] q = gradient.clone();
        List<double[][]> list = curvature.pairs();
        int m = list.size();
        double[] alpha = new double[m];
        for (int k = m - 1; k >= 0; k--) {
            double[] s = list.get(k)[0];
            double[] y = list.get(k)[1];
            alpha[k] = dot(s, q) / dot(s, y);
            axpy(-alpha[k], y, q);
        }
        if (m > 0) {
            double[] s = list.get(m - 1)[0];
            double[] y = list.get(m - 1)[1];
            double gamma = dot(s, y) / dot(y, y);
            for (int i = 0; i < dimension; i++) {
                q[i] *= gamma;
            }
        }
        for (int k = 0; k < m; k++) {
            double[] s = list.get(k)[0];
            double[] y = list.get(k)[1];
            double beta = dot(y, q) / dot(s, y);
            axpy(alpha[k] - beta, s, q);
        }
        return q;
    }

    /**
     * A step along {@code direction} that raises log p enough (sufficient increase) and flattens
     * its slope enough (curvature): first expand until the step brackets such a point, then
     * zoom in by safeguarded quadratic interpolation (Nocedal and Wright, algorithms 3.5 and
     * 3.6, for a maximum). Failing that, the highest point that raised log p at all; null if none.
     */
    private Point lineSearch(Point start, double[] direction, double slope, double firstStep) {
        double lowStep = 0;
        Point low = start;
        double lowSlope = slope;
        double highStep = Double.NaN; // NaN while still expanding
        double highValue = Double.NaN;
        double step = firstStep;
        Point bestRaise = null;
        for (int trial = 0; trial < MAX_LINE_SEARCH; trial++) {
            Point p = evaluate(along(start.x, direction, step));
            boolean sufficient = Double.isFinite(p.value) && p.value >= start.value + C1 * step * slope;
            if (sufficient && p.value > start.value && (bestRaise == null || p.value > bestRaise.value)) {
                bestRaise = p;
            }
            if (!sufficient || p.value <= low.value) {
                highStep = step;
                highValue = p.value;
            } else {
                double pSlope = dot(p.gradient, direction);
                if (Math.abs(pSlope) <= C2 * slope) {
                    return p;
                }
                boolean expanding = Double.isNaN(highStep);
                if (expanding ? pSlope <= 0 : pSlope * (highStep - step) <= 0) {
                    highStep = lowStep;
                    highValue = low.value;
                }
                lowStep = step;
                low = p;
                lowSlope = pSlope;
            }
            step = Double.isNaN(highStep) ? 2 * step : interpolate(lowStep, low.value, lowSlope, highStep, highValue);
        }
        return bestRaise;
    }

    /** The maximiser of the quadratic through the low end's value and slope and the high end's value, kept inside the bracket. */
    private static double interpolate(double lo, double loValue, double loSlope, double hi, double hiValue) {
        double width = hi - lo;
        double guess = Double.NaN;
        if (Double.isFinite(hiValue)) {
            double curvature = hiValue - loValue - loSlope * width;
            if (curvature < 0) {
                guess = lo - loSlope * width * width / (2 * curvature);
            }
        }
        double min = lo + 0.1 * width;
        double max = hi - 0.1 * width;
        if (Double.isNaN(guess)) {
            return lo + 0.5 * width;
        }
        return width > 0 ? Math.min(Math.max(guess, min), max) : Math.max(Math.min(guess, min), max);
    }

    private Point evaluate(double[] x) {
        double[] gradient = new double[dimension];
        evaluations++;
        double value = objective.valueAndGradient(x, gradient);
        if (Double.isNaN(value)) {
            value = Double.NEGATIVE_INFINITY;
        }
        infinite |= value == Double.POSITIVE_INFINITY;
        return new Point(x, value, gradient);
    }

    private static double[] along(double[] x, double[] direction, double step) {
        double[] y = x.clone();
        axpy(step, direction, y);
        return y;
    }

    static double dot(double[] a, double[] b) {
        double acc = 0;
        for (int i = 0; i < a.length; i++) {
            acc += a[i] * b[i];
        }
        return acc;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
