package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.compiler.diag.CompileException;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.model.LogDensity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stan's comparisons, logic, integer division and modulus, and the conditional operator:
 * values as Stan computes them, the conditional's gradient through the branch it takes, and
 * the checker's messages for misuse.
 */
class OperatorsTest {
    @Test
    void valuesAsStanComputesThem() {
        String program = """
                data { int<lower=1> N; }
                transformed data {
                  int a = 7 % 3;
                  int b = -7 %/% 2;
                  int c = (3 > 2) && !(1 == 2);
                  int d = (2 <= 1) || (4 != 4);
                  real e = N >= 2 ? 1.5 : -1.5;
                }
                parameters { real mu; }
                model { mu ~ normal(0, 1); }
                generated quantities { real code = 1000 * a + 100 * (b + 5) + 10 * c + d + e; }
                """;
        var fit = Vmc.compile(program, "ops.stan").fit(DataSet.of(Map.of("N", 3)),
                dev.vmc.runtime.infer.FitOptions.defaults().withSeed(1));
        double code = fit.summary().rows().stream().filter(r -> r.name().equals("code")).findFirst().orElseThrow().mean();
        // a = 1, b = -3 (toward zero), c = 1, d = 0, e = 1.5
        assertEquals(1000 * 1 + 100 * 2 + 10 * 1 + 0 + 1.5, code, 1e-12);
    }

    @Test
    void theConditionalsGradientFollowsTheBranchItTakes() {
        String program = """
                parameters { real mu; }
                model { target += mu > 0 ? -square(mu) : -3 * square(mu); }
                """;
        LogDensity density = Vmc.compile(program, "cond.stan").bind(DataSet.of(Map.of())).logDensity();
        LogDensity.Evaluator evaluator = density.evaluator(1);
        for (double mu : new double[] {-1.3, -0.2, 0.4, 2.0}) {
            double[] gradient = new double[1];
            double value = evaluator.valueAndGradient(new double[] {mu}, gradient);
            double h = 1e-6;
            double numeric = (density.value(new double[] {mu + h}) - density.value(new double[] {mu - h})) / (2 * h);
            assertEquals(mu > 0 ? -mu * mu : -3 * mu * mu, value, 1e-12);
            assertEquals(numeric, gradient[0], 1e-6, "d/dmu at " + mu);
        }
    }

    /** {@code [a, b]'} is a vector of its numbers ({@code [a, b]} a row_vector), {@code {1, 2, 3}} an array; gradients reach each number. */
    @Test
    void literalsBuildContainersFromNumbers() {
        String program = """
                data { real s; }
                transformed data { array[3] int k = {1, 2, 3}; }
                parameters { real a; real b; }
                model {
                  vector[2] v = [a, 2 * b]';
                  v ~ normal(0, s);
                  target += sum(k) * [a, b][1];
                }
                """;
        LogDensity density = Vmc.compile(program, "lit.stan").bind(DataSet.of(Map.of("s", 2.0))).logDensity();
        double[] gradient = new double[2];
        double a = 0.4;
        double b = -0.3;
        double value = density.evaluator(1).valueAndGradient(new double[] {a, b}, gradient);
        double log2pi = Math.log(2 * Math.PI);
        double expected = -0.5 * (a / 2) * (a / 2) - Math.log(2) - 0.5 * log2pi
                - 0.5 * (b) * (b) - Math.log(2) - 0.5 * log2pi + 6 * a;
        assertEquals(expected, value, 1e-12);
        assertEquals(-a / 4 + 6, gradient[0], 1e-12);
        assertEquals(-b, gradient[1], 1e-12); // d/db of -0.5 (2b / 2)^2
        CompileException e = org.junit.jupiter.api.Assertions.assertThrows(CompileException.class,
                () -> Vmc.compile("parameters { vector[2] a; } model { a ~ normal(0, 1); target += sum({a, a}); }", "bad.stan"));
        assertTrue(e.getMessage().contains("the elements of {...} must be numbers for now, got vector[2]"), e.getMessage());
    }

    @Test
    void misuseIsNamed() {
        CompileException e = org.junit.jupiter.api.Assertions.assertThrows(CompileException.class,
                () -> Vmc.compile("parameters { real mu; } model { mu ~ normal(mu % 2, 1); }", "bad.stan"));
        assertTrue(e.getMessage().contains("% needs ints on both sides, got real and int"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(CompileException.class,
                () -> Vmc.compile("parameters { real mu; } model { mu ~ normal(mu ? 1 : 0, 1); }", "bad.stan"));
        assertTrue(e.getMessage().contains("the condition of ?: must be an int, one number, got real"), e.getMessage());
    }
}
