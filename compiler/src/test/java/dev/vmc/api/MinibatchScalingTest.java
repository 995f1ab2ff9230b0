package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.infer.ElboGraph;
import dev.vmc.runtime.train.Minibatches;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A minibatch's ELBO, its plated terms scaled by N / B, is an unbiased estimate of the whole
 * data's: averaged over many random batches (and draws) it matches the ELBO in closed form,
 * within its standard error, for a batch size that does not divide N (the last batch of an
 * epoch is topped up).
 */
class MinibatchScalingTest {
    private static final String MODEL = """
            data { int<lower=1> N; plate N; vector[N] y; }
            latent { real mu; }
            model { mu ~ normal(0, 10); y ~ normal(mu, 1); }
            guide { params { real m = 0.3; real<lower=0> s = 0.5; } mu ~ normal(m, s); }
            """;

    @Test
    void minibatchElboIsUnbiasedForTheWholeData() {
        int n = 50;
        double[] y = new double[n];
        SplittableRandom data = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            y[i] = 2 + 3 * data.nextGaussian(); // spread out, so a wrong scaling shows
        }
        BoundModel bound = Vmc.compile(MODEL, "m.vmodel").bind(DataSet.of(Map.of("N", n, "y", y)));
        double m = 0.3;
        double s = 0.5;
        double exact = -Math.log(10) - 0.5 * Math.log(2 * Math.PI) - (m * m + s * s) / 200
                + 0.5 * Math.log(2 * Math.PI * Math.E * s * s);
        for (double v : y) {
            exact += -0.5 * Math.log(2 * Math.PI) - 0.5 * ((v - m) * (v - m) + s * s);
        }

        int batch = 7;
        ElboGraph elbo = ElboGraph.build(bound.minibatchModel(batch), bound.minibatchGuide(batch));
        Executor executor = new Executor(elbo.graph, 1, ParameterStore.initial(elbo.graph), new SplittableRandom(2));
        Minibatches batches = new Minibatches(bound.minibatchModel(batch).plate(), elbo.graph, new SplittableRandom(3));
        int epochs = 4000;
        double sum = 0;
        double sumSq = 0;
        int count = 0;
        for (int e = 0; e < epochs; e++) {
            batches.shuffle();
            for (int b = 0; b < batches.batchesPerEpoch(); b++) {
                batches.fill(executor, b);
                executor.forward();
                double v = executor.value(elbo.terms).item();
                sum += v;
                sumSq += v * v;
                count++;
            }
        }
        double mean = sum / count;
        double se = Math.sqrt((sumSq / count - mean * mean) / count);
        assertTrue(se < 2, "the test has the power to see a wrong scaling: se " + se);
        assertEquals(exact, mean, 4 * se, "minibatch ELBO " + mean + " (se " + se + ") against the whole data's " + exact);
    }
}
