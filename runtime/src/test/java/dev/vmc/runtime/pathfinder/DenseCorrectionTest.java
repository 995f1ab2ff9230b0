package dev.vmc.runtime.pathfinder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.DenseGaussian;
import dev.vmc.runtime.GaussianTarget;
import dev.vmc.runtime.model.LogDensity;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class DenseCorrectionTest {
    /**
     * On a Gaussian target the gradient is linear, so central differences give the Hessian up
     * to rounding and one Newton step lands on the mean: the correction recovers the target
     * however ill-conditioned, where L-BFGS with six pairs is still about 1.5 sds off after
     * 1000 iterations (as scipy's L-BFGS-B is on such a problem). Errors are whitened by the
     * target, Sigma = L L': L^-1 S L^-T - I for the covariance S, and |L^-1 (m - mu)| relative to
     * the length of the Newton step, |L^-1 (m0 - mu)|. Rounding bounds them: the gradient, a
     * sum of terms up to |Sigma^-1| |x| ~ 1e6, is good to ~1e-9, and differencing over steps of
     * 1e-3 sd makes that ~1e-6 of the curvature. Target seeds 1 to 4 measured 1.6e-7 to 6e-7;
     * the tolerance is 1e-5.
     */
    @Test
    void recoversAnIllConditionedGaussianTarget() {
        int d = 20;
        GaussianTarget target = GaussianTarget.conditioned(d, 1e6, 2);
        LogDensity density = LogDensity.of(target);
        Pathfinder pathfinder = Pathfinder.run(density, Pathfinder.Options.defaults(1), 3);
        PathGaussian start = pathfinder.gaussian();
        DenseCorrection.Gaussian g = DenseCorrection.apply(start, density, new SplittableRandom(4));
        assertTrue(g.corrected(), "the exact Gaussian must beat Pathfinder's on the common draws");

        RealMatrix lInverse = new LUDecomposition(new CholeskyDecomposition(new Array2DRowRealMatrix(target.covariance())).getL())
                .getSolver().getInverse();
        double step = norm(lInverse.operate(minus(start.mean(), target.mean())));
        assertTrue(step > 0.1, "Pathfinder's mean was already exact: the Newton step is not tested");
        assertTrue(norm(lInverse.operate(minus(g.mean(), target.mean()))) <= 1e-5 * step, "mean");

        assertTrue(whitenedError(lInverse, start.covariance()) > 0.1, "Pathfinder's covariance was already exact");
        double error = whitenedError(lInverse, DenseGaussian.outer(g.lower()));
        assertTrue(error <= 1e-5, "whitened covariance differs from I by " + error);
        // the corrected Gaussian is the target, so log p - log q vanishes on every draw
        assertEquals(0, g.elbo().mean(), 1e-5);
    }

    private static double whitenedError(RealMatrix lInverse, double[][] covariance) {
        double[][] w = lInverse.multiply(new Array2DRowRealMatrix(covariance)).multiply(lInverse.transpose()).getData();
        for (int i = 0; i < w.length; i++) {
            w[i][i] -= 1;
        }
        return DenseGaussian.maxAbs(w);
    }

    private static double[] minus(double[] a, double[] b) {
        double[] c = a.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] -= b[i];
        }
        return c;
    }

    private static double norm(double[] a) {
        return Math.sqrt(Lbfgs.dot(a, a));
    }
}
