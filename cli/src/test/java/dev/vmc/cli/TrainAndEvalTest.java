package dev.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.output.GuideJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vmc run} training by minibatches (a model with latents on its plate), then {@code vmc
 * eval} on held-out data, through the command line: progress per epoch, params.json that eval
 * reads back, scores, pictures; and the mistakes a user can make there.
 */
class TrainAndEvalTest {
    @TempDir
    Path tmp;

    /** A tiny VAE: 16 pixels from a 2-d code, so pictures are 4 x 4. */
    private static final String VAE = """
            data { int<lower=1> N; plate N; array[N, 16] int<lower=0, upper=1> x; }
            networks { decoder = mlp(2, 8, 16, tanh); encoder = mlp(16, 8, 2, tanh); spread = mlp(16, 2); }
            latent { matrix[N, 2] z; }
            model { z ~ normal(0, 1); x ~ bernoulli_logit(decoder(z)); }
            guide { z ~ normal(encoder(x), exp(spread(x))); }
            """;

    private Path data(String name, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < n; i++) {
            boolean left = random.nextBoolean(); // two kinds of picture: left half or right half inked
            rows.append(i == 0 ? "" : ", ").append('[');
            for (int p = 0; p < 16; p++) {
                boolean ink = (p % 4 < 2) == left ? random.nextDouble() < 0.9 : random.nextDouble() < 0.1;
                rows.append(p == 0 ? "" : ", ").append(ink ? 1 : 0);
            }
            rows.append(']');
        }
        return Cli.write(tmp.resolve(name), String.format(Locale.ROOT, "{\"N\": %d, \"x\": [%s]}", n, rows));
    }

    @Test
    void trainsByEpochsThenEvaluatesWhatItSaved() throws IOException {
        Path model = Cli.write(tmp.resolve("tiny_vae.vmodel"), VAE);
        Path train = data("train.json", 200, 1);
        Path test = data("test.json", 50, 2);
        Cli.Result r = Cli.run("run", model.toString(), "--data", train.toString(), "--held-out", test.toString(),
                "--epochs", "3", "--batch-size", "32", "--out", tmp.resolve("run").toString());
        r.assertCode(ExitCode.OK);
        assertTrue(r.out().contains("training: the ELBO over minibatches of 32 of the 200 rows of plate N (7 steps an epoch"),
                r.all());
        assertTrue(r.out().contains("local latents: amortised"), r.all());
        assertTrue(r.out().contains("epoch   3/3  train ELBO"), r.all());
        assertTrue(r.out().contains("held-out ELBO"), r.all());
        Path params = tmp.resolve("run").resolve("params.json");
        assertEquals(java.util.Set.of("decoder", "encoder", "spread"), GuideJson.read(params).params().keySet());
        assertEquals(4, Files.readAllLines(tmp.resolve("run").resolve("epochs.csv")).size());

        Cli.Result e = Cli.run("eval", model.toString(), "--params", params.toString(), "--data", test.toString(),
                "--iwae", "10", "--pictures", "6", "--out", tmp.resolve("eval").toString());
        e.assertCode(ExitCode.OK);
        assertTrue(e.out().contains("per datum, over 50 data:"), e.all());
        assertTrue(e.out().contains("log-likelihood, IWAE K = 10"), e.all());
        String json = Cli.read(tmp.resolve("eval").resolve("eval.json"));
        assertTrue(json.contains("\"iwae_k\": 10") && json.contains("\"active_units\": "), json);
        var picture = ImageIO.read(tmp.resolve("eval").resolve("reconstructions.png").toFile());
        // 6 originals above their 6 reconstructions, 4 x 4 pixels each scaled by 2, 1-pixel separators
        assertEquals(6 * 8 + 5, picture.getWidth());
        assertEquals(2 * 8 + 1, picture.getHeight());
        assertTrue(Files.exists(tmp.resolve("eval").resolve("samples.png")));
    }

    @Test
    void mistakesAreNamedWithTheFix() {
        Path train = data("train.json", 40, 1);
        Path noPlate = Cli.write(tmp.resolve("no_plate.vmodel"), """
                data { int<lower=1> N; vector[N] y; }
                latent { real mu; }
                model { mu ~ normal(0, 1); y ~ normal(mu, 1); }
                """);
        Path y = Cli.write(tmp.resolve("y.json"), "{\"N\": 2, \"y\": [1, 2]}");
        Cli.Result r = Cli.run("run", noPlate.toString(), "--data", y.toString(), "--epochs", "2",
                "--out", tmp.resolve("a").toString());
        r.assertCode(ExitCode.USAGE);
        assertTrue(r.err().contains("minibatches need a plate") && r.err().contains("plate N;"), r.all());

        Path mixes = Cli.write(tmp.resolve("mixes.vmodel"), """
                data { int<lower=1> N; plate N; vector[N] y; }
                latent { real mu; }
                model { mu ~ normal(0, 1); y ~ normal(mu, 1); target += -0.01 * sum(y); }
                """);
        Path ys = Cli.write(tmp.resolve("ys.json"), "{\"N\": 4, \"y\": [1, 2, 3, 4]}");
        Cli.Result mixed = Cli.run("run", mixes.toString(), "--data", ys.toString(), "--batch-size", "2",
                "--out", tmp.resolve("c").toString());
        mixed.assertCode(ExitCode.USAGE);
        assertTrue(mixed.err().contains("mixes.vmodel:3") && mixed.err().contains("this statement uses the minibatch (y) but"
                + " is not a ~ statement on a variable over the plate N"), mixed.all());

        Path discrete = Cli.write(tmp.resolve("discrete.vmodel"), """
                data { int<lower=1> N; plate N; vector[N] y; }
                latent { array[N] int<lower=0, upper=1> b; }
                model { b ~ bernoulli(0.5); y ~ normal(b, 1); }
                guide { params { vector<lower=0, upper=1>[N] p = 0.5; } b ~ bernoulli(p); }
                """);
        Cli.Result notTrained = Cli.run("run", discrete.toString(), "--data", ys.toString(), "--epochs", "2",
                "--out", tmp.resolve("d").toString());
        notTrained.assertCode(ExitCode.USAGE);
        assertTrue(notTrained.err().contains("latent 'b' is discrete, and minibatch training does not train discrete latents"
                + " yet"), notTrained.all());

        Path model = Cli.write(tmp.resolve("m.vmodel"), VAE);
        Cli.Result noParams = Cli.run("eval", model.toString(), "--data", train.toString());
        noParams.assertCode(ExitCode.USAGE);
        assertTrue(noParams.err().contains("eval needs --params"), noParams.all());

        Path wrong = Cli.write(tmp.resolve("wrong.json"), """
                {"meta": {}, "params": {"decoder": {"shape": [3], "values": [1, 2, 3]}}}
                """);
        Cli.Result mismatch = Cli.run("eval", model.toString(), "--params", wrong.toString(), "--data", train.toString(),
                "--out", tmp.resolve("b").toString());
        mismatch.assertCode(ExitCode.USAGE);
        assertTrue(mismatch.err().contains("the parameters have no 'encoder', which this model needs; they have [decoder]"),
                mismatch.all());
        assertFalse(Files.exists(tmp.resolve("b").resolve("eval.json")));

        Cli.Result badSchedule = Cli.run("run", model.toString(), "--data", train.toString(), "--kl-schedule", "0:0,x");
        badSchedule.assertCode(ExitCode.USAGE);
        assertTrue(badSchedule.err().contains("'x' is not a point step:weight"), badSchedule.all());
    }
}
