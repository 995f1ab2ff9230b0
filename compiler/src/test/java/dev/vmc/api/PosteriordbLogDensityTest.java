package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.data.Json;
import dev.vmc.runtime.data.JsonTree;
import dev.vmc.runtime.model.LogDensity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The benchmark's translations of posteriordb's Stan models have Stan's log density. Each
 * {@code bench/posteriors/NAME/logdensity_check.json} holds points on the unconstrained space
 * and Stan's {@code log_prob(upars, adjust_transform = TRUE)} there (written by
 * {@code bench/posteriors/logdensity_check.R}). Stan drops the constants of {@code ~}
 * statements and vmc keeps them, so the test compares differences from the first point.
 */
class PosteriordbLogDensityTest {
    private static final Path POSTERIORS = Path.of("..", "bench", "posteriors");
    private static final double RELATIVE = 1e-8;
    private static final double ABSOLUTE = 1e-8;

    /** Each posterior's vmc translation, and its Stan program as posteriordb has it, unmodified. */
    static Stream<String> posteriors() throws IOException {
        try (Stream<Path> dirs = Files.list(POSTERIORS)) {
            List<String> names = dirs.filter(d -> Files.exists(d.resolve("model.vmodel")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
            assertTrue(names.size() >= 9, "expected the benchmark's posteriors in " + POSTERIORS.toAbsolutePath());
            return names.stream().flatMap(n -> Stream.of(n + "/model.vmodel", n + "/model.stan"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("posteriors")
    void logDensityDifferencesMatchStan(String file) throws IOException {
        String name = file.substring(0, file.indexOf('/'));
        Path dir = POSTERIORS.resolve(name);
        LogDensity density = Vmc.compile(POSTERIORS.resolve(file))
                .bind(DataSet.read(dir.resolve("data.json"))).logDensity();
        Path checkFile = dir.resolve("logdensity_check.json");
        Json.Obj check = (Json.Obj) JsonTree.read(checkFile);

        List<String> coordinates = strings(check.members().get("coordinates"));
        assertEquals(coordinates, density.coordinateNames(), "the unconstrained vector's layout");
        List<double[]> points = ((Json.Arr) check.members().get("points")).elements().stream()
                .map(PosteriordbLogDensityTest::numbers).toList();
        double[] stan = numbers(check.members().get("stan_log_prob"));
        assertEquals(points.size(), stan.length);
        assertTrue(points.size() >= 2);

        double vmc0 = density.value(points.get(0));
        assertTrue(Double.isFinite(vmc0) && Double.isFinite(stan[0]));
        for (int i = 1; i < points.size(); i++) {
            double expected = stan[i] - stan[0];
            double actual = density.value(points.get(i)) - vmc0;
            assertEquals(expected, actual, RELATIVE * Math.abs(expected) + ABSOLUTE,
                    name + ": log p(u_" + i + ") - log p(u_0)");
        }
    }

    private static double[] numbers(Json array) {
        return ((Json.Arr) array).elements().stream().mapToDouble(e -> ((Json.Num) e).value()).toArray();
    }

    private static List<String> strings(Json array) {
        return ((Json.Arr) array).elements().stream().map(e -> ((Json.Str) e).value()).toList();
    }
}
