package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.data.Json;
import dev.vmc.runtime.data.JsonTree;
import dev.vmc.runtime.model.LogDensity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * posteriordb's Stan programs, as vmc reads them, have Stan's log density. The posteriors are
 * those {@code bench/posteriors/posteriors.txt} lists (the benchmark's list); each line says
 * whether vmc compiles the program ({@code compiles}) or not yet ({@code pending}). Each
 * {@code bench/posteriors/NAME/logdensity_check.json} holds points on the unconstrained space and
 * Stan's {@code log_prob(upars, adjust_transform = TRUE)} there (written by
 * {@code bench/posteriors/logdensity_check.R}). Stan drops the constants of {@code ~} statements
 * and vmc keeps them, so the test compares differences from the first point. The old hand
 * translations ({@code model.vmodel}, where they exist) are checked the same way.
 */
class PosteriordbLogDensityTest {
    private static final Path POSTERIORS = Path.of("..", "bench", "posteriors");
    private static final double RELATIVE = 1e-8;
    private static final double ABSOLUTE = 1e-8;
    /**
     * A program that solves an ODE: Stan and vmc each solve it only to the program's tolerances
     * (lotka_volterra: rk45 at relative 1e-5, absolute 1e-3; one_comp_mm_elim_abs: bdf at Stan's
     * defaults, 1e-6), and the solutions' errors move the log density differences by up to 2e-4
     * (measured). With vmc's tolerances tightened the programs match Stan to Stan's own solver
     * error: UserFunctionOdePosteriorsTest.
     */
    private static final double ODE_ABSOLUTE = 1e-3;
    /** What extract.py writes for every posterior; logdensity_check.json (R) is needed once it compiles. */
    private static final List<String> FILES = List.of("model.stan", "data.json", "reference.json");

    /** posteriors.txt: name -> compiles (true) or pending (false), in the file's order. */
    static Map<String, Boolean> listed() throws IOException {
        Map<String, Boolean> result = new LinkedHashMap<>();
        for (String line : Files.readAllLines(POSTERIORS.resolve("posteriors.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.trim().split("\\s+");
            assertEquals(2, words.length, "posteriors.txt: expected 'NAME compiles|pending': " + line);
            assertTrue(words[1].equals("compiles") || words[1].equals("pending"), "posteriors.txt: " + line
                    + " (the second word is 'compiles' or 'pending')");
            assertNull(result.put(words[0], words[1].equals("compiles")), "posteriors.txt lists twice: " + words[0]);
        }
        return result;
    }

    /** The programs checked: every model.stan listed as compiling, and every hand translation. */
    static Stream<String> compiling() throws IOException {
        return listed().entrySet().stream().flatMap(e -> {
            Stream<String> stan = e.getValue() ? Stream.of(e.getKey() + "/model.stan") : Stream.empty();
            Stream<String> vmodel = Files.exists(POSTERIORS.resolve(e.getKey()).resolve("model.vmodel"))
                    ? Stream.of(e.getKey() + "/model.vmodel") : Stream.empty();
            return Stream.concat(vmodel, stan);
        });
    }

    static Stream<String> pending() throws IOException {
        return listed().entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey);
    }

    @Test
    void everyListedPosteriorHasItsFolderAndNoFolderIsUnlisted() throws IOException {
        Map<String, Boolean> listed = listed();
        assertTrue(listed.size() >= 35, "posteriors.txt lists " + listed.size() + " posteriors");
        for (String name : listed.keySet()) {
            for (String file : FILES) {
                Path path = POSTERIORS.resolve(name).resolve(file);
                assertTrue(Files.isRegularFile(path) && Files.size(path) > 0, "missing or empty: " + path);
            }
            Json.Obj reference = (Json.Obj) JsonTree.read(POSTERIORS.resolve(name).resolve("reference.json"));
            assertEquals(name, ((Json.Str) reference.members().get("posterior")).value());
            assertFalse(((Json.Obj) reference.members().get("parameters")).members().isEmpty(),
                    name + ": reference.json has no parameters");
        }
        try (Stream<Path> dirs = Files.list(POSTERIORS)) {
            List<String> folders = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
            assertEquals(listed.keySet().stream().sorted().toList(), folders, "bench/posteriors' folders and posteriors.txt");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compiling")
    void logDensityDifferencesMatchStan(String file) throws IOException {
        String name = file.substring(0, file.indexOf('/'));
        Path dir = POSTERIORS.resolve(name);
        Path checkFile = dir.resolve("logdensity_check.json");
        assertTrue(Files.exists(checkFile), name + ": no logdensity_check.json; write it with: Rscript bench/posteriors/logdensity_check.R " + name);
        Json.Obj check = (Json.Obj) JsonTree.read(checkFile);
        assertNull(check.members().get("stan_error"), name + ": Stan could not evaluate the model, so there is nothing to check against");
        LogDensity density = Vmc.compile(POSTERIORS.resolve(file))
                .bind(DataSet.read(dir.resolve("data.json"))).logDensity();

        List<String> coordinates = strings(check.members().get("coordinates"));
        assertEquals(coordinates, density.coordinateNames(), "the unconstrained vector's layout");
        List<double[]> points = ((Json.Arr) check.members().get("points")).elements().stream()
                .map(PosteriordbLogDensityTest::numbers).toList();
        double[] stan = numbers(check.members().get("stan_log_prob"));
        assertEquals(points.size(), stan.length);
        assertTrue(points.size() >= 2);

        double vmc0 = density.value(points.get(0));
        assertTrue(Double.isFinite(vmc0) && Double.isFinite(stan[0]));
        double absolute = Files.readString(POSTERIORS.resolve(file)).contains("integrate_ode") ? ODE_ABSOLUTE : ABSOLUTE;
        for (int i = 1; i < points.size(); i++) {
            double expected = stan[i] - stan[0];
            double actual = density.value(points.get(i)) - vmc0;
            assertEquals(expected, actual, RELATIVE * Math.abs(expected) + absolute,
                    name + ": log p(u_" + i + ") - log p(u_0)");
        }
    }

    /** The issue's bar: every posterior of the benchmark runs from its unmodified program. */
    @Test
    void noPosteriorIsPending() throws IOException {
        List<String> pending = pending().toList();
        assertTrue(pending.isEmpty(), "posteriors vmc cannot read yet: " + pending);
    }

    private static double[] numbers(Json array) {
        return ((Json.Arr) array).elements().stream().mapToDouble(e -> ((Json.Num) e).value()).toArray();
    }

    private static List<String> strings(Json array) {
        return ((Json.Arr) array).elements().stream().map(e -> ((Json.Str) e).value()).toList();
    }
}
