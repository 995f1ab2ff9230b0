package dev.vmc.runtime.infer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.transform.Support;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Posteriors that do not normalise are named as such, never fitted and reported as a success. */
class ImproperPosteriorTest {
    private static Model model(List<LatentSpec> latents, BiFunction<Graph, Map<String, Node>, Node> logJoint) {
        return new Model() {
            public List<LatentSpec> latents() {
                return latents;
            }

            public Nodes build(Graph g, Map<String, Node> z) {
                return Nodes.of(logJoint.apply(g, z), Map.of());
            }
        };
    }

    private static Node standardNormal(Graph g, Node x) {
        return Distributions.get("normal").logDensity(g, x, List.of(g.constant(0), g.constant(1)));
    }

    @Test
    void aLatentInNoTermIsNamed() {
        Model m = model(List.of(new LatentSpec("mu", Shapes.SCALAR, Support.REAL),
                new LatentSpec("forgotten", Shapes.SCALAR, Support.POSITIVE)), (g, z) -> standardNormal(g, z.get("mu")));
        for (Algorithm algorithm : Algorithm.values()) {
            ImproperPosteriorException e = assertThrows(ImproperPosteriorException.class,
                    () -> Fitter.fit(m, GuideChoice.automatic(), FitOptions.defaults().withAlgorithm(algorithm), FitListener.SILENT));
            assertTrue(e.getMessage().contains("forgotten") && !e.getMessage().contains("mu,"), e.getMessage());
        }
    }

    @Test
    void aCountInNoTermIsNamedAndABoundedOneNeedsNoPrior() {
        Model forgotten = model(List.of(new LatentSpec("mu", Shapes.SCALAR, Support.REAL),
                new LatentSpec("k", Shapes.SCALAR, Support.NONNEGATIVE_INTEGER)), (g, z) -> standardNormal(g, z.get("mu")));
        ImproperPosteriorException e = assertThrows(ImproperPosteriorException.class,
                () -> Fitter.fit(forgotten, GuideChoice.automatic(), FitOptions.defaults(), FitListener.SILENT));
        assertTrue(e.getMessage().contains("k is a count"), e.getMessage());
        // uniform over {0, ..., 4}: proper, and summed out
        Model bounded = model(List.of(new LatentSpec("mu", Shapes.SCALAR, Support.REAL),
                new LatentSpec("k", Shapes.SCALAR, Support.integer(0, 4))), (g, z) -> standardNormal(g, z.get("mu")));
        FitResult fit = Fitter.fit(bounded, GuideChoice.automatic(), FitOptions.defaults(), FitListener.SILENT);
        assertTrue(fit.status().trusted(), fit.stopReason());
    }

    @Test
    void aLatentOnABoundedIntervalNeedsNoPrior() {
        // flat on (0, 1) is the uniform distribution: proper
        Model m = model(List.of(new LatentSpec("mu", Shapes.SCALAR, Support.REAL),
                new LatentSpec("p", Shapes.SCALAR, Support.interval(0, 1))), (g, z) -> standardNormal(g, z.get("mu")));
        FitResult fit = Fitter.fit(m, GuideChoice.automatic(), FitOptions.defaults(), FitListener.SILENT);
        assertTrue(fit.status().trusted(), fit.stopReason());
    }

    @Test
    void aDensityThatGrowsWithoutBoundIsNamed() {
        // target += exp(1000 * mu): no maximum, no normalising constant
        Model m = model(List.of(new LatentSpec("mu", Shapes.SCALAR, Support.REAL)),
                (g, z) -> g.exp(g.mul(g.constant(1000), z.get("mu"))));
        ImproperPosteriorException e = assertThrows(ImproperPosteriorException.class,
                () -> Fitter.fit(m, GuideChoice.automatic(), FitOptions.defaults(), FitListener.SILENT));
        assertTrue(e.getMessage().contains("improper") && e.getMessage().contains("mu"), e.getMessage());
    }

    @Test
    void aDensityRisingForeverAlongOneLatentIsNamed() {
        // a flat prior on sigma > 0 and a likelihood that keeps rising as sigma grows
        Model m = model(List.of(new LatentSpec("mu", Shapes.SCALAR, Support.REAL), new LatentSpec("sigma", Shapes.SCALAR, Support.POSITIVE)),
                (g, z) -> g.add(standardNormal(g, z.get("mu")), g.log(z.get("sigma"))));
        ImproperPosteriorException e = assertThrows(ImproperPosteriorException.class,
                () -> Fitter.fit(m, GuideChoice.automatic(), FitOptions.defaults(), FitListener.SILENT));
        assertTrue(e.getMessage().contains("sigma"), e.getMessage());
    }
}
