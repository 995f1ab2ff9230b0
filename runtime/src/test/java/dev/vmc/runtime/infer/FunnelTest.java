package dev.vmc.runtime.infer;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.vmc.runtime.guide.GaussianGuide;
import org.junit.jupiter.api.Test;

/**
 * Neal's funnel, v ~ normal(0, 3), x ~ normal(0, exp(v / 2)) in 9 dimensions: no Gaussian
 * follows its neck and mouth at once, so the importance ratios p/q have a heavy tail, and the
 * fit must say so through k-hat rather than pass its sds off as the posterior's.
 */
class FunnelTest {
    private static final Model FUNNEL = new Model() {
        public List<LatentSpec> latents() {
            return List.of(new LatentSpec("v", Shapes.SCALAR, Support.REAL), new LatentSpec("x", new int[] {9}, Support.REAL));
        }

        public Nodes build(Graph g, Map<String, Node> z) {
            Node v = z.get("v");
            Node prior = Distributions.get("normal").logDensity(g, v, List.of(g.constant(0), g.constant(3)));
            Node scale = g.exp(g.mul(g.constant(0.5), v));
            Node x = Distributions.get("normal").logDensity(g, z.get("x"), List.of(g.constant(0), scale));
            return Nodes.of(g.add(prior, x), Map.of());
        }
    };

    @Test
    void kHatFlagsTheFunnel() {
        for (long seed = 1; seed <= 3; seed++) {
            FitResult fit = Fitter.fit(FUNNEL, GuideChoice.automatic(), FitOptions.defaults().withSeed(seed), FitListener.SILENT);
            assertTrue(fit.psis().khat() > 0.7, "seed " + seed + ": k-hat " + fit.psis().khat());
            assertTrue(fit.psis().meaning().contains("do not trust"), fit.psis().meaning());
        }
    }

    /** A full-rank guide is already the richest Gaussian: the advice is to reparameterise, not to use it. */
    @Test
    void theAdviceForAFullRankGuideIsToReparameterise() {
        FitResult fit = Fitter.fit(FUNNEL, GuideChoice.automatic(GaussianGuide.Family.FULLRANK), FitOptions.defaults(),
                FitListener.SILENT);
        String meaning = fit.psis().meaning();
        assertTrue(meaning.contains("no Gaussian guide is richer than this full-rank one: reparameterise the model"), meaning);
        assertFalse(meaning.contains("--guide fullrank"), meaning);
    }
}
