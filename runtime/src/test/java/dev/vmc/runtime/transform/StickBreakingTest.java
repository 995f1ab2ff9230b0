package dev.vmc.runtime.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.GradientCheck;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.tensor.Tensor;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

/** The simplex's stick-breaking map: Stan's transform, its log-Jacobian and its gradients. */
class StickBreakingTest {
    private static final int FREE = 3; // a simplex of size 4

    private static double[] randomPoint(SplittableRandom random, double radius) {
        double[] y = new double[FREE];
        for (int i = 0; i < FREE; i++) {
            y[i] = random.nextDouble(-radius, radius);
        }
        return y;
    }

    @Test
    void zeroIsTheCentreOfTheSimplex() {
        double[] x = Bijections.constrainSimplex(new double[FREE]);
        for (double v : x) {
            assertEquals(0.25, v, 1e-15);
        }
    }

    /**
     * The log-Jacobian is that of the map from the K - 1 free values to the first K - 1
     * simplex values (the last is determined by them). Central differences with step h have
     * error about h^2 |x'''| + eps / h, about 1e-10 for h = 1e-5 here, so 1e-7 is ample.
     */
    @Test
    void logJacobianIsTheLogDeterminantOfFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(11);
        double h = 1e-5;
        for (int trial = 0; trial < 20; trial++) {
            double[] y = randomPoint(random, 3);
            double[][] jacobian = new double[FREE][FREE];
            for (int j = 0; j < FREE; j++) {
                double[] up = y.clone();
                double[] down = y.clone();
                up[j] += h;
                down[j] -= h;
                double[] xUp = Bijections.constrainSimplex(up);
                double[] xDown = Bijections.constrainSimplex(down);
                for (int i = 0; i < FREE; i++) {
                    jacobian[i][j] = (xUp[i] - xDown[i]) / (2 * h);
                }
            }
            double det = new LUDecomposition(new Array2DRowRealMatrix(jacobian)).getDeterminant();
            assertEquals(Math.log(Math.abs(det)), StickBreaking.logAbsDet(y, 0, FREE), 1e-7, "at trial " + trial);
        }
    }

    @Test
    void roundTrips() {
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < 50; trial++) {
            double[] y = randomPoint(random, 5);
            double[] back = Bijections.unconstrainSimplex(Bijections.constrainSimplex(y));
            for (int i = 0; i < FREE; i++) {
                assertEquals(y[i], back[i], 1e-9 * (1 + Math.abs(y[i])), "y[" + i + "] at trial " + trial);
            }
        }
        double[] x = {0.1, 0.2, 0.3, 0.4};
        double[] again = Bijections.constrainSimplex(Bijections.unconstrainSimplex(x));
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], again[i], 1e-15);
        }
    }

    /** At y = +-30 every piece is within e^-30 of its edge: still a point of the simplex, and every term finite. */
    @Test
    void extremeInputsStayOnTheSimplex() {
        double[] extremes = {-30, 30};
        double[] gradient = new double[FREE];
        for (int mask = 0; mask < 8; mask++) {
            double[] y = new double[FREE];
            for (int i = 0; i < FREE; i++) {
                y[i] = extremes[(mask >> i) & 1];
            }
            double[] x = Bijections.constrainSimplex(y);
            double sum = 0;
            for (double v : x) {
                assertTrue(v >= 0 && v <= 1, "value " + v + " at " + java.util.Arrays.toString(y));
                sum += v;
            }
            assertEquals(1, sum, 1e-15 * x.length);
            assertTrue(Double.isFinite(StickBreaking.logAbsDet(y, 0, FREE)));
            java.util.Arrays.fill(gradient, 0);
            StickBreaking.addLogAbsDetGradient(y, 0, FREE, 1, gradient);
            double[] gx = {1, -2, 3, 0.5};
            StickBreaking.addConstrainGradient(y, 0, x, gx, 0, gradient, FREE);
            for (double g : gradient) {
                assertTrue(Double.isFinite(g), "gradient at " + java.util.Arrays.toString(y));
            }
        }
    }

    /**
     * Both ops through the graph, per particle (the free values move with noise), against
     * central differences: the constrained values weighted and summed, plus the log-Jacobian.
     */
    @Test
    void gradientsMatchFiniteDifferences() {
        Graph g = new Graph();
        Node y = g.parameter("y", Tensor.vector(0.4, -1.2, 2.0));
        Node perParticle = g.add(y, g.noise(Leaf.Noise.Kind.NORMAL, FREE));
        Node x = Bijections.constrain(g, perParticle, Support.SIMPLEX);
        Node weighted = g.sum(g.mul(g.constant(Tensor.vector(1, -2, 3, 0.5)), g.log(x)));
        Node root = g.meanOverParticles(g.add(weighted, Bijections.logAbsDetJacobian(g, perParticle, Support.SIMPLEX)));
        GradientCheck.check(g, root, 4, 1e-6);
    }

    @Test
    void eachParticleGetsItsOwnSimplex() {
        Graph g = new Graph();
        Node u = g.noise(Leaf.Noise.Kind.NORMAL, FREE);
        Node x = Bijections.constrain(g, u, Support.SIMPLEX);
        Node logJ = Bijections.logAbsDetJacobian(g, u, Support.SIMPLEX);
        Executor exec = new Executor(g, 3, ParameterStore.initial(g), new SplittableRandom(5));
        exec.forward();
        for (int s = 0; s < 3; s++) {
            double[] one = java.util.Arrays.copyOfRange(exec.value(u).data, s * FREE, (s + 1) * FREE);
            double[] expected = Bijections.constrainSimplex(one);
            for (int i = 0; i <= FREE; i++) {
                assertEquals(expected[i], exec.value(x).data[s * (FREE + 1) + i], 0);
            }
            assertEquals(StickBreaking.logAbsDet(one, 0, FREE), exec.value(logJ).data[s], 0);
        }
    }
}
