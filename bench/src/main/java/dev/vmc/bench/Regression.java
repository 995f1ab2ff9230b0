package dev.vmc.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The benchmark's large regression: N = 5,000 rows, K = 24 strongly correlated predictors
 * (each is 0.95 times a shared factor plus independent noise, so any two correlate at about
 * 0.9), y = alpha + X beta + noise. Generated from a fixed seed, so every run (and Stan's,
 * which reads the same file) fits the same numbers; fitted with
 * examples/linear_regression/linear_regression.vmodel.
 */
final class Regression {
    static final int N = 5_000;
    static final int K = 24;
    static final long SEED = 20261201L;
    static final Path MODEL = Path.of("examples/linear_regression/linear_regression.vmodel");

    private Regression() {}

    /** Writes the data as Stan-style JSON (what vmc and jsonlite both read). */
    static void write(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        double loading = 0.95;
        double unique = Math.sqrt(1 - loading * loading);
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("{\"N\": " + N + ", \"K\": " + K + ",\n\"X\": [");
            StringBuilder y = new StringBuilder();
            for (int i = 0; i < N; i++) {
                double factor = random.nextGaussian();
                double mean = 1.0; // alpha
                out.write(i == 0 ? "\n[" : ",\n[");
                for (int j = 0; j < K; j++) {
                    double x = loading * factor + unique * random.nextGaussian();
                    mean += coefficient(j) * x;
                    out.write((j == 0 ? "" : ", ") + x);
                }
                out.write("]");
                y.append(i == 0 ? "" : ", ").append(mean + 2.0 * random.nextGaussian());
            }
            out.write("],\n\"y\": [" + y + "]}\n");
        }
    }

    /** True coefficients: a mix of signs and sizes, from -1 to 1. */
    private static double coefficient(int j) {
        return Math.sin(1.0 + j);
    }
}
