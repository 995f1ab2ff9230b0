package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.infer.FitListener;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A regression with an uncentred predictor: intercept and slope are strongly correlated a
 * posteriori, and with known noise the posterior is exactly Gaussian. A full-rank guide can
 * represent it; a mean-field one cannot.
 */
class GuideFamilyTest {
    private static final String SOURCE = """
            data { int N; vector[N] x; vector[N] y; }
            latent { real a; real b; }
            model {
              a ~ normal(0, 10);
              b ~ normal(0, 10);
              y ~ normal(a + b * x, 1);
            }
            """;
    private static final double[] X = {10, 11, 12, 13, 14, 15, 16, 17};
    private static final double[] Y = {3.1, 3.4, 3.9, 4.2, 4.4, 5.1, 5.2, 5.8};

    /** Exact posterior covariance of (a, b): inverse of prior precision plus X'X. */
    private static double exactCorrelation() {
        double n = X.length, sx = 0, sxx = 0;
        for (double v : X) {
            sx += v;
            sxx += v * v;
        }
        double p11 = n + 0.01, p12 = sx, p22 = sxx + 0.01;
        // inverse of [[p11, p12], [p12, p22]] has off-diagonal -p12/det, diagonals p22/det, p11/det
        return -p12 / Math.sqrt(p11 * p22);
    }

    private static double sampleCorrelation(FitResult fit) {
        double[][] v = fit.draws().values();
        double ma = 0, mb = 0;
        for (double[] d : v) {
            ma += d[0];
            mb += d[1];
        }
        ma /= v.length;
        mb /= v.length;
        double saa = 0, sbb = 0, sab = 0;
        for (double[] d : v) {
            saa += (d[0] - ma) * (d[0] - ma);
            sbb += (d[1] - mb) * (d[1] - mb);
            sab += (d[0] - ma) * (d[1] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static DataSet data() {
        return DataSet.of(Map.of("N", X.length, "x", X, "y", Y));
    }

    @Test
    void fullRankGuideCapturesPosteriorCorrelationThatMeanFieldCannot() {
        CompiledModel model = Vmc.compile(SOURCE, "regression.vmodel");
        FitOptions options = FitOptions.defaults().withDraws(4000).withParticles(10).withMaxSteps(20000);
        FitResult full = model.fit(data(), options, "fullrank", FitListener.SILENT);
        FitResult meanField = model.fit(data(), options, "meanfield", FitListener.SILENT);
        double exact = exactCorrelation();
        assertTrue(exact < -0.95, "the test needs a strongly correlated posterior, got " + exact);
        // 4000 draws give the correlation a standard error of about (1 - r^2) / sqrt(n), tiny here;
        // the tolerance is what a converged but stochastic optimisation leaves.
        assertEquals(exact, sampleCorrelation(full), 0.01);
        assertEquals(0, sampleCorrelation(meanField), 4 / Math.sqrt(4000.0));
    }

    @Test
    void fitsFromSeveralThreadsMatchTheSameFitsRunAlone() throws Exception {
        CompiledModel model = Vmc.compile(SOURCE, "regression.vmodel");
        FitOptions options = FitOptions.defaults().withMaxSteps(2000).withDraws(100);
        List<FitResult> alone = new ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) {
            alone.add(model.fit(data(), options.withSeed(seed)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<FitResult>> together = new ArrayList<>();
            for (long seed = 1; seed <= 4; seed++) {
                long s = seed;
                together.add(pool.submit(() -> model.fit(data(), options.withSeed(s))));
            }
            for (int i = 0; i < 4; i++) {
                FitResult parallel = together.get(i).get();
                for (int d = 0; d < 100; d++) {
                    assertArrayEquals(alone.get(i).draws().values()[d], parallel.draws().values()[d]);
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
