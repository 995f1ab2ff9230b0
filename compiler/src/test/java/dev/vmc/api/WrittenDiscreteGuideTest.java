package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.guide.Estimator;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;
import java.util.Map;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A guide written with a discrete family, fitted by the score function end to end: b ~
 * bernoulli(0.3) with k = 4 ~ poisson(1 + 3 b), so P(b = 1 | k) = 0.3 Pois(4 | 4) / (0.3 Pois(4 | 4)
 * + 0.7 Pois(4 | 1)); the guide's own logit must reach its log odds, and the ELBO the evidence,
 * which an exact guide attains.
 */
class WrittenDiscreteGuideTest {
    private static final String PROGRAM = """
            data { int k; }
            latent { int<lower=0, upper=1> b; }
            model {
              b ~ bernoulli(0.3);
              k ~ poisson(1 + 3 * b);
            }
            guide {
              params { real a = 0; }
              b ~ bernoulli_logit(a);
            }
            """;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void theWrittenGuideReachesTheExactPosterior(long seed) {
        double one = 0.3 * new PoissonDistribution(4).probability(4);
        double zero = 0.7 * new PoissonDistribution(1).probability(4);
        BoundModel bound = Vmc.compile(PROGRAM, "written.vmodel").bind(DataSet.of(Map.of("k", 4)));
        FitResult fit = bound.fit(FitOptions.defaults().withSeed(seed));
        assertEquals(Estimator.SCORE_FUNCTION, fit.plan().get(0).estimator(), fit.plan().toString());
        assertTrue(fit.status().trusted(), fit.stopReason());
        double logit = fit.pointEstimates().get("a").item();
        assertEquals(Math.log(one / zero), logit, 0.15, "the guide's logit against the exact log odds");
        assertEquals(Math.log(one + zero), fit.finalElbo().mean(), 4 * fit.finalElbo().standardError() + 0.005,
                "ELBO = log p(k)");
    }
}
