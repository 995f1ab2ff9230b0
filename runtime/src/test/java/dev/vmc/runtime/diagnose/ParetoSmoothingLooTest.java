package dev.vmc.runtime.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Agreement with the R package loo's psis() on the vectors in loo_inputs.csv. The three
 * loo_*.csv files in src/test/resources/diagnose were written by make_reference.R next to
 * them, with loo 2.5.1; to regenerate them, install R and loo (Debian: apt-get install
 * r-cran-loo) and run "Rscript make_reference.R" in that directory. This test only reads them.
 */
class ParetoSmoothingLooTest {
    /** loo's k-hat and ours differ only by rounding and by R's extended-precision means. */
    private static final double KHAT_TOLERANCE = 1e-6;
    /** On the log scale, so this is a relative tolerance on the weights themselves. */
    private static final double LOG_WEIGHT_TOLERANCE = 1e-8;

    @TestFactory
    List<DynamicTest> agreesWithLoo() throws IOException {
        Map<String, List<Double>> inputs = column("loo_inputs.csv");
        Map<String, List<Double>> weights = column("loo_weights.csv");
        List<String[]> summary = rows("loo_summary.csv");
        assertEquals(inputs.size(), summary.size(), "one summary row per case");
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] row : summary) {
            String name = row[0];
            tests.add(DynamicTest.dynamicTest(name, () -> {
                double[] logRatios = toArray(inputs.get(name));
                double[] looLogWeights = toArray(weights.get(name));
                assertEquals(Integer.parseInt(row[1]), logRatios.length, "draws");
                ParetoSmoothed ours = ParetoSmoothing.smooth(logRatios);
                double looKhat = number(row[3]);
                // the one deliberate difference: loo cannot fit a flat tail and says +infinity;
                // bounded ratios are the best case, so vmc says -infinity (ParetoSmoothing.FLAT_TAIL)
                double expected = name.equals("flat") ? Double.NEGATIVE_INFINITY : looKhat;
                assertEquals(expected, ours.khat(), KHAT_TOLERANCE, "k-hat");
                // loo reports its tail length whether or not it smoothed; we report 0 when not
                int looTail = Integer.parseInt(row[2]);
                assertEquals(Double.isFinite(looKhat) ? looTail : 0, ours.tailLength(), "tail length");
                assertEquals(ParetoSmoothing.tailLength(logRatios.length), looTail, "loo's rule for M");
                for (int i = 0; i < logRatios.length; i++) {
                    assertEquals(looLogWeights[i], ours.logWeights()[i], LOG_WEIGHT_TOLERANCE, "log weight " + i);
                }
                double looEss = number(row[4]);
                assertEquals(looEss, ours.effectiveSampleSize(), LOG_WEIGHT_TOLERANCE * looEss, "ESS");
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> referenceCoversTheInterestingCases() throws IOException {
        Map<String, List<Double>> weights = column("loo_weights.csv");
        return List.of(
                DynamicTest.dynamicTest("a truncated tail", () -> {
                    double[] w = toArray(weights.get("gpd_capped"));
                    double max = Double.NEGATIVE_INFINITY;
                    int atMax = 0;
                    for (double v : w) {
                        atMax = v > max ? 1 : v == max ? atMax + 1 : atMax;
                        max = Math.max(max, v);
                    }
                    assertTrue(atMax > 1, "several weights truncated at the largest ratio");
                }),
                DynamicTest.dynamicTest("k-hat on both sides of the threshold", () -> {
                    List<String[]> summary = rows("loo_summary.csv");
                    assertTrue(summary.stream().anyMatch(r -> number(r[3]) > 1));
                    assertTrue(summary.stream().anyMatch(r -> number(r[3]) < 0));
                }));
    }

    private static double[] toArray(List<Double> values) {
        assertNotNull(values);
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The second column of a two-column file, grouped by the first, in file order. */
    private static Map<String, List<Double>> column(String file) throws IOException {
        Map<String, List<Double>> byCase = new LinkedHashMap<>();
        for (String[] row : rows(file)) {
            byCase.computeIfAbsent(row[0], k -> new ArrayList<>()).add(number(row[1]));
        }
        return byCase;
    }

    private static List<String[]> rows(String file) throws IOException {
        try (InputStream in = ParetoSmoothingLooTest.class.getResourceAsStream("/diagnose/" + file)) {
            assertNotNull(in, file);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
            return rows;
        }
    }

    /** R writes infinities as Inf and -Inf. */
    private static double number(String text) {
        return Double.parseDouble(text.replace("Inf", "Infinity"));
    }
}
