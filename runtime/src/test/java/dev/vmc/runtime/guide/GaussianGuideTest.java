package dev.vmc.runtime.guide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.vmc.runtime.DenseGaussian;
import dev.vmc.runtime.GaussianTarget;
import dev.vmc.runtime.infer.ElboGraph;
import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.guide.GaussianGuide.Family;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.tensor.Tensor;
import dev.vmc.runtime.transform.Support;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each automatic Gaussian guide, with and without a start, against the dense normal its
 * original-scale parameters describe. The guide's parameters are moved off their initial values
 * first (whitened ones, for a started guide), so the checks see a general point, and a frame
 * that was not undone correctly would show.
 */
class GaussianGuideTest {
    private static final int D = 4;
    private static final int PARTICLES = 5;
    private static final List<LatentSpec> LATENTS = List.of(new LatentSpec("x", new int[] {D}, Support.REAL));

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Family f : Family.values()) {
            all.add(Arguments.of(f, false));
            all.add(Arguments.of(f, true));
        }
        return all.stream();
    }

    /** A start well away from the standard one: mean around 0 +- 2, scales from 0.2 to 5, correlations. */
    static Map<String, Tensor> start(Family family, SplittableRandom random) {
        double[] mean = new double[D];
        double[] sd = new double[D];
        double[][] lower = new double[D][D];
        double[][] factor = new double[D][2];
        for (int i = 0; i < D; i++) {
            mean[i] = 2 * random.nextGaussian();
            sd[i] = Math.exp(random.nextDouble(Math.log(0.2), Math.log(5)));
            for (int j = 0; j < i; j++) {
                lower[i][j] = random.nextGaussian();
            }
            lower[i][i] = sd[i];
            factor[i][0] = random.nextGaussian();
            factor[i][1] = random.nextGaussian();
        }
        return switch (family) {
            case MEANFIELD -> GaussianGuide.meanFieldStart(mean, sd);
            case FULLRANK -> GaussianGuide.fullRankStart(mean, lower);
            case LOWRANK -> GaussianGuide.lowRankStart(mean, sd, factor);
        };
    }

    /** The guide built alone in a graph, run for a few particles at perturbed parameters. */
    private record Run(GaussianGuide guide, Guide.Nodes nodes, Executor executor, Node noise, Map<String, Tensor> original) {
        double[] particle(Node node, int s) {
            int size = executor.layout(node).modelSize();
            double[] one = new double[size];
            System.arraycopy(executor.value(node).data, s * size, one, 0, size);
            return one;
        }
    }

    private static Run run(Family family, boolean started) {
        SplittableRandom random = new SplittableRandom(family.ordinal() * 2 + (started ? 1 : 0));
        GaussianGuide guide = GaussianGuide.of(family, started ? start(family, random) : null);
        Graph graph = new Graph();
        Guide.Nodes nodes = guide.build(graph, LATENTS);
        ParameterStore store = ParameterStore.initial(graph);
        for (Tensor value : store.asMap().values()) {
            for (int k = 0; k < value.data.length; k++) {
                value.data[k] += 0.3 * random.nextGaussian();
            }
        }
        Executor executor = new Executor(graph, PARTICLES, store, new SplittableRandom(42));
        executor.forward();
        Node noise = graph.nodes().stream().filter(n -> n.op instanceof Leaf.Noise).findFirst().orElseThrow();
        return new Run(guide, nodes, executor, noise, guide.originalParameters(store.asMap(), LATENTS));
    }

    /** The matrix A of u = mean + A noise that the original-scale parameters describe. */
    private static double[][] affine(Map<String, Tensor> p) {
        if (p.containsKey(FullRankGuide.SCALE_TRIL)) {
            double[][] l = GaussianGuide.rows(p.get(FullRankGuide.SCALE_TRIL));
            for (int i = 0; i < D; i++) {
                l[i][i] = Math.exp(l[i][i]);
                for (int j = i + 1; j < D; j++) {
                    l[i][j] = 0;
                }
            }
            return l;
        }
        boolean lowRank = p.containsKey(LowRankGuide.FACTOR);
        double[] logScale = p.get(lowRank ? LowRankGuide.LOG_DIAG : MeanFieldGuide.LOG_SCALE).data;
        double[][] factor = lowRank ? GaussianGuide.rows(p.get(LowRankGuide.FACTOR)) : new double[D][0];
        int r = factor[0].length;
        double[][] a = new double[D][D + r];
        for (int i = 0; i < D; i++) {
            a[i][i] = Math.exp(logScale[i]);
            System.arraycopy(factor[i], 0, a[i], D, r);
        }
        return a;
    }

    /** The draws are exactly u = mean + A noise: so their distribution is N(mean, A A'). */
    @ParameterizedTest
    @MethodSource("cases")
    void drawsAreTheAffineMapOfTheOriginalParameters(Family family, boolean started) {
        Run run = run(family, started);
        double[][] a = affine(run.original());
        double[] mean = run.original().get(GaussianGuide.LOC).data;
        for (int s = 0; s < PARTICLES; s++) {
            double[] eps = run.particle(run.noise(), s);
            double[] u = run.particle(run.nodes().latents().get("x"), s);
            for (int i = 0; i < D; i++) {
                double expected = mean[i];
                for (int k = 0; k < eps.length; k++) {
                    expected += a[i][k] * eps[k];
                }
                assertEquals(expected, u[i], 1e-12 * Math.max(1, Math.abs(expected)), "particle " + s + ", u[" + i + "]");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void logQIsTheDenseNormalDensityOfTheDraw(Family family, boolean started) {
        Run run = run(family, started);
        double[][] sigma = DenseGaussian.outer(affine(run.original()));
        double[] mean = run.original().get(GaussianGuide.LOC).data;
        for (int s = 0; s < PARTICLES; s++) {
            double expected = DenseGaussian.logDensity(mean, sigma, run.particle(run.nodes().latents().get("x"), s));
            assertEquals(expected, run.executor().value(run.nodes().logQ()).data[s], 1e-10 * Math.max(1, Math.abs(expected)),
                    "particle " + s);
        }
    }

    /**
     * log q holds the guide's parameters constant (sticking the landing), so where the guide is
     * the posterior, grad log p and grad log q cancel draw by draw: every particle's ELBO term
     * is the log evidence (0 here) and every gradient is zero, not merely zero on average.
     */
    @ParameterizedTest
    @EnumSource(Family.class)
    void whereTheGuideIsThePosteriorTheGradientVanishesExactly(Family family) {
        Map<String, Tensor> start = start(family, new SplittableRandom(5));
        double[][] sigma = DenseGaussian.outer(affine(start));
        GaussianTarget target = new GaussianTarget(start.get(GaussianGuide.LOC).data.clone(), sigma);
        ElboGraph elbo = ElboGraph.build(target, GaussianGuide.of(family, start));
        Executor executor = new Executor(elbo.graph, PARTICLES, ParameterStore.initial(elbo.graph), new SplittableRandom(8));
        executor.forward();
        executor.backward(elbo.objective);
        for (double term : executor.value(elbo.terms).data) {
            assertEquals(0, term, 1e-9);
        }
        for (Node p : elbo.graph.parameters()) {
            for (double g : executor.gradient(p).data) {
                assertEquals(0, g, 1e-8, ((Leaf.Parameter) p.op).label());
            }
        }
    }

    /** A started guide that took no steps reports its start back; other parameters pass through. */
    @ParameterizedTest
    @EnumSource(Family.class)
    void originalParametersOfAnUnmovedStartAreTheStart(Family family) {
        Map<String, Tensor> start = start(family, new SplittableRandom(99));
        GaussianGuide guide = GaussianGuide.of(family, start);
        Graph graph = new Graph();
        guide.build(graph, LATENTS);
        Map<String, Tensor> fitted = new LinkedHashMap<>(ParameterStore.initial(graph).asMap());
        Tensor other = Tensor.vector(1.5, -2);
        fitted.put("model.beta", other);
        Map<String, Tensor> original = guide.originalParameters(fitted, LATENTS);
        assertEquals(Set.of("model.beta"), difference(original.keySet(), start.keySet()));
        for (String name : start.keySet()) {
            assertArrayEquals(start.get(name).shape, original.get(name).shape, name);
            assertArrayEquals(start.get(name).data, original.get(name).data, 1e-12, name);
        }
        assertSame(other, original.get("model.beta"));
    }

    /** Without a start the fitted values are the original ones. */
    @ParameterizedTest
    @EnumSource(Family.class)
    void originalParametersWithoutAStartAreTheFittedOnes(Family family) {
        Graph graph = new Graph();
        GaussianGuide guide = GaussianGuide.of(family);
        guide.build(graph, LATENTS);
        Map<String, Tensor> fitted = ParameterStore.initial(graph).asMap();
        assertSame(fitted, guide.originalParameters(fitted, LATENTS));
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> keys = new HashSet<>(a);
        keys.removeAll(b);
        return keys;
    }
}
