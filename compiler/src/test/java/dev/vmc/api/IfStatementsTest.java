package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.compiler.diag.CompileException;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.model.LogDensity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stan's if/else in the model block: a term counts where its conditions hold, whether they
 * depend on data or on latents, with the gradient of the branch taken.
 */
class IfStatementsTest {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private static double normal(double x, double m, double s) {
        return -0.5 * ((x - m) / s) * ((x - m) / s) - Math.log(s) - 0.5 * LOG_2PI;
    }

    @Test
    void aDataConditionChoosesTheStatementsThatCount() {
        String program = """
                data { int<lower=0, upper=1> centred; real y; }
                parameters { real mu; }
                model {
                  if (centred == 1) {
                    mu ~ normal(0, 1);
                  } else if (y > 100) {
                    mu ~ normal(100, 1);
                  } else {
                    mu ~ normal(5, 2);
                  }
                  y ~ normal(mu, 1);
                }
                """;
        CompiledModel model = Vmc.compile(program, "if.stan");
        for (int centred : new int[] {0, 1}) {
            LogDensity density = model.bind(DataSet.of(Map.of("centred", centred, "y", 1.5))).logDensity();
            double mu = 0.7;
            double prior = centred == 1 ? normal(mu, 0, 1) : normal(mu, 5, 2);
            assertEquals(prior + normal(1.5, mu, 1), density.value(new double[] {mu}), 1e-12, "centred = " + centred);
        }
    }

    @Test
    void aLatentConditionGivesTheGradientOfItsBranch() {
        String program = """
                parameters { real mu; }
                model {
                  mu ~ normal(0, 3);
                  if (mu > 1) target += -2 * mu; else target += -square(mu) / 2 - 0.5;
                }
                """;
        LogDensity density = Vmc.compile(program, "branch.stan").bind(DataSet.of(Map.of())).logDensity();
        LogDensity.Evaluator evaluator = density.evaluator(1);
        for (double mu : new double[] {-2, 0.3, 1.5, 4}) {
            double[] gradient = new double[1];
            double value = evaluator.valueAndGradient(new double[] {mu}, gradient);
            double branch = mu > 1 ? -2 * mu : -mu * mu / 2 - 0.5;
            assertEquals(normal(mu, 0, 3) + branch, value, 1e-12);
            assertEquals(-mu / 9 + (mu > 1 ? -2 : -mu), gradient[0], 1e-12, "at " + mu);
        }
    }

    @Test
    void whatIsNotSupportedYetIsNamed() {
        assertError("parameters { real mu; } model { if ({1, 2}) mu ~ normal(0, 1); }",
                "an if's condition must be one number (a comparison gives one), got array[2] int");
        assertError("latent { real mu; } model { mu ~ normal(0, 1); } guide { params { real m = 0; } if (1) mu ~ normal(m, 1); }",
                "only definitions and ~ statements belong in the guide");
    }

    private static void assertError(String program, String message) {
        CompileException e = org.junit.jupiter.api.Assertions.assertThrows(CompileException.class,
                () -> Vmc.compile(program, "bad.stan"));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
