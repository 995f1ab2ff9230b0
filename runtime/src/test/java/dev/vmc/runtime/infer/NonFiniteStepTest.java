package dev.vmc.runtime.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;
import dev.vmc.runtime.transform.Support;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Steps whose ELBO is not finite are skipped, the parameters kept, and persistent trouble named. */
class NonFiniteStepTest {
    /**
     * z ~ normal(0, 1), and the observation's scale is z + 2: a draw of z below -2 gives a
     * negative scale and a NaN density. Under the initial guide, normal(0, 0.1), that never
     * happens; with the guide's scale pushed up to 1 it happens in about 2% of steps.
     */
    private static Model model(String origin) {
        return new Model() {
            public List<LatentSpec> latents() {
                return List.of(new LatentSpec("z", Shapes.SCALAR, Support.REAL));
            }

            public Nodes build(Graph g, Map<String, Node> z) {
                g.setOrigin(origin);
                Node prior = Distributions.get("normal").logDensity(g, z.get("z"), List.of(g.constant(0), g.constant(1)));
                Node scale = g.add(z.get("z"), g.constant(2));
                Node likelihood = Distributions.get("normal").logDensity(g, g.constant(0.5), List.of(g.constant(0), scale));
                return Nodes.of(g.add(prior, likelihood), Map.of());
            }
        };
    }

    @Test
    void occasionalNonFiniteStepsAreSkippedAndTheFitCompletes() {
        FitOptions options = FitOptions.defaults().withMaxSteps(3000).withTolerance(0).withLearningRate(0.01)
                .withInitial(Map.of("guide.log_scale", Tensor.vector(0.0)));
        FitResult fit = Fitter.fit(model("model:2"), GaussianGuide.meanField(), options, FitListener.SILENT);
        assertTrue(fit.skippedSteps() > 0, "the test needs some non-finite steps");
        long nans = java.util.Arrays.stream(fit.traceElbo()).filter(Double::isNaN).count();
        assertEquals(fit.skippedSteps(), nans, "every skipped step is NaN in the trace");
        for (Tensor t : fit.parameters().values()) {
            assertTrue(t.allFinite(), "parameters stayed finite");
        }
    }

    @Test
    void persistentlyNonFiniteElboStopsTheFitNamingItsOrigin() {
        // a guide centred at z = -3 puts nearly every draw below -2
        FitOptions options = FitOptions.defaults().withMaxSteps(500).withLearningRate(1e-6)
                .withInitial(Map.of("guide.loc", Tensor.vector(-3.0)));
        FitException e = assertThrows(FitException.class,
                () -> Fitter.fit(model("model.vmodel:7: x ~ normal(0, z + 2);"), GaussianGuide.meanField(), options,
                        FitListener.SILENT));
        assertTrue(e.getMessage().contains("model.vmodel:7: x ~ normal(0, z + 2);"), e.getMessage());
    }
}
