package dev.vmc.compiler.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/**
 * Jazzer's coverage-guided fuzzer over the compiler ({@link CompilerProperty} says what must hold).
 *
 * <p>Not a *Test class: surefire's default run leaves it out, because Jazzer's agent would
 * instrument every class the rest of the suite loads. The compiler's pom runs it in its own
 * fork with JAZZER_FUZZ=1 for {@code vmc.fuzz.executions} inputs (10,000 in {@code mvn verify},
 * about 20 s); {@code compiler/fuzz 20m} runs it for as long as asked. An input that breaks the
 * property is written to resources/dev/vmc/compiler/fuzz/CompilerFuzzingInputs/fuzz/, which
 * {@link CompilerFuzzTest} replays from then on.
 */
class CompilerFuzzing {
    /** Where Jazzer keeps the corpus it grows; seeded here so every run starts from real programs. */
    private static final Path CORPUS = Path.of(".cifuzz-corpus", CompilerFuzzing.class.getName(), "fuzz");

    @BeforeAll
    static void seedCorpus() throws IOException {
        Files.createDirectories(CORPUS);
        int i = 0;
        for (byte[] seed : CompilerFuzzTest.seeds()) {
            Files.write(CORPUS.resolve(String.format("seed-%03d", i++)), seed);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void fuzz(byte[] input) {
        CompilerProperty.check(input);
    }
}
