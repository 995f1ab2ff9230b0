package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.data.DataValue;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.infer.FitListener;
import dev.vmc.runtime.tensor.DataType;
import dev.vmc.runtime.train.EpochRecord;
import dev.vmc.runtime.train.Evaluation;
import dev.vmc.runtime.train.HeldOut;
import dev.vmc.runtime.train.TrainOptions;
import dev.vmc.runtime.train.TrainResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The VAE example on a small slice of its real digits: a few epochs of training move the
 * held-out ELBO far above the untrained networks', and vmc eval's scores hang together.
 */
class VaeTrainingTest {
    private static final Path EXAMPLE = Path.of("../examples/vae");

    static BoundModel digits(CompiledModel model, String file, int n) throws IOException {
        DataValue all = DataSet.array("x", EXAMPLE.resolve("digits").resolve(file)).get("x").orElseThrow();
        int width = all.values().length / all.shape()[0];
        double[][] x = new double[n][width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(all.values(), i * width, x[i], 0, width);
        }
        return model.bind(DataSet.of(Map.of("N", n, "D", width, "x", x)));
    }

    @Test
    void trainingImprovesTheHeldOutElboByAClearMargin() throws IOException {
        CompiledModel model = Vmc.compile(EXAMPLE.resolve("vae.vmodel"));
        BoundModel train = digits(model, "train-images-idx3-ubyte.gz", 600);
        BoundModel test = digits(model, "test-images-idx3-ubyte.gz", 200);
        TrainOptions options = TrainOptions.defaults().withEpochs(4).withBatchSize(100).withSeed(3);

        ParameterStore untrained = ParameterStore.initial(dev.vmc.runtime.infer.ElboGraph.build(train.minibatchModel(100),
                train.minibatchGuide(100)).graph);
        double before = new HeldOut(test.minibatchModel(100), test.minibatchGuide(100), untrained, options, 1).score().elbo();
        TrainResult result = train.train(options, test, FitListener.SILENT);
        EpochRecord last = result.epochs().get(result.epochs().size() - 1);

        // untrained, every pixel is a coin flip: about 784 log 2 = 543 nats per digit
        assertTrue(before < -400, "untrained held-out ELBO " + before);
        assertTrue(last.heldOut().elbo() > before + 150, "held-out ELBO " + last.heldOut().elbo() + " after "
                + result.epochs().size() + " epochs, from " + before);
        assertEquals(last.heldOut().elbo(), last.heldOut().reconstruction() - last.heldOut().kl(), 1e-9);
        assertTrue(last.heldOut().kl() > 0, "the codes carry information");

        Evaluation.Result scores = test.evaluate(ParameterStore.of(result.global()), 20, 8, DataType.FLOAT32, 4);
        assertEquals(200, scores.data());
        // the importance-weighted bound is above the ELBO, by more than its Monte Carlo noise here
        assertTrue(scores.iwae() > scores.elbo(), scores.iwae() + " against ELBO " + scores.elbo());
        assertEquals(last.heldOut().elbo(), scores.elbo(), 3, "eval's ELBO, averaged over 20 draws, near the epoch's one-draw score");
        assertEquals(50, scores.klPerUnit().length);
        assertEquals(scores.kl(), Arrays.stream(scores.klPerUnit()).sum(), 1e-6 * Math.abs(scores.kl()) + 1e-9,
                "the KL is the sum of the units' KLs");
        assertTrue(scores.mutualInformation() > 0 && scores.mutualInformation() <= Math.log(200) + 1e-9);
        assertEquals(scores.kl(), scores.mutualInformation() + scores.marginalKl(), 1e-9);
        assertNotNull(scores.pictures().samples(), scores.pictures().notes());
        assertEquals(8, scores.pictures().originals().length);
        assertEquals(784, scores.pictures().reconstructions()[0].length);
    }
}
