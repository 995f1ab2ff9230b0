package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;
import dev.vmc.runtime.output.Summary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * simplex[K] latents under dirichlet priors, fitted end to end with the default options, against
 * Dirichlet posteriors known in closed form: the mean of dirichlet(a) is a / sum(a).
 */
class SimplexFitTest {
    private static Summary.Row row(FitResult fit, String name) {
        return fit.summary().rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * The posterior means of dirichlet(alpha), twice. The draws' own means carry the Gaussian
     * guide's small bias (a logistic normal is not a Dirichlet) and Monte Carlo error sd / sqrt(n),
     * n the draws' effective number: the draws, or the importance weights' effective sample size
     * where the draws were resampled by them. They must be within 4 se. The draws weighted by
     * p / q (their own log p and log q) remove the bias if log p, Jacobian included, is right,
     * with se = sd / sqrt(ESS of the weights); they must be within 4 of those. Four se makes a
     * false failure about a 1-in-16,000 event per coordinate.
     */
    private static void assertMeans(FitResult fit, double[] alpha) {
        double total = java.util.Arrays.stream(alpha).sum();
        double[][] values = fit.draws().values();
        double[] weights = normalisedWeights(fit.draws().logP(), fit.draws().logQ());
        double squares = 0;
        for (double w : weights) {
            squares += w * w;
        }
        double weightsEss = 1 / squares;
        double drawsEss = fit.psis().resampled() ? Math.min(values.length, fit.psis().effectiveSampleSize()) : values.length;
        for (int k = 0; k < alpha.length; k++) {
            Summary.Row row = row(fit, "w." + (k + 1));
            double truth = alpha[k] / total;
            assertEquals(truth, row.mean(), 4 * row.sd() / Math.sqrt(drawsEss), row.name() + "; " + fit.psis().meaning());
            double weighted = 0;
            for (int i = 0; i < values.length; i++) {
                weighted += weights[i] * values[i][k];
            }
            assertEquals(truth, weighted, 4 * row.sd() / Math.sqrt(weightsEss), row.name() + " weighted by p / q");
        }
    }

    private static double[] normalisedWeights(double[] logP, double[] logQ) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logP.length; i++) {
            max = Math.max(max, logP[i] - logQ[i]);
        }
        double[] w = new double[logP.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(logP[i] - logQ[i] - max);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    @Test
    void dirichletPriorAloneGivesItsMeans() {
        String source = """
                data { vector[3] alpha; }
                latent { simplex[3] w; }
                model { w ~ dirichlet(alpha); }
                """;
        double[] alpha = {2, 3, 5};
        FitResult fit = Vmc.compile(source, "dirichlet.vmodel").fit(DataSet.of(Map.of("alpha", alpha)), FitOptions.defaults());
        assertTrue(fit.converged(), fit.stopReason());
        assertMeans(fit, alpha);
    }

    /** The draws are the simplex's values, K columns named as Stan names them, each row summing to 1. */
    @Test
    void drawsAreConstrainedValuesOnTheSimplex() {
        String source = """
                latent { simplex[3] w; }
                model { w ~ dirichlet(rep_vector(2, 3)); }
                """;
        FitResult fit = Vmc.compile(source, "repeated.vmodel").fit(DataSet.of(Map.of()), FitOptions.defaults());
        assertEquals(List.of("w.1", "w.2", "w.3"), fit.draws().columns());
        for (double[] draw : fit.draws().values()) {
            assertEquals(1, draw[0] + draw[1] + draw[2], 1e-12);
            for (double v : draw) {
                assertTrue(v > 0 && v < 1, "value " + v);
            }
        }
        assertMeans(fit, new double[] {2, 2, 2});
        assertEquals(2, fit.parameters().get("guide.loc").size(), "a simplex of 3 has 2 unconstrained coordinates");
    }

    /**
     * A simplex with no density at all is proper (the simplex is bounded): the log-Jacobian
     * alone makes it uniform on the simplex, dirichlet(1, 1, 1), mean 1/3 each.
     */
    @Test
    void aSimplexWithoutAPriorIsUniformOnTheSimplex() {
        FitResult fit = Vmc.compile("latent { simplex[3] w; }\nmodel { }\n", "flat.vmodel")
                .fit(DataSet.of(Map.of()), FitOptions.defaults());
        assertMeans(fit, new double[] {1, 1, 1});
    }

    /** Categorical observations update dirichlet(1, 1, 1) to dirichlet(1 + counts). */
    @Test
    void categoricalObservationsGiveTheConjugatePosterior() {
        String source = """
                data { int N; array[N] int y; }
                latent { simplex[3] w; }
                model {
                  w ~ dirichlet(rep_vector(1, 3));
                  y ~ categorical(w);
                }
                """;
        int[] y = {1, 3, 3, 2, 3, 1, 3, 3, 2, 3, 3, 1, 3, 2, 3};
        double[] posterior = {1, 1, 1};
        for (int v : y) {
            posterior[v - 1]++;
        }
        FitResult fit = Vmc.compile(source, "categorical.vmodel")
                .fit(DataSet.of(Map.of("N", y.length, "y", y)), FitOptions.defaults());
        assertTrue(fit.converged(), fit.stopReason());
        assertMeans(fit, posterior);
    }

    @Test
    void theSameSeedGivesTheSameNumbers() {
        String source = """
                latent { simplex[4] w; }
                model { w ~ dirichlet(rep_vector(1.5, 4)); }
                """;
        CompiledModel model = Vmc.compile(source, "seeded.vmodel");
        FitOptions options = FitOptions.defaults().withSeed(17);
        FitResult first = model.fit(DataSet.of(Map.of()), options);
        FitResult second = model.fit(DataSet.of(Map.of()), options);
        for (int i = 0; i < first.draws().values().length; i++) {
            assertArrayEquals(first.draws().values()[i], second.draws().values()[i], 0);
        }
    }
}
