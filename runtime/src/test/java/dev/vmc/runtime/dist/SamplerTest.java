package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.GradientCheck;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reparameterised samplers: their distribution, and their pathwise gradients. */
class SamplerTest {
    private static final int DRAWS = 200_000;

    /** DRAWS values drawn through an executor, as inference would draw them. */
    private static SampleStatistics draw(String name, double... parameters) {
        Graph g = new Graph();
        List<Node> p = new ArrayList<>();
        for (double v : parameters) {
            p.add(g.constant(v));
        }
        Node sample = Distributions.get(name).sample(g, p, new int[] {DRAWS});
        Executor exec = new Executor(g, 1, ParameterStore.initial(g), new SplittableRandom(20240611L + name.hashCode()));
        exec.forward();
        double[] values = exec.value(sample).data;
        for (double v : values) {
            assertTrue(Double.isFinite(v), name + " drew " + v);
        }
        return new SampleStatistics(values);
    }

    @Test
    void normalDrawsHaveTheRightMoments() {
        SampleStatistics s = draw("normal", 1.5, 2);
        s.assertMean(1.5, 4, "normal");
        s.assertVariance(4, "normal");
    }

    @Test
    void lognormalDrawsHaveTheRightMoments() {
        double mu = 0.3;
        double sigma = 0.4;
        double s2 = sigma * sigma;
        double variance = Math.expm1(s2) * Math.exp(2 * mu + s2);
        SampleStatistics s = draw("lognormal", mu, sigma);
        s.assertMean(Math.exp(mu + s2 / 2), variance, "lognormal");
        s.assertVariance(variance, "lognormal");
        assertTrue(s.min() > 0);
    }

    @Test
    void exponentialDrawsHaveTheRightMoments() {
        double lambda = 2.5;
        SampleStatistics s = draw("exponential", lambda);
        s.assertMean(1 / lambda, 1 / (lambda * lambda), "exponential");
        s.assertVariance(1 / (lambda * lambda), "exponential");
        assertTrue(s.min() >= 0);
    }

    @Test
    void uniformDrawsHaveTheRightMoments() {
        SampleStatistics s = draw("uniform", -1, 3);
        s.assertMean(1, 16.0 / 12, "uniform");
        s.assertVariance(16.0 / 12, "uniform");
        assertTrue(s.min() >= -1);
    }

    @Test
    void halfNormalDrawsHaveTheRightMoments() {
        double sigma = 1.7;
        double variance = sigma * sigma * (1 - 2 / Math.PI);
        SampleStatistics s = draw("half_normal", sigma);
        s.assertMean(sigma * Math.sqrt(2 / Math.PI), variance, "half_normal");
        s.assertVariance(variance, "half_normal");
        assertTrue(s.min() >= 0);
    }

    @Test
    void cauchyDrawsHaveTheRightQuartiles() {
        double mu = 1;
        double sigma = 2;
        SampleStatistics s = draw("cauchy", mu, sigma);
        s.assertQuantile(0.5, mu, 1 / (Math.PI * sigma), "cauchy");
        s.assertQuantile(0.25, mu - sigma, 1 / (2 * Math.PI * sigma), "cauchy");
        s.assertQuantile(0.75, mu + sigma, 1 / (2 * Math.PI * sigma), "cauchy");
        double q95 = mu + sigma * Math.tan(0.45 * Math.PI);
        double f95 = Math.exp(((ScalarDensity) Distributions.get("cauchy")).logDensity(q95, mu, sigma, 0));
        s.assertQuantile(0.95, q95, f95, "cauchy");
    }

    @Test
    void halfCauchyDrawsHaveTheRightQuartiles() {
        double sigma = 1.5;
        ScalarDensity d = (ScalarDensity) Distributions.get("half_cauchy");
        SampleStatistics s = draw("half_cauchy", sigma);
        for (double p : new double[] {0.25, 0.5, 0.75, 0.95}) {
            double q = sigma * Math.tan(0.5 * Math.PI * p);
            s.assertQuantile(p, q, Math.exp(d.logDensity(q, sigma, 0, 0)), "half_cauchy");
        }
    }

    /** Those with parameters: std_normal's draw is its noise, with nothing to differentiate. */
    static Stream<String> reparameterisable() {
        return Distributions.all().stream().filter(Distribution::isReparameterisable)
                .filter(d -> !d.parameterNames().isEmpty()).map(Distribution::name);
    }

    static Stream<DensityCase> reparameterisableWithCdf() {
        return DensityCase.all().stream().filter(c -> c.density().isReparameterisable() && c.density() instanceof Cumulative);
    }

    /**
     * Every sampler whose family has a CDF, against it: the share of draws at or below each test
     * point is F there, within four standard errors, sqrt(F (1 - F) / DRAWS).
     */
    @ParameterizedTest
    @MethodSource("reparameterisableWithCdf")
    void drawsFollowTheFamilysCdf(DensityCase c) {
        SampleStatistics s = draw(c.name(), c.graphParameters());
        double[] p = new double[3];
        System.arraycopy(c.graphParameters(), 0, p, 0, c.arity());
        for (double x : c.graphVariates()) {
            double f = Math.exp(((Cumulative) c.density()).logCdf(x, p[0], p[1], p[2]));
            double share = s.shareAtMost(x);
            assertEquals(f, share, 4 * Math.sqrt(f * (1 - f) / DRAWS) + 1e-9, c + " at " + x);
        }
    }

    /** Parameter values inside every sampler's parameter supports: a location, then a scale or an upper end. */
    private static final double[] FIRST = {0.4};
    private static final double[] SECOND = {1.3, 2.1, 0.9, 3.4};

    /**
     * d sum(draw) / d parameters with the noise held fixed, the first parameter a scalar and
     * the second a vector, both broadcast onto a draw of shape [4] for three particles.
     */
    @ParameterizedTest
    @MethodSource("reparameterisable")
    void drawGradientsMatchFiniteDifferences(String name) {
        Distribution d = Distributions.get(name);
        Graph g = new Graph();
        List<Node> p = new ArrayList<>();
        int arity = d.parameterNames().size();
        if (arity == 1) {
            p.add(g.parameter("p0", Tensor.vector(SECOND)));
        } else {
            p.add(g.parameter("p0", Tensor.scalar(FIRST[0])));
            p.add(g.parameter("p1", Tensor.vector(SECOND)));
        }
        Node sample = d.sample(g, p, new int[] {SECOND.length});
        assertTrue(sample.batched, "a draw differs between particles");
        GradientCheck.check(g, g.meanOverParticles(g.sum(sample)), 3, 1e-5);
    }

    @Test
    void everyFamilyWithAContinuousReparameterisationHasOne() {
        for (String name : List.of("normal", "lognormal", "cauchy", "exponential", "uniform", "half_normal", "half_cauchy",
                "std_normal", "logistic", "gumbel", "double_exponential", "weibull", "rayleigh", "frechet")) {
            assertTrue(Distributions.get(name).isReparameterisable(), name);
        }
        for (String name : List.of("bernoulli", "poisson", "categorical")) {
            assertFalse(Distributions.get(name).isReparameterisable(), name); // they draw, but pass no gradient
        }
        for (String name : List.of("student_t", "gamma", "beta")) {
            assertFalse(Distributions.get(name).isReparameterisable(), name);
            assertThrows(UnsupportedOperationException.class,
                    () -> Distributions.get(name).sample(new Graph(), List.of(), new int[] {1}));
        }
    }

    @Test
    void parametersLargerThanTheDrawAreRejected() {
        Graph g = new Graph();
        List<Node> p = List.of(g.constant(Tensor.vector(1, 2, 3)), g.constant(1));
        assertThrows(ShapeException.class, () -> Distributions.get("cauchy").sample(g, p, new int[] {2}));
    }
}
