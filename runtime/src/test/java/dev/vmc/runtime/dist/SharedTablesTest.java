package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Weights shared by every particle are prepared once per step for all of them (the draw's tables,
 * the rows' log probabilities and their gradient): each particle's draws and scores must be
 * exactly what a particle computing its own would get.
 */
class SharedTablesTest {
    private static final double[] LOGITS = {0.3, -1.2, 2.0, 0.0, 0.0, 0.0, -4, 1, 1, 5, -5, 0.5};

    private static final double[] WEIGHTS = {1, -2, 0.5, 3};

    @Test
    void everyParticleDrawsScoresAndDifferentiatesAsIfAlone() {
        Graph g = new Graph();
        Node logits = g.parameter("logits", new Tensor(new int[] {4, 3}, LOGITS));
        Distribution family = Distributions.get("categorical_logit");
        Node draw = family.sample(g, List.of(logits), new int[] {4});
        Node perElement = family.logDensities(g, draw, List.of(logits));
        Node objective = g.meanOverParticles(g.sum(g.mul(perElement, g.constant(Tensor.vector(WEIGHTS)))));
        int particles = 5;
        Executor executor = new Executor(g, particles, ParameterStore.initial(g), new SplittableRandom(3));
        executor.forward();
        executor.backward(objective);
        double[] u = executor.value(draw.inputs.get(0)).data;
        double[] z = executor.value(draw).data;
        double[] lp = executor.value(perElement).data;
        double[] expectedGradient = new double[12];
        for (int s = 0; s < particles; s++) {
            for (int n = 0; n < 4; n++) {
                double[] p = softmax(n);
                int category = 0;
                double cumulative = p[0];
                while (category < 2 && u[s * 4 + n] >= cumulative) {
                    cumulative += p[++category];
                }
                assertEquals(category + 1, z[s * 4 + n], "particle " + s + ", draw " + n);
                assertEquals(Math.log(p[category]), lp[s * 4 + n], 1e-12);
                for (int i = 0; i < 3; i++) {
                    expectedGradient[3 * n + i] += WEIGHTS[n] * ((i == category ? 1 : 0) - p[i]) / particles;
                }
            }
        }
        double[] gradient = executor.gradient(logits).data;
        for (int i = 0; i < 12; i++) {
            assertEquals(expectedGradient[i], gradient[i], 1e-12, "d/d logit " + i);
        }
    }

    private static double[] softmax(int row) {
        double max = Math.max(LOGITS[3 * row], Math.max(LOGITS[3 * row + 1], LOGITS[3 * row + 2]));
        double[] p = new double[3];
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            p[i] = Math.exp(LOGITS[3 * row + i] - max);
            sum += p[i];
        }
        for (int i = 0; i < 3; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
