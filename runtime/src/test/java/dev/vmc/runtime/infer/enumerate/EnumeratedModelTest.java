package dev.vmc.runtime.infer.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.guide.Estimator;
import dev.vmc.runtime.infer.EstimatorChoice;
import dev.vmc.runtime.infer.Planner;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.LogDensity;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.tensor.Tensor;
import dev.vmc.runtime.transform.Support;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Enumeration against sums done by hand: the marginal log density of the remaining latents, its
 * gradient against finite differences, the conditional probabilities it reports, and the
 * refusals that send a latent to the score function.
 */
class EnumeratedModelTest {
    private final TinyMixture mixture = new TinyMixture(-2.1, -1.7, 0.4, 2.2, 2.9, 3.3);
    private final Model marginal = new EnumeratedModel(mixture, List.of(List.of("z")));

    @Test
    void leavesTheContinuousLatents() {
        assertEquals(List.of("mu"), marginal.latents().stream().map(LatentSpec::name).toList());
    }

    @Test
    void theMarginalIsTheSumOverAssignmentsDoneByHand() {
        LogDensity density = LogDensity.of(marginal);
        for (double[] mu : new double[][] {{-2, 3}, {0.5, 0.1}, {4, -4}}) {
            assertEquals(mixture.marginal(mu), density.value(mu), 1e-10);
        }
    }

    @Test
    void itsGradientIsTheFiniteDifference() {
        LogDensity density = LogDensity.of(marginal);
        double[] mu = {-1.3, 2.4};
        double[] gradient = new double[2];
        density.evaluator(1).valueAndGradient(mu, gradient);
        for (int i = 0; i < 2; i++) {
            double h = 1e-5;
            double[] up = mu.clone();
            double[] down = mu.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (mixture.marginal(up) - mixture.marginal(down)) / (2 * h);
            assertEquals(fd, gradient[i], 1e-6 * Math.max(1, Math.abs(fd)));
        }
    }

    @Test
    void reportsEachAssignmentsConditionalProbabilities() {
        Graph g = new Graph();
        Node mu = g.constant(Tensor.vector(-2, 3));
        Model.Nodes p = marginal.build(g, Map.of("mu", mu));
        Node probabilities = p.summarised().get("Pr(z)");
        assertEquals(List.of(6, 2), List.of(probabilities.shape[0], probabilities.shape[1]));
        var executor = new dev.vmc.runtime.graph.Executor(g, 1, dev.vmc.runtime.graph.ParameterStore.initial(g),
                new java.util.SplittableRandom(1));
        executor.forward();
        double[] got = executor.value(probabilities).data;
        for (int n = 0; n < 6; n++) {
            double a = TinyMixture.WEIGHTS[0] * Math.exp(TinyMixture.normal(mixture.x[n], -2, 1));
            double b = TinyMixture.WEIGHTS[1] * Math.exp(TinyMixture.normal(mixture.x[n], 3, 1));
            assertEquals(a / (a + b), got[2 * n], 1e-12);
            assertEquals(b / (a + b), got[2 * n + 1], 1e-12);
            double z = executor.value(p.derived().get("z")).data[n];
            assertTrue(z == 1 || z == 2, "a draw of z is a value of its support: " + z);
        }
    }

    @Test
    void thePlannerEnumeratesTheAssignments() {
        Planner.Plan plan = Planner.plan(mixture, EstimatorChoice.automatic());
        assertEquals(List.of("z"), plan.enumerated().stream().map(s -> s.latent()).toList());
        assertTrue(plan.scored().isEmpty());
    }

    @Test
    void aLatentMixedByAMatrixProductGoesToTheScoreFunction() {
        Model mixed = new Model() {
            public List<LatentSpec> latents() {
                return List.of(new LatentSpec("b", new int[] {3}, Support.BINARY));
            }

            public Nodes build(Graph g, Map<String, Node> latents) {
                Node mean = g.matmul(g.constant(Tensor.filled(new int[] {2, 3}, 1)), latents.get("b"));
                Node y = Distributions.get("normal").logDensities(g, g.constant(Tensor.vector(1, 2)), List.of(mean, g.constant(1)));
                return new Nodes(List.of(new Factor("y ~ normal(X * b, 1)", y, Set.of("b"))), Map.of(), Map.of());
            }
        };
        Planner.Plan plan = Planner.plan(mixed, EstimatorChoice.automatic());
        assertTrue(plan.enumerated().isEmpty());
        assertTrue(plan.scored().get("b").startsWith("not enumerated"), plan.scored().toString());
        IllegalArgumentException forced = assertThrows(IllegalArgumentException.class, () -> Planner.plan(mixed,
                EstimatorChoice.automatic().withForced(Estimator.ENUMERATION, Map.of())));
        assertTrue(forced.getMessage().contains("b cannot be enumerated"), forced.getMessage());
    }
}
