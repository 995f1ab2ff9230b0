package dev.vmc.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.api.Vmc;
import dev.vmc.compiler.TestPrograms;
import dev.vmc.compiler.ast.Guide;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.bind.BoundData;
import dev.vmc.compiler.bind.DataBinder;
import dev.vmc.compiler.check.CheckedProgram;
import dev.vmc.compiler.check.Checker;
import dev.vmc.compiler.parse.ProgramParser;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.guide.Estimator;
import dev.vmc.runtime.infer.ElboGraph;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.transform.Support;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Int latents as the lowering hands them to the runtime: their supports, and a discrete guide's scored sites. */
class DiscreteLatentsTest {

    private static CheckedProgram checked(String source) {
        return Checker.check(ProgramParser.parse("m.vmodel", source));
    }

    @Test
    void anIntArrayLatentIsDiscreteWithItsDeclaredBounds() {
        CheckedProgram program = checked("""
                data { int K; }
                latent { array[3] int<lower=1, upper=K> z; int<lower=0> n; }
                model { z ~ categorical(rep_vector(0.5, K)); n ~ poisson(3); }
                """);
        BoundData data = DataBinder.bind(program, DataSet.of(Map.of("K", 2)));
        List<LatentSpec> latents = new LoweredModel(program, data).latents();
        assertEquals("z", latents.get(0).name());
        assertArrayEquals(new int[] {3}, latents.get(0).shape());
        assertEquals(Support.integer(1, 2), latents.get(0).support());
        assertEquals(Support.integer(0, Double.POSITIVE_INFINITY), latents.get(1).support());
        assertTrue(latents.get(1).isDiscrete());
    }

    @Test
    void aDiscreteGuideSiteIsScoredWithItsParametersLive() {
        CheckedProgram program = checked("""
                latent { int<lower=0, upper=1> b; real mu; }
                model { b ~ bernoulli(0.3); mu ~ normal(b, 1); }
                guide {
                  params { real a = 0.2; real m = 0; real<lower=0> s = 1; }
                  b ~ bernoulli_logit(a);
                  mu ~ normal(m + b, s);
                }
                """);
        Program source = program.program();
        BoundData data = DataBinder.bind(program, DataSet.of(Map.of()));
        Graph graph = new Graph();
        LoweredGuide guide = new LoweredGuide(program, (Guide.Explicit) source.guide(), data);
        var nodes = guide.build(graph, new LoweredModel(program, data).latents());

        assertEquals(1, nodes.scored().size());
        var site = nodes.scored().get(0);
        assertEquals("b", site.latent());
        assertEquals(Estimator.SCORE_FUNCTION, nodes.sites().get(0).estimator());
        assertEquals("bernoulli_logit is discrete: its draws carry no gradient", nodes.sites().get(0).reason());
        assertEquals(Estimator.REPARAMETERISED, nodes.sites().get(1).estimator());

        Node scoreRoot = graph.meanOverParticles(graph.sum(site.logQ()));
        Node elboLogQ = graph.meanOverParticles(nodes.logQ());
        Executor executor = new Executor(graph, 8, ParameterStore.initial(graph), new SplittableRandom(3));
        executor.forward();
        for (double draw : executor.value(site.value()).data) {
            assertTrue(draw == 0 || draw == 1, "a bernoulli draw: " + draw);
        }
        executor.backward(scoreRoot);
        Node a = nodes.parameters().get("a");
        // d/da log q(b) = b - inv_logit(a): not zero unless every draw sits at the mean.
        assertNotEquals(0, executor.gradient(a).item());
        // The ELBO's own log q holds the guide's parameters constant: its gradient in a is zero.
        executor.backward(elboLogQ);
        assertEquals(0, executor.gradient(a).item());
    }

    @Test
    void aChangePointModelWithAWrittenCategoricalGuideBinds() {
        var bound = Vmc.compile("""
                data { int N; array[N] int year; vector[N] y; }
                latent { int<lower=1, upper=N> s; real e; real l; }
                model { e ~ normal(0, 1); l ~ normal(0, 1); y ~ normal(e + (l - e) * step(year - s), 1); }
                guide {
                  params { vector[N] beta = rep_vector(0, N); real me = 0; real ml = 0; }
                  s ~ categorical_logit(beta);
                  e ~ normal(me, 1);
                  l ~ normal(ml, 1);
                }
                """, "m.vmodel").bind(DataSet.of(Map.of("N", 4, "year", new int[] {1, 2, 3, 4},
                "y", new double[] {0.1, -0.2, 2.1, 1.9})));
        assertEquals(3, bound.model().latents().size());
    }

    @Test
    void aProgramWithIntLatentsAndNoWrittenGuideBinds() {
        var bound = Vmc.compile("""
                latent { int<lower=0, upper=1> b; real mu; }
                model { b ~ bernoulli(0.3); mu ~ normal(b, 1); }
                """, "m.vmodel").bind(DataSet.of(Map.of()));
        assertEquals(2, bound.model().latents().size());
    }

    @Test
    void aWrittenGuideOfEveryDiscreteFamilyBuildsAndRuns() {
        CheckedProgram program = checked(TestPrograms.read(Path.of("src/test/resources/good/discrete_guide.vmodel")));
        Program source = program.program();
        BoundData data = DataBinder.bind(program, DataSet.of(Map.of("K", 3, "M", 5)));
        ElboGraph elbo = ElboGraph.build(new LoweredModel(program, data),
                new LoweredGuide(program, (Guide.Explicit) source.guide(), data));
        Executor executor = new Executor(elbo.graph, 4, ParameterStore.initial(elbo.graph), new SplittableRandom(5));
        executor.forward();
        assertTrue(Double.isFinite(executor.value(elbo.objective).item()), "the ELBO estimate is finite");
        assertEquals(List.of("b", "z", "n", "m", "c", "nu", "mu"), elbo.sites.stream().map(s -> s.latent()).toList());
        assertEquals(5, elbo.sites.stream().filter(s -> s.estimator() == Estimator.SCORE_FUNCTION).count());
    }
}
