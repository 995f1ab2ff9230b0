package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * simplex[K] latents under dirichlet priors, fitted end to end with the default options, against
 * Dirichlet posteriors known in closed form: the mean of dirichlet(a) is a / sum(a).
 */
class SimplexFitTest {
    /** The posterior means of dirichlet(alpha), a / sum(a), by {@link PosteriorMeanCheck}. */
    private static void assertMeans(FitResult fit, double[] alpha) {
        assertMeans(fit, "w.", alpha);
    }

    private static void assertMeans(FitResult fit, String prefix, double[] alpha) {
        double total = java.util.Arrays.stream(alpha).sum();
        for (int k = 0; k < alpha.length; k++) {
            PosteriorMeanCheck.assertMean(fit, prefix + (k + 1), alpha[k] / total);
        }
    }

    /** An array of simplexes: each mapped on its own, each with its own Dirichlet posterior. */
    @Test
    void anArrayOfSimplexesHasEachItsOwnPosterior() {
        String source = """
                data { vector[3] a; vector[3] b; }
                latent { array[2] simplex[3] w; }
                model { w[1] ~ dirichlet(a); w[2] ~ dirichlet(b); }
                """;
        double[] a = {2, 3, 5};
        double[] b = {6, 2, 2};
        FitResult fit = Vmc.compile(source, "simplexes.vmodel").fit(DataSet.of(Map.of("a", a, "b", b)), FitOptions.defaults());
        assertTrue(fit.converged(), fit.stopReason());
        assertMeans(fit, "w.1.", a);
        assertMeans(fit, "w.2.", b);
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
