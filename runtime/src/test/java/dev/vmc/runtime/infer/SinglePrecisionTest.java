package dev.vmc.runtime.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.Precision;
import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Single precision: every stored value is a float32, and fits agree with double within float error. */
class SinglePrecisionTest {
    private final LinearGaussianModel model = new LinearGaussianModel(2.0, 1.5, 0.8);

    private static boolean allFloats(double[] values) {
        for (double v : values) {
            if (v != (float) v) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyValueAndGradientIsAFloat32() {
        ElboGraph elbo = ElboGraph.build(model, GaussianGuide.fullRank());
        ParameterStore store = ParameterStore.initial(elbo.graph);
        store.get("guide.loc").data[0] = 0.1234567891234;
        store.round(Precision.SINGLE); // parameters are the caller's to keep in float32, as the fitter does
        Executor single = new Executor(elbo.graph, 7, store, new SplittableRandom(3), Precision.SINGLE);
        single.forward();
        single.backward(elbo.objective);
        for (Node n : elbo.graph.nodes()) {
            assertTrue(allFloats(single.value(n).data), "value of " + n);
            Tensor g = single.gradient(n);
            assertTrue(g == null || allFloats(g.data), "gradient of " + n);
        }
        // and the same computation in double differs, by about float32's relative precision
        Executor exact = new Executor(elbo.graph, 7, store, new SplittableRandom(3), Precision.DOUBLE);
        exact.forward();
        double d = exact.value(elbo.objective).item();
        double s = single.value(elbo.objective).item();
        assertNotEquals(d, s);
        assertEquals(d, s, 1e-5 * Math.abs(d));
    }

    @Test
    void singlePrecisionFitReachesTheSameOptimumAndIsRepeatable() {
        FitOptions options = FitOptions.defaults().withParticles(200).withLearningRate(0.01).withMaxSteps(3000)
                .withTolerance(0).withDraws(500).withSeed(11).withPrecision(Precision.SINGLE);
        FitResult a = Fitter.fit(model, GaussianGuide.meanField(), options, FitListener.SILENT);
        FitResult b = Fitter.fit(model, GaussianGuide.meanField(), options, FitListener.SILENT);
        assertTrue(java.util.Arrays.deepEquals(a.draws().values(), b.draws().values()), "same seed, same numbers");
        for (double[] row : a.draws().values()) {
            assertTrue(allFloats(row));
        }
        assertTrue(allFloats(a.parameters().get("guide.loc").data));
        // same tolerance as the double-precision fit of this model (ClosedFormTest)
        assertEquals(model.optimalMean(), a.parameters().get("guide.loc").data[0], 0.01);
        assertEquals(model.optimalSd(), Math.exp(a.parameters().get("guide.log_scale").data[0]), 0.01);
    }
}
