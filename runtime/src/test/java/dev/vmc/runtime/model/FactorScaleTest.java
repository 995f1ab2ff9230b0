package dev.vmc.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.tensor.Tensor;
import dev.vmc.runtime.transform.Support;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A factor's scale multiplies its sum in the log joint, as a minibatch's N / batch size will. */
class FactorScaleTest {
    @Test
    void aScaledFactorCountsScaleTimes() {
        Model model = new Model() {
            public List<LatentSpec> latents() {
                return List.of(new LatentSpec("mu", new int[0], Support.REAL));
            }

            public Nodes build(Graph g, Map<String, Node> z) {
                var normal = Distributions.get("normal");
                Node prior = normal.logDensities(g, z.get("mu"), List.of(g.constant(0), g.constant(1)));
                Node data = normal.logDensities(g, g.constant(Tensor.vector(0.5, -1)), List.of(z.get("mu"), g.constant(1)));
                return new Nodes(List.of(new Factor("prior", prior, Set.of("mu")),
                        new Factor("a batch of 2 of 6", data, Set.of("mu"), "data", 3)), Map.of(), Map.of());
            }
        };
        double mu = 0.3;
        double expected = normal(mu, 0) + 3 * (normal(0.5, mu) + normal(-1, mu));
        assertEquals(expected, LogDensity.of(model).value(new double[] {mu}), 1e-12);
    }

    private static double normal(double x, double mean) {
        return -0.5 * (x - mean) * (x - mean) - 0.5 * Math.log(2 * Math.PI);
    }
}
