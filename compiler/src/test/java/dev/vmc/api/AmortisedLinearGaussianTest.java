package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.infer.FitListener;
import dev.vmc.runtime.tensor.DataType;
import dev.vmc.runtime.tensor.Tensor;
import dev.vmc.runtime.train.TrainOptions;
import dev.vmc.runtime.train.TrainResult;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The seeds' linear-Gaussian model with many data: z_n ~ N(0, 1), x_n ~ N(w z_n, sigma). Its
 * posterior is z_n | x_n ~ N(w x_n / (w^2 + sigma^2), sigma^2 / (w^2 + sigma^2)): a mean linear
 * in x_n and a constant sd, which linear encoders can represent exactly, so amortised training
 * by minibatches must learn that map.
 */
class AmortisedLinearGaussianTest {
    static final double W = 2;
    static final double SIGMA = 1;

    static final String AMORTISED = """
            data { int<lower=1> N; plate N; matrix[N, 1] x; real w; real<lower=0> sigma; }
            networks { loc = mlp(1, 1); log_sd = mlp(1, 1); }
            latent { matrix[N, 1] z; }
            model { z ~ normal(0, 1); x ~ normal(w * z, sigma); }
            guide { z ~ normal(loc(x), exp(log_sd(x))); }
            """;

    static BoundModel bind(String source, int n, long seed) {
        double[][] x = xOf(n, seed);
        return Vmc.compile(source, "lg.vmodel").bind(DataSet.of(Map.of("N", n, "x", x, "w", W, "sigma", SIGMA)));
    }

    @Test
    void theEncoderLearnsThePosteriorMeanMapAndSd() {
        TrainResult result = bind(AMORTISED, 400, 11).train(TrainOptions.defaults().withEpochs(2000).withBatchSize(40)
                .withLearningRate(0.003).withDataType(DataType.FLOAT64).withSeed(5), null, FitListener.SILENT);
        Tensor loc = result.parameters().get("loc");     // [weight, bias]
        Tensor logSd = result.parameters().get("log_sd");
        double slope = W / (W * W + SIGMA * SIGMA);
        double logSdExact = 0.5 * Math.log(SIGMA * SIGMA / (W * W + SIGMA * SIGMA));
        // Adam at a fixed step size wanders about the optimum; the ELBO is flat there (an error of
        // 0.02 in the slope or 0.04 in the log sd costs under 0.01 nats per datum), which sets the tolerances
        assertEquals(slope, loc.data[0], 0.02, "posterior mean slope");
        assertEquals(0, loc.data[1], 0.03, "posterior mean intercept");
        assertEquals(0, logSd.data[0], 0.03, "log sd does not depend on x");
        assertEquals(logSdExact, logSd.data[1], 0.04, "posterior log sd");
    }

    /** Two data-parallel workers on halves of each batch: the same optimum, and the same numbers on a second run. */
    @Test
    void twoThreadsLearnTheSameMapAndRepeatBitForBit() {
        TrainOptions options = TrainOptions.defaults().withEpochs(2000).withBatchSize(40).withLearningRate(0.003)
                .withDataType(DataType.FLOAT64).withSeed(5).withThreads(2);
        TrainResult first = bind(AMORTISED, 400, 11).train(options, null, FitListener.SILENT);
        TrainResult second = bind(AMORTISED, 400, 11).train(options, null, FitListener.SILENT);
        assertEquals(java.util.Arrays.toString(first.parameters().get("loc").data),
                java.util.Arrays.toString(second.parameters().get("loc").data));
        assertEquals(java.util.Arrays.toString(first.parameters().get("log_sd").data),
                java.util.Arrays.toString(second.parameters().get("log_sd").data));
        double slope = W / (W * W + SIGMA * SIGMA);
        assertEquals(slope, first.parameters().get("loc").data[0], 0.02, "posterior mean slope");
        assertEquals(0.5 * Math.log(SIGMA * SIGMA / (W * W + SIGMA * SIGMA)), first.parameters().get("log_sd").data[1], 0.04);
    }

    static final String TWO_STEP = """
            data { int<lower=1> N; plate N; matrix[N, 1] x; real w; real<lower=0> sigma; }
            latent { matrix[N, 1] z; }
            model { z ~ normal(0, 1); x ~ normal(w * z, sigma); }
            guide { params { matrix[N, 1] m = 0; matrix<lower=0>[N, 1] s = 1; } z ~ normal(m, s); }
            """;

    /** The seeds' classic two-step BBVI: free per-datum parameters, a few local steps per batch, reach the same posterior. */
    @Test
    void twoStepBbviWithLocalParametersReachesTheSameOptimum() {
        BoundModel bound = bind(TWO_STEP, 200, 12);
        TrainResult result = bound.train(TrainOptions.defaults().withEpochs(100).withBatchSize(20).withLocalSteps(10)
                .withLocalLearningRate(0.01).withDataType(DataType.FLOAT64).withSeed(6), null, FitListener.SILENT);
        Tensor m = result.parameters().get("m");
        Tensor s = result.parameters().get("s"); // unconstrained: log s
        double[][] x = xOf(200, 12);
        double slope = W / (W * W + SIGMA * SIGMA);
        double logSdExact = 0.5 * Math.log(SIGMA * SIGMA / (W * W + SIGMA * SIGMA));
        double meanError = 0;
        double sdError = 0;
        for (int i = 0; i < 200; i++) {
            meanError += Math.pow(m.data[i] - slope * x[i][0], 2);
            sdError += Math.pow(s.data[i] - logSdExact, 2);
        }
        // 1,000 local steps per datum at step size 0.01 leave each an Adam jitter of a few hundredths
        assertEquals(0, Math.sqrt(meanError / 200), 0.05, "rms error of the per-datum means");
        assertEquals(0, Math.sqrt(sdError / 200), 0.08, "rms error of the per-datum log sds");
        assertEquals(Set.of("m", "s"), result.locals());
        assertEquals(Set.of(), result.global().keySet(), "per-datum parameters are not kept for other data");
    }

    static double[][] xOf(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = W * random.nextGaussian() + SIGMA * random.nextGaussian();
        }
        return x;
    }
}
