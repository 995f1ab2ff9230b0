package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.compiler.bind.DataMismatchException;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.model.LogDensity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Stan's statements run as written: loops, element assignment, local blocks, ifs on data and
 * on parameters, while, break and continue, transformed data computed by loops. Each model's log
 * density is checked against the same model computed here in plain Java, and its gradient
 * against central differences of the log density.
 */
class StatementsTest {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private static double normal(double x, double m, double s) {
        return -0.5 * ((x - m) / s) * ((x - m) / s) - Math.log(s) - 0.5 * LOG_2PI;
    }

    private static double cauchy(double x, double m, double s) {
        double z = (x - m) / s;
        return -Math.log(Math.PI) - Math.log(s) - Math.log1p(z * z);
    }

    private static String resource(String name) throws IOException {
        return Files.readString(Path.of("src", "test", "resources", "statements", name));
    }

    /** The log density at u against {@code expected}, and its gradient against central differences. */
    private static void assertMatches(LogDensity density, ToDoubleFunction<double[]> expected, double[] u) {
        double[] gradient = new double[u.length];
        double value = density.evaluator(1).valueAndGradient(u, gradient);
        double want = expected.applyAsDouble(u);
        assertEquals(want, value, 1e-9 * Math.max(1, Math.abs(want)));
        double h = 1e-6;
        for (int i = 0; i < u.length; i++) {
            double[] up = u.clone();
            double[] down = u.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (density.value(up) - density.value(down)) / (2 * h);
            assertEquals(numeric, gradient[i], 1e-5 * Math.max(1, Math.abs(numeric)), "d/du[" + i + "]");
        }
    }

    @Test
    void arma11RecurrenceMatchesItsDirectComputation() throws IOException {
        int t = 50;
        double[] y = new double[t];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < t; i++) {
            y[i] = 1 + 0.5 * (i > 0 ? y[i - 1] - 1 : 0) + random.nextGaussian() * 0.7;
        }
        LogDensity density = Vmc.compile(resource("arma11.stan"), "arma11.stan")
                .bind(DataSet.of(Map.of("T", t, "y", y))).logDensity();
        ToDoubleFunction<double[]> direct = u -> {
            double mu = u[0], phi = u[1], theta = u[2], sigma = Math.exp(u[3]);
            double lp = normal(mu, 0, 10) + normal(phi, 0, 2) + normal(theta, 0, 2) + cauchy(sigma, 0, 2.5) + u[3];
            double err = 0;
            for (int i = 0; i < t; i++) {
                double nu = i == 0 ? mu + phi * mu : mu + phi * y[i - 1] + theta * err;
                err = y[i] - nu;
                lp += normal(err, 0, sigma);
            }
            return lp;
        };
        assertMatches(density, direct, new double[] {0.9, 0.4, 0.2, -0.3});
        assertMatches(density, direct, new double[] {-1.2, -0.7, 0.8, 0.5});
    }

    @Test
    void hmmForwardAlgorithmMatchesItsDirectComputation() throws IOException {
        double[] y = {2.1, 3.5, 9.8, 10.4, 2.9, 11.2, 3.3};
        int n = y.length;
        LogDensity density = Vmc.compile(resource("hmm_plain.stan"), "hmm_plain.stan")
                .bind(DataSet.of(Map.of("N", n, "K", 2, "y", y))).logDensity();
        ToDoubleFunction<double[]> direct = u -> {
            double[][] theta = {{Math.exp(u[0]), Math.exp(u[1])}, {Math.exp(u[2]), Math.exp(u[3])}};
            double[] mu = {u[4], u[5]};
            double lp = -theta[0][0] - theta[0][1] - theta[1][0] - theta[1][1] + u[0] + u[1] + u[2] + u[3];
            lp += normal(mu[0], 3, 1) + normal(mu[1], 10, 1);
            double[] gamma = {normal(y[0], mu[0], 1), normal(y[0], mu[1], 1)};
            for (int t = 1; t < n; t++) {
                double[] next = new double[2];
                for (int k = 0; k < 2; k++) {
                    double a = gamma[0] + Math.log(theta[0][k]) + normal(y[t], mu[k], 1);
                    double b = gamma[1] + Math.log(theta[1][k]) + normal(y[t], mu[k], 1);
                    next[k] = Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
                }
                gamma = next;
            }
            double m = Math.max(gamma[0], gamma[1]);
            return lp + m + Math.log1p(Math.exp(-Math.abs(gamma[0] - gamma[1])));
        };
        assertMatches(density, direct, new double[] {-0.2, -1.5, -1.1, 0.1, 3.2, 9.6});
        assertMatches(density, direct, new double[] {0.3, 0.2, -0.4, -2.0, 5.0, 7.0});
    }

    /**
     * Copies of a vector as columns and of a row_vector as rows (rep_matrix(v, n)), and the outer
     * product v * rv, in transformed data, in a function's body and on parameters: what lowering
     * reads from the checker's types, since a vector and a row_vector are alike at run time.
     */
    @Test
    void repeatedVectorsAndOuterProductsMatchTheirDirectComputation() {
        String program = """
                functions {
                  matrix outer(vector a, row_vector b) { return a * b; }
                }
                data { int N; int K; vector[N] x; row_vector[K] z; matrix[N, K] y; }
                transformed data {
                  matrix[N, K] xz = x * z;
                  matrix[N, K] zs = rep_matrix(z, N);
                }
                parameters { vector[N] alpha; row_vector[K] beta; real<lower=0> sigma; }
                model {
                  matrix[N, K] mu = rep_matrix(alpha, K) + rep_matrix(beta, N) + outer(alpha, beta) + 0.1 * xz .* zs;
                  alpha ~ normal(0, 1);
                  beta ~ normal(0, 1);
                  sigma ~ exponential(1);
                  to_vector(y) ~ normal(to_vector(mu), sigma);
                }
                """;
        double[] x = {0.5, -1.0, 2.0};
        double[] z = {1.5, -0.5};
        double[] y = {0.3, -1.2, 2.2, 0.7, -0.4, 1.9};
        LogDensity density = Vmc.compile(program, "outer.stan").bind(DataSet.of(Map.of("N", 3, "K", 2, "x", x, "z", z,
                "y", new double[][] {{y[0], y[1]}, {y[2], y[3]}, {y[4], y[5]}}))).logDensity();
        ToDoubleFunction<double[]> direct = u -> {
            double sigma = Math.exp(u[5]);
            double lp = -sigma + u[5];
            for (int i = 0; i < 3; i++) {
                lp += normal(u[i], 0, 1);
            }
            for (int j = 0; j < 2; j++) {
                lp += normal(u[3 + j], 0, 1);
            }
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    double alpha = u[i];
                    double beta = u[3 + j];
                    double mu = alpha + beta + alpha * beta + 0.1 * x[i] * z[j] * z[j];
                    lp += normal(y[i * 2 + j], mu, sigma);
                }
            }
            return lp;
        };
        assertMatches(density, direct, new double[] {0.2, -0.4, 0.9, 1.1, -0.6, -0.3});
        assertMatches(density, direct, new double[] {-1.0, 0.5, 0.1, -0.2, 0.8, 0.4});
    }

    /** to_matrix, and row_vectors appended by rows and vectors by columns, on parameters. */
    @Test
    void toMatrixAndAppendedVectorsMatchTheirDirectComputation() {
        String program = """
                data { vector[4] y; }
                parameters { vector[2] a; row_vector[2] b; }
                model {
                  matrix[2, 2] m = to_matrix(y, 2, 2) + append_row(b, b) + append_col(a, a) + to_matrix(a) * to_matrix(b);
                  a ~ normal(0, 1);
                  b ~ normal(0, 1);
                  to_vector(m) ~ normal(0, 1);
                }
                """;
        double[] y = {0.3, -1.2, 2.2, 0.7};
        LogDensity density = Vmc.compile(program, "to_matrix.stan").bind(DataSet.of(Map.of("y", y))).logDensity();
        ToDoubleFunction<double[]> direct = u -> {
            double lp = normal(u[0], 0, 1) + normal(u[1], 0, 1) + normal(u[2], 0, 1) + normal(u[3], 0, 1);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    double a = u[i];
                    double b = u[2 + j];
                    lp += normal(y[j * 2 + i] + b + a + a * b, 0, 1);
                }
            }
            return lp;
        };
        assertMatches(density, direct, new double[] {0.2, -0.4, 0.9, 1.1});
        assertMatches(density, direct, new double[] {-1.0, 0.5, 0.1, -0.2});
    }

    @Test
    void toMatrixOfTheWrongCountIsADataError() {
        String program = """
                data { int N; vector[N] y; }
                parameters { real a; }
                model {
                  matrix[2, 2] m = to_matrix(y, 2, 2);
                  a ~ normal(sum(m), 1);
                }
                """;
        CompiledModel compiled = Vmc.compile(program, "count.stan");
        assertEquals(1, compiled.bind(DataSet.of(Map.of("N", 4, "y", new double[] {1, 2, 3, 4}))).logDensity().dimension());
        DataMismatchException e = assertThrows(DataMismatchException.class,
                () -> compiled.bind(DataSet.of(Map.of("N", 3, "y", new double[] {1, 2, 3}))));
        assertTrue(e.getMessage().contains("to_matrix(y, 2, 2) makes a matrix of 4 elements from the 3 of y"),
                e.getMessage());
    }

    /** The binder evaluates sizes and a distribution's data arguments with the checker's types too. */
    @Test
    void sizesAndArgumentsOverDataReadRowVectorsAsTheChecked() {
        String program = """
                data { vector[3] a; row_vector[2] r; }
                parameters { simplex[6] theta; vector[cols(a * r)] w; }
                model {
                  theta ~ dirichlet(to_vector(rep_matrix(a, 2)));
                  w ~ normal(0, 1);
                }
                """;
        CompiledModel compiled = Vmc.compile(program, "binder.stan");
        assertEquals(5 + 2, compiled.bind(DataSet.of(Map.of("a", new double[] {1, 2, 3}, "r", new double[] {1, 1})))
                .logDensity().dimension());
        DataMismatchException e = assertThrows(DataMismatchException.class,
                () -> compiled.bind(DataSet.of(Map.of("a", new double[] {1, 0, 3}, "r", new double[] {1, 1}))));
        assertTrue(e.getMessage().contains("to_vector(rep_matrix(a, 2)) has element 2 = 0"), e.getMessage());
    }

    @Test
    void transformedDataLoopsWhileBreakAndContinue() {
        String program = """
                data { int N; array[N] int kind; vector[N] y; }
                transformed data {
                  vector[N] two;
                  int evens = 0;
                  int first_big = 0;
                  int i = 0;
                  for (n in 1:N) {
                    two[n] = kind[n] == 2;
                    if (n % 2 == 1) continue;
                    evens += 1;
                  }
                  while (1) {
                    i += 1;
                    if (i > N) break;
                    if (y[i] > 5 && first_big == 0) first_big = i;
                  }
                }
                parameters { real b; }
                model {
                  b ~ normal(0, 1);
                  y ~ normal(b * two + evens + first_big, 1);
                }
                """;
        int[] kind = {1, 2, 2, 3, 2};
        double[] y = {0.5, 1.5, 7.0, 2.5, 9.0};
        LogDensity density = Vmc.compile(program, "td.stan").bind(DataSet.of(Map.of("N", 5, "kind", kind, "y", y)))
                .logDensity();
        // two = (0, 1, 1, 0, 1), evens = 2 (n = 2, 4), first_big = 3
        double b = 0.4;
        double want = normal(b, 0, 1);
        for (int n = 0; n < 5; n++) {
            want += normal(y[n], b * (kind[n] == 2 ? 1 : 0) + 2 + 3, 1);
        }
        assertEquals(want, density.value(new double[] {b}), 1e-10);
    }

    @Test
    void aParameterConditionMergesWhatEachBranchAssigns() {
        String program = """
                data { int N; vector[N] y; }
                parameters { real a; real c; }
                model {
                  vector[N] mu;
                  real shift = 0;
                  for (n in 1:N) {
                    if (a > y[n]) {
                      mu[n] = a;
                      shift += 1;
                    } else {
                      mu[n] = c * y[n];
                    }
                  }
                  mu[1] = mu[1] * 2;
                  mu[2] *= 2;
                  mu .*= rep_vector(1.5, N);
                  a ~ normal(0, 2);
                  c ~ normal(shift, 1);
                  y ~ normal(mu, 1);
                }
                """;
        double[] y = {-0.5, 0.8, 1.7, 0.1};
        LogDensity density = Vmc.compile(program, "merge.stan").bind(DataSet.of(Map.of("N", 4, "y", y))).logDensity();
        ToDoubleFunction<double[]> direct = u -> {
            double a = u[0], c = u[1];
            double shift = 0;
            double lp = normal(a, 0, 2);
            double[] mu = new double[4];
            for (int n = 0; n < 4; n++) {
                if (a > y[n]) {
                    mu[n] = a;
                    shift += 1;
                } else {
                    mu[n] = c * y[n];
                }
                mu[n] *= (n < 2 ? 2 : 1) * 1.5;
            }
            lp += normal(c, shift, 1);
            for (int n = 0; n < 4; n++) {
                lp += normal(y[n], mu[n], 1);
            }
            return lp;
        };
        assertMatches(density, direct, new double[] {0.3, 0.6});
        assertMatches(density, direct, new double[] {1.2, -0.4});
    }

    /**
     * A matrix built column by column ({@code m[:, k] = ...}) is read back as its columns joined
     * rather than one scalar per element; one whose element is then overwritten, and a vector
     * filled backwards, take the element-by-element way. All three against plain Java.
     */
    @Test
    void matricesBuiltByColumnsAndElementsMatchTheirDirectComputation() {
        String program = """
                data { int N; vector[N] x; }
                parameters { vector[3] mu; }
                model {
                  matrix[N, 3] whole;
                  matrix[N, 3] patched;
                  vector[N] backwards;
                  for (k in 1:3) {
                    whole[:, k] = x * mu[k] + k;
                    patched[:, k] = x - mu[k];
                  }
                  patched[2, 3] = 5 * mu[1];
                  for (n in 1:N) {
                    backwards[N + 1 - n] = mu[2] * x[n];
                  }
                  mu ~ normal(0, 1);
                  // weighted by column, so that a column out of place shows
                  target += -0.5 * sum(square(whole * [1, 2, 3]')) - 0.1 * sum(square(patched * [1, 2, 3]'))
                      + sum(backwards .* x);
                }
                """;
        double[] x = {0.4, -1.2, 2.0, 0.9};
        LogDensity density = Vmc.compile(program, "columns.stan").bind(DataSet.of(Map.of("N", 4, "x", x))).logDensity();
        assertMatches(density, mu -> {
            double total = 0;
            for (int k = 0; k < 3; k++) {
                total += normal(mu[k], 0, 1);
            }
            for (int n = 0; n < x.length; n++) {
                double w = 0;
                double p = 0;
                for (int k = 0; k < 3; k++) {
                    w += (k + 1) * (x[n] * mu[k] + k + 1);
                    p += (k + 1) * (n == 1 && k == 2 ? 5 * mu[0] : x[n] - mu[k]);
                }
                total += -0.5 * w * w - 0.1 * p * p;
            }
            for (int n = 0; n < x.length; n++) {
                total += mu[1] * x[x.length - 1 - n] * x[n];
            }
            return total;
        }, new double[] {0.3, -0.8, 1.1});
    }

    @Test
    void aForLoopOverElementsAndALocalBlock() {
        String program = """
                data { int N; array[N] real y; }
                parameters { real mu; }
                model {
                  for (x in y) {
                    real d = x - mu;
                    target += -0.5 * d * d;
                  }
                  {
                    real d = mu / 10;
                    target += -0.5 * d * d;
                  }
                }
                """;
        double[] y = {1.0, 2.5, -0.3};
        LogDensity density = Vmc.compile(program, "each.stan").bind(DataSet.of(Map.of("N", 3, "y", y))).logDensity();
        double mu = 0.7;
        double want = -0.5 * (mu / 10) * (mu / 10);
        for (double x : y) {
            want += -0.5 * (x - mu) * (x - mu);
        }
        assertEquals(want, density.value(new double[] {mu}), 1e-12);
    }

    @Test
    void rejectOnADataPathFailsWhenTheDataAreRead() {
        String program = """
                data { int N; }
                transformed data {
                  if (N < 1) reject("N must be positive, got ", N);
                }
                parameters { real mu; }
                model { mu ~ normal(0, 1); }
                """;
        CompiledModel model = Vmc.compile(program, "reject.stan");
        DataMismatchException e = assertThrows(DataMismatchException.class, () -> model.bind(DataSet.of(Map.of("N", 0))));
        assertTrue(e.getMessage().contains("reject.stan:3:14: reject: N must be positive, got 0"), e.getMessage());
        model.bind(DataSet.of(Map.of("N", 2))); // no reject
    }

    @Test
    void rejectOnAParameterPathMakesTheDensityMinusInfinityThere() {
        String program = """
                parameters { real mu; }
                model {
                  mu ~ normal(0, 1);
                  if (mu > 2) reject("mu too big: ", mu);
                }
                """;
        LogDensity density = Vmc.compile(program, "reject.stan").bind(DataSet.of(Map.of())).logDensity();
        assertEquals(normal(1, 0, 1), density.value(new double[] {1}), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, density.value(new double[] {3}));
    }
}
