package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.infer.FitListener;
import dev.vmc.runtime.tensor.DataType;
import dev.vmc.runtime.tensor.Tensor;
import dev.vmc.runtime.train.TrainOptions;
import dev.vmc.runtime.train.TrainResult;
import java.util.Map;
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
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = W * random.nextGaussian() + SIGMA * random.nextGaussian();
        }
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
}
