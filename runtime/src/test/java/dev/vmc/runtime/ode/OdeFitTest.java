package dev.vmc.runtime.ode;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.infer.FitException;
import dev.vmc.runtime.infer.FitListener;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.Fitter;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;
import dev.vmc.runtime.transform.Support;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A fit whose every solve runs out of steps stops, and says which call and which limit. */
class OdeFitTest {
    @Test
    void aFitWhoseSolvesAlwaysRunOutOfStepsNamesTheCallAndTheLimit() {
        String origin = "lv.stan:33: z = integrate_ode_rk45(dz_dt, z_init, 0, ts, theta, x_r, x_i, 1e-5, 1e-3, 1);";
        Model model = new Model() {
            public List<LatentSpec> latents() {
                return List.of(new LatentSpec("k", Shapes.SCALAR, Support.REAL));
            }

            public Nodes build(Graph g, Map<String, Node> z) {
                g.setOrigin(origin);
                Node k = z.get("k");
                Node out = g.apply(new OdeSolve("integrate_ode_rk45", 1, 1, new OdeTolerances(1e-5, 1e-3, 1),
                        TestSystems.decay()), g.constant(Tensor.vector(2)), g.constant(0),
                        g.constant(Tensor.vector(1, 2, 3, 4, 5, 6, 7, 8)), g.reshape(g.exp(k), 1));
                Node prior = Distributions.get("normal").logDensity(g, k, List.of(g.constant(0), g.constant(1)));
                Node likelihood = g.sum(Distributions.get("normal").logDensity(g, g.constant(new Tensor(out.shape,
                        new double[] {1.5, 1, 0.8, 0.5, 0.4, 0.3, 0.2, 0.1})), List.of(out, g.constant(0.1))));
                return Nodes.of(g.add(prior, likelihood), Map.of());
            }
        };
        FitOptions options = FitOptions.defaults().withMaxSteps(200);
        FitException e = assertThrows(FitException.class,
                () -> Fitter.fit(model, GaussianGuide.meanField(), options, FitListener.SILENT));
        assertTrue(e.getMessage().contains(origin + " (integrate_ode_rk45): the solver did not reach output time")
                && e.getMessage().contains("within 1 steps (max_num_steps)"), e.getMessage());
    }
}
