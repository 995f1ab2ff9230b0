package dev.vmc.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The compiler under arbitrary input (see {@link CompilerProperty} for what must hold).
 *
 * <p>In {@code mvn verify}, {@link #seedsFindingsAndMutants} checks every example and every
 * test program, every input the fuzzer ever found a failure with (committed under
 * resources/dev/vmc/compiler/fuzz/CompilerFuzzingInputs/fuzz), then a fixed-seed loop of
 * mutants of them: the same inputs on every run, about ten seconds, without Jazzer's agent.
 * {@link CompilerFuzzing} is the coverage-guided fuzzer over the same seeds.
 */
class CompilerFuzzTest {
    private static final long MUTANTS = 1500;
    private static final long SEED = 20261121;
    /** The mutation loop stops early past this, so a slow machine keeps the suite short. */
    private static final Duration BUDGET = Duration.ofSeconds(10);
    /** One input taking this long is a hang. */
    private static final Duration HANG = Duration.ofSeconds(20);

    @Test
    void seedsFindingsAndMutants() {
        List<byte[]> seeds = seeds();
        for (byte[] seed : seeds) {
            checkOne(seed);
        }
        for (byte[] finding : files(Path.of("src", "test", "resources", "dev", "vmc", "compiler", "fuzz",
                "CompilerFuzzingInputs", "fuzz"), p -> true)) {
            checkOne(finding);
        }
        Mutator mutator = new Mutator(SEED);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        java.util.SplittableRandom pick = new java.util.SplittableRandom(SEED);
        for (long i = 0; i < MUTANTS && System.nanoTime() < deadline; i++) {
            checkOne(mutator.mutate(seeds.get(pick.nextInt(seeds.size()))));
        }
    }

    private static void checkOne(byte[] input) {
        try {
            assertTimeoutPreemptively(HANG, () -> CompilerProperty.check(input));
        } catch (AssertionError | RuntimeException e) {
            fail("input:\n" + new String(input, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    /** The examples and the compiler's test programs: every seed of the fuzzer's corpus. */
    static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (Path dir : List.of(Path.of("..", "examples"), Path.of("src", "test", "resources", "good"),
                Path.of("src", "test", "resources", "bad"))) {
            seeds.addAll(files(dir, p -> p.toString().endsWith(".vmodel")));
        }
        return seeds;
    }

    private static List<byte[]> files(Path dir, java.util.function.Predicate<Path> wanted) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<byte[]> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).filter(wanted).sorted().toList()) {
                found.add(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
