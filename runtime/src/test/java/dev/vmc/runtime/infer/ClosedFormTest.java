package dev.vmc.runtime.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ELBO, its gradient and its optimum against the seeds' closed forms. */
class ClosedFormTest {
    private final LinearGaussianModel model = new LinearGaussianModel(2.0, 1.5, 0.8);

    private static void set(ParameterStore store, double m, double s) {
        store.get("guide.loc").data[0] = m;
        store.get("guide.log_scale").data[0] = Math.log(s);
    }

    /**
     * Repeats the estimate with independent seeds and checks its mean against the exact value
     * within 4 standard errors of that mean: a test that fails if the estimator is biased.
     */
    @Test
    void elboAndItsGradientAreUnbiased() {
        ElboGraph elbo = ElboGraph.build(model, GaussianGuide.meanField());
        double m = 0.3;
        double s = 0.9;
        int repeats = 200;
        double[][] samples = new double[3][repeats];
        for (int r = 0; r < repeats; r++) {
            ParameterStore store = ParameterStore.initial(elbo.graph);
            set(store, m, s);
            Executor ex = new Executor(elbo.graph, 50, store, new SplittableRandom(1000 + r));
            ex.forward();
            ex.backward(elbo.objective);
            samples[0][r] = ex.value(elbo.objective).item();
            samples[1][r] = ex.gradient(elbo.graph.parameters().get(0)).data[0];
            samples[2][r] = ex.gradient(elbo.graph.parameters().get(1)).data[0];
        }
        double[] exact = {model.elbo(m, s), model.elboGradient(m, s)[0], model.elboGradient(m, s)[1]};
        String[] names = {"ELBO", "d/d loc", "d/d log scale"};
        for (int k = 0; k < 3; k++) {
            double mean = mean(samples[k]);
            double se = sd(samples[k], mean) / Math.sqrt(repeats);
            assertTrue(se > 0 || k == 2, names[k] + " estimate has no variance: the test would be vacuous");
            assertEquals(exact[k], mean, 4 * se + 1e-12, names[k]);
        }
    }

    @Test
    void fitReachesTheLinearGaussianOptimum() {
        // Many particles and a small fixed step keep the final iterate's jitter near 1e-3;
        // the tolerance is ten times that.
        FitOptions options = FitOptions.defaults().withParticles(200).withLearningRate(0.01).withMaxSteps(3000)
                .withTolerance(0).withDraws(4000).withSeed(11);
        FitResult fit = Fitter.fit(model, GaussianGuide.meanField(), options, FitListener.SILENT);
        Map<String, Tensor> p = fit.parameters();
        assertEquals(model.optimalMean(), p.get("guide.loc").data[0], 0.01);
        assertEquals(model.optimalSd(), Math.exp(p.get("guide.log_scale").data[0]), 0.01);
        // The draws are from the fitted guide: their mean is within 4 standard errors of its mean.
        double[] z = new double[4000];
        for (int i = 0; i < z.length; i++) {
            z[i] = fit.draws().values()[i][0];
        }
        assertEquals(p.get("guide.loc").data[0], mean(z), 4 * model.optimalSd() / Math.sqrt(z.length));
        // log p - log q per draw estimates the ELBO at the fitted guide; near the optimum it is flat.
        double[] w = new double[z.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = fit.draws().logP()[i] - fit.draws().logQ()[i];
        }
        double mw = mean(w);
        assertEquals(model.elbo(model.optimalMean(), model.optimalSd()), mw, 4 * sd(w, mw) / Math.sqrt(w.length) + 1e-4);
    }

    @Test
    void sameSeedGivesTheSameNumbersBitForBit() {
        FitOptions options = FitOptions.defaults().withMaxSteps(500).withDraws(100).withSeed(5);
        FitResult a = Fitter.fit(model, GaussianGuide.fullRank(), options, FitListener.SILENT);
        FitResult b = Fitter.fit(model, GaussianGuide.fullRank(), options, FitListener.SILENT);
        assertTrue(java.util.Arrays.deepEquals(a.draws().values(), b.draws().values()));
        assertTrue(java.util.Arrays.equals(a.traceElbo(), b.traceElbo()));
        FitResult c = Fitter.fit(model, GaussianGuide.fullRank(), options.withSeed(6), FitListener.SILENT);
        assertTrue(!java.util.Arrays.deepEquals(a.draws().values(), c.draws().values()), "a new seed must change the draws");
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double sd(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
