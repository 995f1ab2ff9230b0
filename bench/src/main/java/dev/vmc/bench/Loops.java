package dev.vmc.bench;

import dev.vmc.api.BoundModel;
import dev.vmc.api.Vmc;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.infer.EstimatorChoice;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code bench/run loops}: what Stan's statements cost per gradient step. A linear regression of
 * N = 1000 written vectorised and as a for loop (which the compiler vectorises: the two should
 * cost the same), and arma11's recurrence, which depends on the iteration before and is unrolled
 * (T = 200 simulated points).
 */
final class Loops {
    private Loops() {}

    private static final String VECTORISED = """
            data { int N; vector[N] x; vector[N] y; }
            parameters { real a; real b; real<lower=0> s; }
            model {
              a ~ normal(0, 10);
              b ~ normal(0, 10);
              s ~ lognormal(0, 1);
              y ~ normal(a + b * x, s);
            }
            """;

    private static final String LOOP = """
            data { int N; vector[N] x; vector[N] y; }
            parameters { real a; real b; real<lower=0> s; }
            model {
              a ~ normal(0, 10);
              b ~ normal(0, 10);
              s ~ lognormal(0, 1);
              for (n in 1:N) {
                y[n] ~ normal(a + b * x[n], s);
              }
            }
            """;

    private static final String ARMA11 = """
            data { int<lower=1> T; array[T] real y; }
            parameters { real mu; real phi; real theta; real<lower=0> sigma; }
            model {
              vector[T] nu;
              vector[T] err;
              mu ~ normal(0, 10);
              phi ~ normal(0, 2);
              theta ~ normal(0, 2);
              sigma ~ cauchy(0, 2.5);
              nu[1] = mu + phi * mu;
              err[1] = y[1] - nu[1];
              for (t in 2:T) {
                nu[t] = mu + phi * y[t - 1] + theta * err[t - 1];
                err[t] = y[t] - nu[t];
              }
              err ~ normal(0, sigma);
            }
            """;

    static void print() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 1000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
            y[i] = 0.5 + 2 * x[i] + 0.8 * random.nextGaussian();
        }
        Map<String, Object> regression = Map.of("N", n, "x", x, "y", y);
        int t = 200;
        double[] series = new double[t];
        double err = 0;
        for (int i = 0; i < t; i++) {
            double nu = i == 0 ? 1.5 : 1 + 0.5 * series[i - 1] + 0.3 * err;
            err = 0.8 * random.nextGaussian();
            series[i] = nu + err;
        }
        // one untimed round first: the first program measured would otherwise pay for the JIT's warm-up
        micros(VECTORISED, regression);
        micros(LOOP, regression);
        micros(ARMA11, Map.of("T", t, "y", series));
        System.out.println("Stan statements: microseconds per gradient step (1 particle, median of 3, after a warm-up round)");
        System.out.printf("%-40s %10.1f%n", "regression N=1000, vectorised", micros(VECTORISED, regression));
        System.out.printf("%-40s %10.1f%n", "regression N=1000, for loop", micros(LOOP, regression));
        System.out.printf("%-40s %10.1f%n", "arma11 T=200, recurrence unrolled", micros(ARMA11, Map.of("T", t, "y", series)));
    }

    private static double micros(String program, Map<String, Object> data) {
        BoundModel bound = Vmc.compile(program, "loops.stan").bind(DataSet.of(data));
        return Estimators.microsPerStep(bound, EstimatorChoice.automatic(), 1, "meanfield");
    }
}
