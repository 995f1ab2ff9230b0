package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;
import dev.vmc.runtime.output.Summary;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Stan program's blocks mean what they mean in Stan: parameters are latent, transformed data
 * are computed once from the data (declared, then assigned), transformed parameters and
 * generated quantities are reported with each draw, and {@code target += normal_lpdf(y | ...)}
 * is the density's term.
 */
class StanProgramsTest {
    private static final String PROGRAM = """
            data { int<lower=1> N; vector[N] y; }
            transformed data {
              real ybar;
              ybar = mean(y);
            }
            parameters { real mu; }
            transformed parameters { real twice = 2 * mu; }
            model {
              target += normal_lpdf(mu | ybar, 10);
              y ~ normal(mu, 1);
            }
            generated quantities {
              real shifted;
              shifted = mu - ybar;
              vector[N] y_rep = normal_rng(rep_vector(mu, N), 1);
              int count = poisson_rng(3);
            }
            """;

    @Test
    void runsAsStanMeansIt() {
        double[] y = {1.2, 0.4, 2.2, 1.7, 0.9, 1.4, 2.5, 0.3};
        double ybar = java.util.Arrays.stream(y).average().orElseThrow();
        FitResult fit = Vmc.compile(PROGRAM, "m.stan").fit(DataSet.of(Map.of("N", y.length, "y", y)),
                FitOptions.defaults().withSeed(3));
        // conjugate: prior N(ybar, 10^2), 8 observations of sd 1
        double precision = 1 / 100.0 + y.length;
        double mean = (ybar / 100.0 + y.length * ybar) / precision;
        double sd = Math.sqrt(1 / precision);
        Summary.Row mu = row(fit, "mu");
        double se = 4 * sd / Math.sqrt(1000); // the summary's Monte Carlo error, generously
        assertEquals(mean, mu.mean(), 0.05 * sd + se);
        assertEquals(sd, mu.sd(), 0.1 * sd);
        assertEquals(2 * mu.mean(), row(fit, "twice").mean(), 1e-9);
        assertEquals(mu.mean() - ybar, row(fit, "shifted").mean(), 1e-9);
        // posterior predictive draws: y_rep[1] ~ normal(mu, 1) with mu from its posterior
        Summary.Row rep = row(fit, "y_rep.1");
        double repSd = Math.sqrt(sd * sd + 1);
        assertEquals(mean, rep.mean(), 4 * repSd / Math.sqrt(1000));
        assertEquals(repSd, rep.sd(), 0.1 * repSd);
        Summary.Row count = row(fit, "count");
        assertEquals(3, count.mean(), 4 * Math.sqrt(3) / Math.sqrt(1000));
        assertEquals(Math.sqrt(3), count.sd(), 0.15 * Math.sqrt(3));
    }

    /**
     * The same conjugate model with its prior split into two halves of a log density inside an
     * expression, and a log density reported in generated quantities, as Stan programs write
     * log_lik: the posterior is the same, and the reported value is the density at each draw.
     */
    @Test
    void logDensitiesAreExpressionsAnywhere() {
        String program = PROGRAM.replace("target += normal_lpdf(mu | ybar, 10);",
                        "target += 0.5 * normal_lpdf(mu | ybar, 10) + normal_lupdf(mu | ybar, 10) / 2;")
                .replace("int count = poisson_rng(3);", "int count = poisson_rng(3);\n  real lp = normal_lpdf(mu | ybar, 10);");
        double[] y = {1.2, 0.4, 2.2, 1.7, 0.9, 1.4, 2.5, 0.3};
        double ybar = java.util.Arrays.stream(y).average().orElseThrow();
        FitResult fit = Vmc.compile(program, "m.stan").fit(DataSet.of(Map.of("N", y.length, "y", y)),
                FitOptions.defaults().withSeed(3));
        double precision = 1 / 100.0 + y.length;
        double mean = (ybar / 100.0 + y.length * ybar) / precision;
        double sd = Math.sqrt(1 / precision);
        Summary.Row mu = row(fit, "mu");
        assertEquals(mean, mu.mean(), 0.05 * sd + 4 * sd / Math.sqrt(1000));
        // E[-(mu - ybar)^2 / 200] - log 10 - log(2 pi) / 2 over the fitted mu
        double expected = -(mu.sd() * mu.sd() + Math.pow(mu.mean() - ybar, 2)) / 200 - Math.log(10) - 0.5 * Math.log(2 * Math.PI);
        assertEquals(expected, row(fit, "lp").mean(), 1e-3);
    }

    @Test
    void drawsOnlyInGeneratedQuantities() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.vmc.compiler.diag.CompileException.class,
                () -> Vmc.compile("parameters { real mu; } model { mu ~ normal(normal_rng(0, 1), 1); }", "m.stan"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("'normal_rng' draws at random, which only"
                + " generated quantities may do"), e.getMessage());
    }

    private static Summary.Row row(FitResult fit, String name) {
        return fit.summary().rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
