package dev.vmc.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vmc.api.Vmc;
import dev.vmc.compiler.diag.CompileException;
import dev.vmc.compiler.diag.Diagnostic;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.graph.Graph;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deep expressions: up to the limit they compile and lower; past it they are one clean error
 * at a place in the source; neither ever overflows the stack. Each runs on a thread with half
 * the JVM's default stack (the parse has its own, see BigStack; checking and lowering recurse
 * on the caller's), so callers with deep stacks of their own keep headroom.
 */
class NestingTest {
    private static final long SMALL_STACK = 512 * 1024;

    static Stream<Arguments> rejected() {
        return Stream.concat(shapes(), Stream.of(
                Arguments.of("indexing", (IntFunction<String>) n -> "sum(v" + "[1]".repeat(n) + ")")));
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("brackets", (IntFunction<String>) n -> "(".repeat(n) + "a" + ")".repeat(n)),
                Arguments.of("powers", (IntFunction<String>) n -> "a" + "^a".repeat(n)),
                Arguments.of("signs", (IntFunction<String>) n -> "- ".repeat(n) + "a"),
                Arguments.of("calls", (IntFunction<String>) n -> "exp(".repeat(n) + "a" + ")".repeat(n)),
                Arguments.of("calls in sums", (IntFunction<String>) n -> "exp(a + ".repeat(n) + "a" + ")".repeat(n)),
                Arguments.of("bracketed sums", (IntFunction<String>) n -> "(a + ".repeat(n) + "a" + ")".repeat(n)),
                Arguments.of("indices", (IntFunction<String>) n -> "v[".repeat(n) + "1" + "]".repeat(n)),
                Arguments.of("transposes", (IntFunction<String>) n -> "sum(m" + "'".repeat(n) + ")"));
    }

    private static final String HEAD = "data {\n  array[2] int v;\n  matrix[2, 2] m;\n}\nlatent {\n  real a;\n}\nmodel {\n"
            + "  a ~ normal(0, 1);\n  target += ";

    private static final DataSet DATA = DataSet.of(Map.of("v", new int[] {1, 1}, "m", new double[][] {{1, 0}, {0, 1}}));

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void deepButWithinTheLimitCompilesAndLowers(String name, IntFunction<String> shape) {
        String source = HEAD + shape.apply(Nesting.MAX_LEVELS - 8) + ";\n}\n";
        onSmallStack(() -> {
            Graph graph = new Graph();
            Vmc.compile(source, "deep.vmodel").bind(DATA).model().build(graph, Map.of("a", graph.constant(1)));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void fiveThousandLevelsAreACleanError(String name, IntFunction<String> shape) {
        String source = HEAD + shape.apply(5000) + ";\n}\n";
        onSmallStack(() -> {
            try {
                Vmc.compile(source, "deep.vmodel");
                fail("compiled");
            } catch (CompileException e) {
                assertEquals(1, e.diagnostics().size(), e.getMessage());
                Diagnostic d = e.diagnostics().get(0);
                assertTrue(d.message().startsWith("expression nested too deeply: more than " + Nesting.MAX_LEVELS
                        + " levels"), d.message());
                assertEquals(10, d.pos().line());
            }
        });
    }

    @org.junit.jupiter.api.Test
    void aSumOfTenThousandTermsCompilesAndLowers() {
        String terms = String.join(" + ", java.util.Collections.nCopies(10_000, "a * 2 - 1"));
        String ones = String.join(" + ", java.util.Collections.nCopies(10_000, "1"));
        String source = "latent {\n  real a;\n  vector[" + ones + "] z;\n}\nderived {\n  real s = " + terms
                + ";\n}\nmodel {\n  a ~ normal(0, 1);\n  z ~ normal(0, 1);\n  target += " + terms + ";\n}\n";
        onSmallStack(() -> {
            var model = Vmc.compile(source, "long.vmodel").bind(DataSet.of(Map.of())).model();
            assertEquals(10_000, model.latents().get(1).shape()[0]);
            Graph graph = new Graph();
            model.build(graph, Map.of("a", graph.constant(1), "z", graph.constant(new dev.vmc.runtime.tensor.Tensor(
                    new int[] {10_000}))));
        });
    }

    private static void onSmallStack(Runnable body) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack", SMALL_STACK);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        if (failure.get() instanceof AssertionError a) {
            throw a;
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }
}
