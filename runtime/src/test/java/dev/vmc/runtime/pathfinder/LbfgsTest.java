package dev.vmc.runtime.pathfinder;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.GaussianTarget;
import dev.vmc.runtime.model.LogDensity;
import java.util.List;
import org.junit.jupiter.api.Test;

class LbfgsTest {
    /** Nocedal and Wright's constants, as Lbfgs uses them. */
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;

    /**
     * Lbfgs stops by Stan's rules; on these targets the relative gradient one ends it:
     * g' H g / max(|log p|, 1) < 1e7 eps, H the L-BFGS inverse Hessian. With H near the true
     * inverse Hessian, the remaining distance to the maximiser in the curvature's metric,
     * sqrt(dx' A dx) = sqrt(g' A^-1 g), is then below sqrt(1e7 eps max(|log p|, 1)), about
     * 8e-5 here. The test allows three times that for H's error (seeds 1 to 30 of the
     * quadratic reach at most 1.6 times), so about 2e-4: Stan's tolerances stop about there,
     * not at 1e-6.
     */
    private static void assertAtTheMaximum(double[] maximiser, double[][] curvature, Lbfgs.Point last) {
        int d = maximiser.length;
        double[] dx = new double[d];
        for (int i = 0; i < d; i++) {
            dx[i] = last.x()[i] - maximiser[i];
        }
        double squared = 0;
        for (int i = 0; i < d; i++) {
            squared += dx[i] * Lbfgs.dot(curvature[i], dx);
        }
        double radius = Math.sqrt(1e7 * Math.ulp(1.0) * Math.max(1, Math.abs(last.value())));
        assertTrue(Math.sqrt(squared) <= 3 * radius, "distance " + Math.sqrt(squared) + " in the curvature metric");
    }

    /** Sufficient increase, checked from the recorded iterates: f(x + s) >= f(x) + c1 g's. */
    private static void assertEveryStepRaisesEnough(List<Lbfgs.Point> points) {
        for (int k = 1; k < points.size(); k++) {
            Lbfgs.Point from = points.get(k - 1);
            Lbfgs.Point to = points.get(k);
            double[] s = new double[from.x().length];
            for (int i = 0; i < s.length; i++) {
                s[i] = to.x()[i] - from.x()[i];
            }
            double slope = Lbfgs.dot(from.gradient(), s);
            assertTrue(slope > 0, "step " + k + " is not an ascent direction");
            assertTrue(to.value() > from.value() && to.value() >= from.value() + C1 * slope,
                    "step " + k + ": " + from.value() + " -> " + to.value() + " with slope " + slope);
        }
    }

    /** A Gaussian target of condition number 10 in 8 dimensions: the maximiser is its mean. */
    @Test
    void findsTheMaximumOfAWellConditionedQuadratic() {
        GaussianTarget target = GaussianTarget.conditioned(8, 10, 3);
        LogDensity.Evaluator density = LogDensity.of(target).evaluator(1);
        Lbfgs.Path path = new Lbfgs(density::valueAndGradient, 8, 6, 1000).run(new double[8]);
        assertFalse(path.unbounded());
        assertTrue(path.stop().startsWith("converged"), path.stop());
        List<Lbfgs.Point> points = path.points();
        assertAtTheMaximum(target.mean(), target.precision().getData(), points.get(points.size() - 1));
        assertEveryStepRaisesEnough(points);
        // on a quadratic the line search brackets and zooms without trouble: strong Wolfe curvature holds too
        for (int k = 1; k < points.size(); k++) {
            double[] s = new double[8];
            for (int i = 0; i < 8; i++) {
                s[i] = points.get(k).x()[i] - points.get(k - 1).x()[i];
            }
            double slope = Lbfgs.dot(points.get(k - 1).gradient(), s);
            assertTrue(Math.abs(Lbfgs.dot(points.get(k).gradient(), s)) <= C2 * slope, "curvature condition at step " + k);
        }
    }

    /**
     * log p = sum(log x_i - x_i), a Gamma(2, 1) in each coordinate, NaN for x_i < 0 and -infinity
     * at 0. From x = 6 the secant curvature is weak, so the quasi-Newton steps overshoot into
     * x < 0; the search must back off and still find the maximum at x = 1.
     */
    @Test
    void backsOffFromWhereTheDensityIsNotFinite() {
        int[] outside = new int[1];
        Lbfgs.Objective gamma = (x, gradient) -> {
            double value = 0;
            for (int i = 0; i < x.length; i++) {
                value += Math.log(x[i]) - x[i];
                gradient[i] = 1 / x[i] - 1;
            }
            if (!Double.isFinite(value)) {
                outside[0]++;
            }
            return value;
        };
        Lbfgs.Path path = new Lbfgs(gamma, 3, 6, 1000).run(new double[] {6, 0.05, 3});
        assertTrue(outside[0] > 0, "the test never left the support, so it tests nothing");
        assertTrue(path.stop().startsWith("converged"), path.stop());
        List<Lbfgs.Point> points = path.points();
        for (Lbfgs.Point p : points) {
            assertTrue(Double.isFinite(p.value()), "an accepted point is outside the support");
        }
        double[][] hessian = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}; // 1 / x^2 at x = 1
        assertAtTheMaximum(new double[] {1, 1, 1}, hessian, points.get(points.size() - 1));
        assertEveryStepRaisesEnough(points);
    }

    @Test
    void reportsALinearDensityAsUnbounded() {
        Lbfgs.Objective linear = (x, gradient) -> {
            gradient[0] = 1;
            gradient[1] = -x[1];
            return x[0] - 0.5 * x[1] * x[1];
        };
        Lbfgs.Path path = new Lbfgs(linear, 2, 6, 1000).run(new double[] {0.5, 1});
        assertTrue(path.unbounded(), path.stop());
        assertEveryStepRaisesEnough(path.points());
    }

    @Test
    void reportsAnExponentialDensityAsUnbounded() {
        Lbfgs.Objective exponential = (x, gradient) -> {
            gradient[0] = Math.exp(x[0]);
            return Math.exp(x[0]);
        };
        Lbfgs.Path path = new Lbfgs(exponential, 1, 6, 1000).run(new double[] {0});
        assertTrue(path.unbounded(), path.stop());
    }
}
