package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.model.LogDensity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * User-defined functions, inlined where they are called: a model that calls them has the log
 * density and gradient of the same model written without them, and its gradient matches
 * central differences. The functions use loops, locals sized from their arguments, returns
 * under a condition on parameters, arguments named like the program's own names, calls of
 * other functions, an int function in transformed data and a void function that rejects.
 */
class UserFunctionsTest {
    private static final String FUNCTIONS = """
            functions {
              vector shifted(vector x, real a) {
                int n = rows(x);
                vector[n] out;
                for (i in 1:n) {
                  out[i] = x[i] + a * i;
                }
                return out;
              }
              real softplus(real x) {
                if (x > 0) {
                  return x + log1p(exp(-x));
                }
                return log1p(exp(x));
              }
              real total(array[] real y, real mu, real sigma) {
                real acc = 0;
                for (yi in y) {
                  acc += normal_lpdf(yi | mu, sigma);
                }
                return acc + 0 * softplus(mu);
              }
              int twice(int n) { return 2 * n; }
              void check_positive(real x) {
                if (x <= 0) {
                  reject("x must be positive, got ", x);
                }
              }
            }
            data { int N; array[N] real y; vector[3] x; }
            transformed data { int M = twice(N); check_positive(M); }
            parameters { real mu; real<lower=0> sigma; real a; }
            transformed parameters { vector[3] z = shifted(x, a); }
            model {
              mu ~ normal(0, 1);
              sigma ~ lognormal(0, 1);
              a ~ normal(0, 1);
              target += total(y, mu, sigma);
              target += softplus(mu * a);
              target += -dot_self(z) / M;
            }
            """;

    private static final String INLINE = """
            data { int N; array[N] real y; vector[3] x; }
            transformed data { int M = 2 * N; }
            parameters { real mu; real<lower=0> sigma; real a; }
            transformed parameters { vector[3] z; for (i in 1:3) { z[i] = x[i] + a * i; } }
            model {
              mu ~ normal(0, 1);
              sigma ~ lognormal(0, 1);
              a ~ normal(0, 1);
              target += normal_lpdf(y | mu, sigma);
              target += mu * a > 0 ? mu * a + log1p(exp(-mu * a)) : log1p(exp(mu * a));
              target += -dot_self(z) / M;
            }
            """;

    private static final Map<String, Object> DATA = Map.of("N", 4, "y", List.of(0.3, -1.2, 2.5, 0.9),
            "x", List.of(1.0, -0.5, 2.0));

    @Test
    void aModelCallingFunctionsHasTheDensityAndGradientOfTheModelWrittenOut() {
        LogDensity functions = Vmc.compile(FUNCTIONS, "functions.stan").bind(DataSet.of(DATA)).logDensity();
        LogDensity inline = Vmc.compile(INLINE, "inline.stan").bind(DataSet.of(DATA)).logDensity();
        LogDensity.Evaluator f = functions.evaluator(1);
        LogDensity.Evaluator g = inline.evaluator(1);
        double[][] points = {{0.2, -0.3, 0.7}, {-1.1, 0.4, -0.9}, {0.8, 0.1, 1.6}, {0.0, 0.0, 0.0}};
        for (double[] u : points) {
            double[] gf = new double[3];
            double[] gi = new double[3];
            double value = f.valueAndGradient(u, gf);
            assertEquals(g.valueAndGradient(u, gi), value, 1e-10, "log density at " + java.util.Arrays.toString(u));
            for (int k = 0; k < 3; k++) {
                assertEquals(gi[k], gf[k], 1e-10, "gradient " + k);
                double h = 1e-6;
                double[] up = u.clone();
                double[] down = u.clone();
                up[k] += h;
                down[k] -= h;
                double central = (functions.value(up) - functions.value(down)) / (2 * h);
                assertEquals(central, gf[k], 1e-6 * Math.max(1, Math.abs(central)), "central difference " + k);
            }
        }
    }

    @Test
    void aVoidFunctionsRejectStopsTheData() {
        String program = FUNCTIONS.replace("check_positive(M);", "check_positive(-M);");
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> Vmc.compile(program, "reject.stan").bind(DataSet.of(DATA)).logDensity());
        assertTrue(e.getMessage().contains("reject.stan:26:7: reject: ") && e.getMessage().contains("x must be positive, got -8"),
                e.getMessage());
    }

    @Test
    void aUserDensityServesTildeAndTargetStatements() {
        String functions = """
                functions {
                  real laplace_lpdf(real y, real mu, real b) { return -log(2 * b) - abs(y - mu) / b; }
                  real shifted_lpdf(vector y, real mu) { return normal_lpdf(y | mu + 1, 1); }
                }
                data { vector[3] x; }
                parameters { real mu; }
                model {
                  mu ~ laplace(0, 2);
                  target += laplace_lpdf(0.5 | mu, 1);
                  x ~ shifted(mu);
                }
                """;
        String inline = """
                data { vector[3] x; }
                parameters { real mu; }
                model {
                  target += -log(4) - abs(mu) / 2;
                  target += -log(2) - abs(0.5 - mu);
                  x ~ normal(mu + 1, 1);
                }
                """;
        Map<String, Object> data = Map.of("x", List.of(1.0, -0.5, 2.0));
        LogDensity.Evaluator f = Vmc.compile(functions, "density.stan").bind(DataSet.of(data)).logDensity().evaluator(1);
        LogDensity.Evaluator g = Vmc.compile(inline, "inline.stan").bind(DataSet.of(data)).logDensity().evaluator(1);
        for (double mu : new double[] {-1.3, 0.2, 0.9}) {
            double[] gf = new double[1];
            double[] gi = new double[1];
            assertEquals(g.valueAndGradient(new double[] {mu}, gi), f.valueAndGradient(new double[] {mu}, gf), 1e-12);
            assertEquals(gi[0], gf[0], 1e-12, "gradient at " + mu);
        }
    }

    @Test
    void anOdeSolvedInsideAFunctionMatchesItsClosedForm() throws java.io.IOException {
        String program = new String(UserFunctionsTest.class.getResourceAsStream("/good/stan_functions.stan").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("return integrate_ode_rk45(decay, y0, 0, ts, theta, x_r, x_i);",
                        "return integrate_ode_rk45(decay, y0, 0, ts, theta, x_r, x_i, 1e-10, 1e-10, 100000);");
        double[] ts = {0.5, 1.0, 2.0};
        double[] y = {0.7, 0.4, 0.2};
        LogDensity density = Vmc.compile(program, "ode.stan").bind(DataSet.of(Map.of("N", 3, "ts", List.of(0.5, 1.0, 2.0),
                "y", List.of(0.7, 0.4, 0.2)))).logDensity();
        double logK = -0.3;
        double logSigma = -1.2;
        double k = Math.exp(logK);
        double sigma = Math.exp(logSigma);
        double expected = normal(k, 1, 1) + logK + lognormal(sigma, 0, 1) + logSigma;
        for (int n = 0; n < 3; n++) {
            expected += normal(y[n], Math.exp(-k * ts[n]), sigma);
        }
        assertEquals(expected, density.value(new double[] {logK, logSigma}), 1e-7);
    }

    private static double normal(double x, double mu, double sigma) {
        return -0.5 * Math.pow((x - mu) / sigma, 2) - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
    }

    private static double lognormal(double x, double mu, double sigma) {
        return normal(Math.log(x), mu, sigma) - Math.log(x);
    }
}
