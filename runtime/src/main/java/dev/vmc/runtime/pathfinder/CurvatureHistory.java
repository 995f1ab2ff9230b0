package dev.vmc.runtime.pathfinder;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last few (step, gradient change) pairs of an L-BFGS path that showed positive curvature,
 * with the diagonal inverse-Hessian estimate that Pathfinder (Zhang et al. 2022, algorithm 3)
 * updates from each pair. Gradients are of f = -log p, so a pair with s'y > 0 is one BFGS can use.
 */
final class CurvatureHistory {
    private final int size;
    private final Deque<double[][]> pairs = new ArrayDeque<>();
    private final double[] diagonal;

    CurvatureHistory(int dimension, int size) {
        this.size = size;
        this.diagonal = new double[dimension];
        java.util.Arrays.fill(diagonal, 1);
    }

    /** Takes the move from one iterate to the next; returns whether its curvature was usable. */
    boolean add(Lbfgs.Point from, Lbfgs.Point to) {
        int d = diagonal.length;
        double[] s = new double[d];
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            s[i] = to.x()[i] - from.x()[i];
            y[i] = from.gradient()[i] - to.gradient()[i];
        }
        double sy = Lbfgs.dot(s, y);
        if (!(sy > Math.ulp(1.0) * Lbfgs.dot(y, y))) {
            return false;
        }
        updateDiagonal(s, y, sy);
        pairs.addLast(new double[][] {s, y});
        if (pairs.size() > size) {
            pairs.removeFirst();
        }
        return true;
    }

    /**
     * The diagonal of the BFGS update of the Hessian estimate diag(1/alpha), first scaled by
     * y'Ay / y's (Gilbert and Lemarechal 1989), inverted. Each entry stays positive in exact
     * arithmetic; one that does not in floating point keeps its old value.
     */
    private void updateDiagonal(double[] s, double[] y, double sy) {
        double a = 0;
        double c = 0;
        for (int i = 0; i < s.length; i++) {
            a += y[i] * diagonal[i] * y[i];
            c += s[i] * s[i] / diagonal[i];
        }
        for (int i = 0; i < s.length; i++) {
            double inverse = a / (sy * diagonal[i]) + y[i] * y[i] / sy
                    - a * s[i] * s[i] / (sy * c * diagonal[i] * diagonal[i]);
            double updated = 1 / inverse;
            if (Double.isFinite(updated) && updated > 0) {
                diagonal[i] = updated;
            }
        }
    }

    double[] diagonal() {
        return diagonal.clone();
    }

    /** The kept pairs, oldest first, as {s, y}. */
    List<double[][]> pairs() {
        return List.copyOf(pairs);
    }
}
