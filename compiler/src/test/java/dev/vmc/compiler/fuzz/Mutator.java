package dev.vmc.compiler.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutations of .vmodel files for the fuzz test's fixed-seed loop: byte-level edits (as a
 * fuzzer makes them) and the language's own pieces (keywords, operators, huge numbers,
 * deep brackets, long sums, bytes that are not UTF-8), so short runs reach deep into the
 * checker and the lowering rather than stopping at the first syntax error.
 */
final class Mutator {
    private static final List<String> PIECES = List.of(
            "data", "params", "latent", "derived", "model", "guide", "int", "real", "vector", "matrix", "array",
            "target", "+=", "~", ";", ",", "{", "}", "(", ")", "[", "]", "<", ">", "=", "'", "^", "-", "+", "*", "/",
            ".*", "./", "lower=", "upper=", "<lower=0>", "<lower=0, upper=1>", "<lower=1, upper=0>", "<lower=sqrt(-1)>",
            "0", "1", "-1", "2.5", "1e-3", "1e400", "1e-400", "2147483647", "2147483648", "99999999999999999999",
            "N", "K", "J", "mu", "sigma", "y", "x", "theta", "normal", "lognormal", "exponential", "bernoulli_logit",
            "poisson", "categorical", "dirichlet", "uniform", "exp(", "log(", "sqrt(", "sum(", "log_sum_exp(", "dot_product(",
            "vector[N]", "vector[-1]", "vector[0]", "vector[N * N]", "matrix[N, K]", "simplex[K]", "simplex[1]",
            "rep_vector(", "rep_vector(1, K)", "rep_vector(0, -1)", "array[N] int", "real s = -1;",
            "/*", "*/", "//", "\n", "\r\n", "\t", "\u00e9", "\u0000", "((((((((((((((((", "))))))))))))))))",
            "a + a + a + a + a + a + a + a", "[1]", "[1, 1]", "guide meanfield;", "guide { }");
    private static final byte[][] RAW = {{(byte) 0xE9}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xC3}, {(byte) 0x80}};

    private final SplittableRandom random;

    Mutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    byte[] mutate(byte[] input) {
        byte[] out = input;
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            out = edit(out);
        }
        return out;
    }

    private byte[] edit(byte[] in) {
        int n = in.length;
        int at = n == 0 ? 0 : random.nextInt(n + 1);
        return switch (random.nextInt(8)) {
            case 0 -> splice(in, at, Math.min(n, at + random.nextInt(1 + Math.min(40, n - at))), new byte[0]);
            case 1 -> splice(in, at, at, piece());
            case 2 -> splice(in, at, Math.min(n, at + random.nextInt(8)), piece());
            case 3 -> duplicate(in);
            case 4 -> flip(in);
            case 5 -> splice(in, at, at, RAW[random.nextInt(RAW.length)]);
            case 6 -> splice(in, at, at, repeated());
            default -> splice(in, at, at, new byte[] {(byte) random.nextInt(128)});
        };
    }

    private byte[] piece() {
        return PIECES.get(random.nextInt(PIECES.size())).getBytes(StandardCharsets.UTF_8);
    }

    /** A piece many times over: the long sums and deep nestings a hostile user writes. */
    private byte[] repeated() {
        String unit = List.of("(", "-", "a + ", "a^", "exp(", "'", "[1]", "x;\n  target += x").get(random.nextInt(8));
        return unit.repeat(1 + random.nextInt(random.nextInt(4) == 0 ? 3000 : 40)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] duplicate(byte[] in) {
        if (in.length == 0) {
            return in;
        }
        int from = random.nextInt(in.length);
        int to = Math.min(in.length, from + 1 + random.nextInt(60));
        byte[] part = java.util.Arrays.copyOfRange(in, from, to);
        int at = random.nextInt(in.length + 1);
        return splice(in, at, at, part);
    }

    private byte[] flip(byte[] in) {
        if (in.length == 0) {
            return in;
        }
        byte[] out = in.clone();
        out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        return out;
    }

    private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + insert.length);
        out.write(in, 0, from);
        out.write(insert, 0, insert.length);
        out.write(in, to, in.length - to);
        return out.toByteArray();
    }
}
