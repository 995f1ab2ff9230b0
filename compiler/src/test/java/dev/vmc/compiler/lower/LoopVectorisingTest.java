package dev.vmc.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.api.Vmc;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.model.LogDensity;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A loop whose iterations are independent runs once, vectorised; the same program unrolled must
 * give the same log density and gradient, and a loop with a dependence between iterations is
 * unrolled either way.
 */
class LoopVectorisingTest {
    private static final String REGRESSION = """
            data { int N; vector[N] x; vector[N] y; }
            parameters { real a; real b; real<lower=0> s; }
            model {
              vector[N] mu;
              array[N] real r;
              for (n in 1:N) {
                mu[n] = a + b * x[n];
                r[n] = exp(-square(x[n]) / 2);
              }
              for (n in 2:N) {
                y[n] ~ normal(mu[n], s);
                target += -0.01 * square(mu[n] - y[n]) * r[n];
              }
              a ~ normal(0, 5);
              b ~ normal(0, 5);
              s ~ lognormal(0, 1);
            }
            """;

    @AfterEach
    void vectoriseAgain() {
        StatementInterpreter.unrollEveryLoop = false;
    }

    private static LogDensity density(boolean unrolled, int n) {
        StatementInterpreter.unrollEveryLoop = unrolled;
        SplittableRandom random = new SplittableRandom(3);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
            y[i] = 0.5 + 2 * x[i] + random.nextGaussian();
        }
        return Vmc.compile(REGRESSION, "loops.stan").bind(DataSet.of(Map.of("N", n, "x", x, "y", y))).logDensity();
    }

    @Test
    void vectorisedAndUnrolledLoopsGiveTheSameDensityAndGradient() {
        LogDensity vectorised = density(false, 40);
        LogDensity unrolled = density(true, 40);
        for (double[] u : new double[][] {{0.3, 1.7, -0.2}, {-1.0, 2.4, 0.6}}) {
            double[] g1 = new double[3];
            double[] g2 = new double[3];
            double v1 = vectorised.evaluator(1).valueAndGradient(u, g1);
            double v2 = unrolled.evaluator(1).valueAndGradient(u, g2);
            assertEquals(v2, v1, 1e-9 * Math.abs(v2));
            assertArrayEquals(g2, g1, 1e-9 * Math.max(1, Math.abs(g2[1])));
        }
        // the vectorised graph does not grow with N; the unrolled one does
        int small = vectorised.describe().split("\n").length;
        assertTrue(small * 5 < unrolled.describe().split("\n").length, "vectorised: " + small + " nodes");
        assertEquals(small, density(false, 400).describe().split("\n").length);
    }
}
