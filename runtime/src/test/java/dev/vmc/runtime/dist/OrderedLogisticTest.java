package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.GradientCheck;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ordered_logistic's log mass against Stan's and the definition, its normalisation, shapes and gradients. */
class OrderedLogisticTest {
    private static final double[] CUTS = {-1, 0.5, 2};

    /** The summed log mass of outcomes k under eta and cutpoints c, all constants: one forward pass. */
    static double logMass(Tensor k, Tensor eta, Tensor c) {
        Graph g = new Graph();
        Node root = Distributions.get("ordered_logistic").logDensity(g, g.constant(k), List.of(g.constant(eta), g.constant(c)));
        Executor exec = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(1));
        exec.forward();
        return exec.value(root).item();
    }

    private static double logMass(int k, double eta, double... c) {
        return logMass(Tensor.scalar(k), Tensor.scalar(eta), Tensor.vector(c));
    }

    /** P(k) = inv_logit(eta - c[k - 1]) - inv_logit(eta - c[k]), c[0] = -inf, c[K] = inf: the definition, in probabilities. */
    private static double definition(int k, double eta, double[] c) {
        double upper = k == 1 ? 1 : Special.invLogit(eta - c[k - 2]);
        double lower = k == c.length + 1 ? 0 : Special.invLogit(eta - c[k - 1]);
        return upper - lower;
    }

    @Test
    void massesAreTheDefinitionAndSumToOne() {
        for (double eta : new double[] {-3, 0.3, 1.1, 4}) {
            double total = 0;
            for (int k = 1; k <= 4; k++) {
                double p = Math.exp(logMass(k, eta, CUTS));
                assertEquals(definition(k, eta, CUTS), p, 1e-14, "k = " + k + ", eta = " + eta);
                total += p;
            }
            assertEquals(1, total, 1e-14, "eta = " + eta);
        }
    }

    /**
     * Stan's values from rstan 2.21's ordered_logistic_lpmf, at an ordinary eta and at eta far
     * beyond every cutpoint, where the probabilities themselves round to 0 or 1 but their logs do not.
     */
    @Test
    void agreesWithStan() {
        for (double[] r : STAN_THREE_CUTS) {
            int k = (int) r[0];
            assertNear(r[1], logMass(k, 0.3, CUTS), "k = " + k + ", eta = 0.3");
            assertNear(r[2], logMass(k, 40, CUTS), "k = " + k + ", eta = 40");
            assertNear(r[3], logMass(k, -40, CUTS), "k = " + k + ", eta = -40");
        }
        double[] five = {-2, -0.5, 0.1, 1.5, 3};
        for (double[] r : STAN_FIVE_CUTS) {
            int k = (int) r[0];
            assertNear(r[1], logMass(k, 0.7, five), "k = " + k + ", eta = 0.7");
            assertNear(r[2], logMass(k, -25, five), "k = " + k + ", eta = -25");
            assertNear(r[3], logMass(k, 30, five), "k = " + k + ", eta = 30");
        }
        // an array of outcomes with a vector of predictors, summed
        assertNear(STAN_VECTORISED, logMass(Tensor.vector(1, 3, 4, 2), Tensor.vector(0.3, -1.2, 2.5, 0.1), Tensor.vector(CUTS)),
                "vectorised");
    }

    private static void assertNear(double expected, double actual, String what) {
        // relative, so that the far tails' tiny logs (-1e-17) are held to their digits too
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), what);
    }

    @Test
    void outcomesOutsideOneToKAreImpossible() {
        for (double k : new double[] {0, 5, 2.5, -1}) {
            assertEquals(Double.NEGATIVE_INFINITY, logMass(Tensor.scalar(k), Tensor.scalar(0.3), Tensor.vector(CUTS)), "k = " + k);
        }
    }

    /** A row of cutpoints per outcome is each outcome's own ordered_logistic. */
    @Test
    void aRowOfCutpointsPerOutcome() {
        double[] rows = {-1, 0.5, 2, -0.3, 0.2, 1.7};
        double expected = logMass(3, 0.4, -1, 0.5, 2) + logMass(1, -0.6, -0.3, 0.2, 1.7);
        assertNear(expected, logMass(Tensor.vector(3, 1), Tensor.vector(0.4, -0.6), new Tensor(new int[] {2, 3}, rows)), "rows");
        assertThrows(ShapeException.class, () -> logMass(Tensor.vector(3, 1, 2), Tensor.scalar(0.4), new Tensor(new int[] {2, 3}, rows)));
    }

    /**
     * d/d eta and d/d c of a vector of outcomes covering every category, against central
     * differences: shared cutpoints and a scalar eta, then a row each and an eta each, and with
     * eta far out, where the first and last categories' slopes come from the softplus tails.
     */
    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor k = Tensor.vector(1, 2, 3, 4, 2);
        for (double eta : new double[] {0.3, -6, 7}) {
            Graph g = new Graph();
            Node root = Distributions.get("ordered_logistic").logDensity(g, g.constant(k),
                    List.of(g.parameter("eta", Tensor.scalar(eta)), g.parameter("c", Tensor.vector(CUTS))));
            GradientCheck.check(g, root, 1, 1e-6);
        }
        Graph g = new Graph();
        double[] rows = new double[15];
        for (int n = 0; n < 5; n++) {
            for (int j = 0; j < 3; j++) {
                rows[n * 3 + j] = CUTS[j] * (1 + 0.1 * n) + 0.05 * n;
            }
        }
        Node root = Distributions.get("ordered_logistic").logDensity(g, g.constant(k),
                List.of(g.parameter("eta", Tensor.vector(0.3, -1.2, 2.5, 0.1, 0.9)), g.parameter("c", new Tensor(new int[] {5, 3}, rows))));
        GradientCheck.check(g, root, 1, 1e-6);
    }

    /** rstan 2.21, printed to 17 digits: k, then the log mass at eta = 0.3, 40 and -40 under {@link #CUTS}. */
    private static final double[][] STAN_THREE_CUTS = {
        {1, -1.5410084538329922, -41, -1.1548224173015786e-17},
        {2, -1.0916297821400378, -39.752482458925456, -39.252482458925456},
        {3, -1.2184073576933117, -38.252482458925456, -40.752482458925456},
        {4, -1.8677860293862658, -3.1391327920480296e-17, -42}};
    /** As above at eta = 0.7, -25 and 30 under cutpoints {-2, -0.5, 0.1, 1.5, 3}. */
    private static final double[][] STAN_FIVE_CUTS = {
        {1, -2.7650435617765909, -1.0261879631175359e-10, -32.000000000000014},
        {2, -1.7808084880400759, -23.25248245905097, -30.752482458925524},
        {3, -2.0966407861702363, -25.295870368381781, -30.695870368346476},
        {4, -1.0917435703565905, -25.383154953938593, -28.78315495392345},
        {5, -1.519128589471195, -26.752482458929244, -27.252482458927751},
        {6, -2.3955454645979626, -28.000000000000693, -1.879528816537317e-12}};
    /** ordered_logistic_lpmf({1, 3, 4, 2} | [0.3, -1.2, 2.5, 0.1]', CUTS). */
    private static final double STAN_VECTORISED = -5.2281402959280854;
}
