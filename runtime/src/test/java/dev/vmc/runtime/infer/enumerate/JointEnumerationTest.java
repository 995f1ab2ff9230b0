package dev.vmc.runtime.infer.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.guide.Estimator;
import dev.vmc.runtime.infer.EstimatorChoice;
import dev.vmc.runtime.infer.FitListener;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;
import dev.vmc.runtime.infer.Fitter;
import dev.vmc.runtime.infer.GuideChoice;
import dev.vmc.runtime.infer.Planner;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.LogDensity;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.output.Summary;
import dev.vmc.runtime.transform.Support;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

/**
 * Two discrete latents in one factor are summed out together, along the axis of their 16 joint
 * values: a ~ poisson(2) and b ~ poisson(a + 1), both on {0, ..., 3}, and y = 1.5 ~ normal(mu + b, 1)
 * with mu ~ normal(0, 1). Against sums done by hand.
 */
class JointEnumerationTest {
    private static final Model MODEL = new Model() {
        public List<LatentSpec> latents() {
            return List.of(new LatentSpec("mu", new int[0], Support.REAL), new LatentSpec("a", new int[0], Support.integer(0, 3)),
                    new LatentSpec("b", new int[0], Support.integer(0, 3)));
        }

        public Nodes build(Graph g, Map<String, Node> z) {
            var poisson = Distributions.get("poisson");
            var normal = Distributions.get("normal");
            Node a = z.get("a");
            Node b = z.get("b");
            Node mu = z.get("mu");
            return new Nodes(List.of(
                    new Factor("mu ~ normal(0, 1)", normal.logDensities(g, mu, List.of(g.constant(0), g.constant(1))), Set.of("mu")),
                    new Factor("a ~ poisson(2)", poisson.logDensities(g, a, List.of(g.constant(2))), Set.of("a")),
                    new Factor("b ~ poisson(a + 1)", poisson.logDensities(g, b, List.of(g.add(a, g.constant(1)))),
                            Set.of("a", "b")),
                    new Factor("1.5 ~ normal(mu + b, 1)", normal.logDensities(g, g.constant(1.5),
                            List.of(g.add(mu, b), g.constant(1))), Set.of("mu", "b"))), Map.of(), Map.of());
        }
    };

    private static double logPoisson(int k, double rate) {
        return new PoissonDistribution(rate).logProbability(k);
    }

    private static double logNormal(double x, double mean) {
        return -0.5 * (x - mean) * (x - mean) - 0.5 * Math.log(2 * Math.PI);
    }

    /** log p(a, b, y | mu), mu's prior aside. */
    private static double joint(double mu, int a, int b) {
        return logPoisson(a, 2) + logPoisson(b, a + 1) + logNormal(1.5, mu + b);
    }

    @Test
    void theTwoAreGroupedAndSummedOutTogether() {
        Planner.Plan plan = Planner.plan(MODEL, EstimatorChoice.automatic());
        assertTrue(plan.scored().isEmpty(), plan.scored().toString());
        assertEquals(List.of(Estimator.ENUMERATION, Estimator.ENUMERATION), plan.enumerated().stream().map(s -> s.estimator()).toList());
        assertTrue(plan.enumerated().get(0).reason().contains("the 16 joint values of a, b"), plan.enumerated().get(0).reason());
        LogDensity density = LogDensity.of(plan.model());
        for (double mu : new double[] {-1, 0.4, 2}) {
            double total = 0;
            for (int a = 0; a <= 3; a++) {
                for (int b = 0; b <= 3; b++) {
                    total += Math.exp(joint(mu, a, b));
                }
            }
            assertEquals(logNormal(mu, 0) + Math.log(total), density.value(new double[] {mu}), 1e-12);
        }
    }

    /** The reported Pr(a) and Pr(b) average each draw's exact conditional: against the posterior marginals, to Monte Carlo error. */
    @Test
    void eachLatentsProbabilitiesAreItsMarginal() {
        FitResult fit = Fitter.fit(MODEL, GuideChoice.automatic(), FitOptions.defaults().withSeed(3).withDraws(4000),
                FitListener.SILENT);
        Map<String, Double> means = new HashMap<>();
        fit.summary().rows().forEach(r -> means.put(r.name(), r.mean()));
        // the exact posterior marginals, integrating mu by quadrature
        double[] pa = new double[4];
        double[] pb = new double[4];
        double total = 0;
        for (double mu = -8; mu <= 8; mu += 0.001) {
            for (int a = 0; a <= 3; a++) {
                for (int b = 0; b <= 3; b++) {
                    double w = Math.exp(logNormal(mu, 0) + joint(mu, a, b));
                    pa[a] += w;
                    pb[b] += w;
                    total += w;
                }
            }
        }
        for (int v = 0; v < 4; v++) {
            assertEquals(pa[v] / total, means.get("Pr(a)." + (v + 1)), 0.01, "P(a = " + v + ")");
            assertEquals(pb[v] / total, means.get("Pr(b)." + (v + 1)), 0.01, "P(b = " + v + ")");
        }
        Summary.Row b = fit.summary().rows().stream().filter(r -> r.name().equals("b")).findFirst().orElseThrow();
        double meanB = 0;
        for (int v = 0; v < 4; v++) {
            meanB += v * pb[v] / total;
        }
        assertEquals(meanB, b.mean(), 4 * b.sd() / Math.sqrt(1000) + 0.02, "b's conditional draws");
    }
}
