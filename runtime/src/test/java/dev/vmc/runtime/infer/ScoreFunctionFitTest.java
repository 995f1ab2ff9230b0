package dev.vmc.runtime.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.guide.Estimator;
import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.output.Summary;
import dev.vmc.runtime.transform.Support;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model mixing a pathwise latent and a score-function one, whose posterior factorises so the
 * mean-field guide can be exact: mu ~ normal(0, 1) with y = 1.3 ~ normal(mu, 1), so mu | y is
 * normal(0.65, sqrt(1/2)); and b ~ bernoulli(0.3) with k = 4 ~ poisson(1 + 3 b), so
 * P(b = 1 | k) = 0.3 Pois(4 | 4) / (0.3 Pois(4 | 4) + 0.7 Pois(4 | 1)). The fit must find both,
 * and its final ELBO must be log p(y, k), which an exact guide attains.
 */
class ScoreFunctionFitTest {
    private static final Model MODEL = new Model() {
        public List<LatentSpec> latents() {
            return List.of(new LatentSpec("mu", new int[0], Support.REAL), new LatentSpec("b", new int[0], Support.BINARY));
        }

        public Nodes build(Graph g, Map<String, Node> z) {
            Node mu = z.get("mu");
            Node b = z.get("b");
            var normal = Distributions.get("normal");
            Node rate = g.add(g.constant(1), g.mul(g.constant(3), b));
            return new Nodes(List.of(
                    new Factor("mu ~ normal(0, 1)", normal.logDensities(g, mu, List.of(g.constant(0), g.constant(1))), Set.of("mu")),
                    new Factor("1.3 ~ normal(mu, 1)", normal.logDensities(g, g.constant(1.3), List.of(mu, g.constant(1))), Set.of("mu")),
                    new Factor("b ~ bernoulli(0.3)", Distributions.get("bernoulli").logDensities(g, b, List.of(g.constant(0.3))), Set.of("b")),
                    new Factor("4 ~ poisson(1 + 3 b)", Distributions.get("poisson").logDensities(g, g.constant(4), List.of(rate)), Set.of("b"))),
                    Map.of(), Map.of());
        }
    };

    /** The exact answer, from Commons Math's masses: P(b = 1, k = 4) and P(b = 0, k = 4), and log p(y, k). */
    private static final double ONE = 0.3 * new PoissonDistribution(4).probability(4);
    private static final double ZERO = 0.7 * new PoissonDistribution(1).probability(4);
    private static final double LOG_EVIDENCE = Math.log(ONE + ZERO) + new NormalDistribution(0, Math.sqrt(2)).logDensity(1.3);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void findsTheExactPosteriorAndEvidence(long seed) {
        double pOne = ONE / (ONE + ZERO);
        FitOptions options = FitOptions.defaults().withSeed(seed).withDraws(4000)
                .withEstimators(EstimatorChoice.automatic().withForced(null, Map.of("b", Estimator.SCORE_FUNCTION)));
        FitResult fit = Fitter.fit(MODEL, GuideChoice.automatic(GaussianGuide.Family.MEANFIELD), options, FitListener.SILENT);
        assertEquals(Estimator.SCORE_FUNCTION, fit.plan().get(1).estimator(), fit.plan().toString());
        assertEquals(FitStatus.CONVERGED, fit.status(), fit.stopReason());
        Map<String, Summary.Row> rows = new java.util.HashMap<>();
        fit.summary().rows().forEach(r -> rows.put(r.name(), r));
        // Monte Carlo error of 4,000 draws, plus what the last steps of the ascent leave
        double bSe = Math.sqrt(pOne * (1 - pOne) / 4000);
        assertEquals(pOne, rows.get("b").mean(), 4 * bSe + 0.02, "P(b = 1 | k)");
        assertEquals(0.65, rows.get("mu").mean(), 4 * Math.sqrt(0.5 / 4000) + 0.03, "E[mu | y]");
        assertEquals(Math.sqrt(0.5), rows.get("mu").sd(), 0.04, "sd[mu | y]");
        assertEquals(LOG_EVIDENCE, fit.finalElbo().mean(), 4 * fit.finalElbo().standardError() + 0.01, "ELBO = log p(y, k)");
        assertTrue(fit.finalElbo().mean() <= LOG_EVIDENCE + 4 * fit.finalElbo().standardError(), "an ELBO above the evidence");
    }

    /**
     * The seeds' REINFORCE on the continuous latent too: mu's draw held, its mean-field normal's
     * parameters learnt from the score alone. Noisier, so looser: the posterior's mean within 0.1
     * and its sd within 0.1, the ELBO within 0.1 nats of the evidence.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void theScoreFunctionOnAContinuousLatentFindsItToo(long seed) {
        FitOptions options = FitOptions.defaults().withSeed(seed).withDraws(4000).withEstimators(EstimatorChoice.automatic()
                .withForced(Estimator.SCORE_FUNCTION, Map.of()));
        FitResult fit = Fitter.fit(MODEL, GuideChoice.automatic(), options, FitListener.SILENT);
        assertEquals(List.of(Estimator.SCORE_FUNCTION, Estimator.SCORE_FUNCTION),
                fit.plan().stream().map(s -> s.estimator()).toList(), fit.plan().toString());
        Map<String, Summary.Row> rows = new java.util.HashMap<>();
        fit.summary().rows().forEach(r -> rows.put(r.name(), r));
        assertEquals(0.65, rows.get("mu").mean(), 0.1, "E[mu | y]");
        assertEquals(Math.sqrt(0.5), rows.get("mu").sd(), 0.1, "sd[mu | y]");
        assertEquals(ONE / (ONE + ZERO), rows.get("b").mean(), 0.05, "P(b = 1 | k), rate " + fit.learningRate() + ", " + fit.stopReason());
        assertEquals(LOG_EVIDENCE, fit.finalElbo().mean(), 0.1, "ELBO = log p(y, k)");
    }

    /**
     * A count with no upper bound cannot be summed out: the plan gives it the score function and
     * the automatic guide a Poisson with a free rate. n ~ poisson(3), 5 ~ poisson(n + 0.5): the best
     * Poisson guide (rate 3.925, found by a grid in the test's own sums) has ELBO -2.5151; the
     * resampled draws' mean moves towards the exact posterior mean, 3.771.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void aCountTakesAPoissonGuide(long seed) {
        Model count = new Model() {
            public List<LatentSpec> latents() {
                return List.of(new LatentSpec("n", new int[0], Support.NONNEGATIVE_INTEGER));
            }

            public Nodes build(Graph g, Map<String, Node> z) {
                var poisson = Distributions.get("poisson");
                Node n = z.get("n");
                return new Nodes(List.of(
                        new Factor("n ~ poisson(3)", poisson.logDensities(g, n, List.of(g.constant(3))), Set.of("n")),
                        new Factor("5 ~ poisson(n + 0.5)", poisson.logDensities(g, g.constant(5),
                                List.of(g.add(n, g.constant(0.5)))), Set.of("n"))), Map.of(), Map.of());
            }
        };
        FitResult fit = Fitter.fit(count, GuideChoice.automatic(), FitOptions.defaults().withSeed(seed).withDraws(4000),
                FitListener.SILENT);
        assertEquals(Estimator.SCORE_FUNCTION, fit.plan().get(0).estimator());
        assertTrue(fit.plan().get(0).family().startsWith("poisson_log"), fit.plan().get(0).family());
        assertEquals(-2.5151, fit.finalElbo().mean(), 4 * fit.finalElbo().standardError() + 0.02, fit.stopReason());
        double mean = fit.summary().rows().get(0).mean();
        assertEquals(3.771, mean, 0.15, "E[n | y], from draws resampled by their weights");
    }

    /** The same seed, the same numbers: score-function draws, baselines and all, bit for bit. */
    @org.junit.jupiter.api.Test
    void theSameSeedGivesTheSameFitBitForBit() {
        FitOptions options = FitOptions.defaults().withSeed(9).withDraws(200)
                .withEstimators(EstimatorChoice.automatic().withForced(null, Map.of("b", Estimator.SCORE_FUNCTION)));
        FitResult first = Fitter.fit(MODEL, GuideChoice.automatic(), options, FitListener.SILENT);
        FitResult second = Fitter.fit(MODEL, GuideChoice.automatic(), options, FitListener.SILENT);
        assertEquals(first.steps(), second.steps());
        assertEquals(first.finalElbo().mean(), second.finalElbo().mean(), 0);
        for (int d = 0; d < first.draws().values().length; d++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(first.draws().values()[d], second.draws().values()[d], 0);
        }
    }
}
