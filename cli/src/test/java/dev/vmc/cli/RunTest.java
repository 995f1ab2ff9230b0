package dev.vmc.cli;

import static dev.vmc.cli.Cli.EIGHT_SCHOOLS;
import static dev.vmc.cli.Cli.EIGHT_SCHOOLS_DATA;
import static dev.vmc.cli.Cli.EXAMPLES;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.output.GuideFile;
import dev.vmc.runtime.output.GuideJson;
import dev.vmc.runtime.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vmc run}: what it prints, what it writes, and how it treats the output folder. */
class RunTest {
    private static final Pattern SUMMARY_HEADER = Pattern.compile("^\\s+mean\\s+sd\\s+5%\\s+50%\\s+95%$");

    @TempDir
    Path tmp;

    private static List<String> eightSchoolsColumns() {
        List<String> names = new ArrayList<>(List.of("mu", "tau"));
        for (int j = 1; j <= 8; j++) {
            names.add("theta_tilde." + j);
        }
        for (int j = 1; j <= 8; j++) {
            names.add("theta." + j);
        }
        return names;
    }

    /** The rows' names of the summary table printed in {@code out}, in order, starting after its header. */
    private static List<String> summaryRowNames(String out) {
        List<String> lines = out.lines().toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (SUMMARY_HEADER.matcher(lines.get(i)).matches()) {
                header = i;
                break;
            }
        }
        assertTrue(header >= 0, "no summary header (mean sd 5% 50% 95%) in\n" + out);
        List<String> names = new ArrayList<>();
        for (int i = header + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
            names.add(lines.get(i).trim().split("\\s+")[0]);
        }
        return names;
    }

    @Test
    void eightSchoolsPrintsPlanAndSummaryAndWritesAllFourFiles() throws IOException {
        Path out = tmp.resolve("fit");
        Cli.Result r = Cli.runEightSchools(out);
        r.assertCode(ExitCode.OK);

        // the start and the guide family chosen from it, with the reason, then the plan: every
        // latent with its support, guide and the pathwise estimator
        String chosen = r.out().lines().filter(l -> l.startsWith("guide: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no guide choice\n" + r.all()));
        assertTrue(chosen.contains("because") && chosen.contains("variance inflation"), chosen);
        assertTrue(r.out().contains("plan (guide: " + chosen.split("[ ,]")[1] + ")"), r.all());
        for (String latent : List.of("mu", "tau", "theta_tilde[8]")) {
            String line = r.out().lines().filter(l -> l.startsWith("  " + latent + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no plan line for " + latent + "\n" + r.all()));
            assertTrue(line.contains("pathwise"), line);
        }

        // the summary table
        List<String> expected = eightSchoolsColumns();
        assertEquals(expected, summaryRowNames(r.out()));
        assertTrue(r.out().contains("wrote " + out), r.all());

        assertEquals(List.of("draws.csv", "elbo.csv", "fit.json", "guide.json", "summary.txt"),
                List.copyOf(Cli.snapshot(out).keySet()));

        // draws.csv: Stan-style names, then log_p__ and log_q__; exactly --draws rows, all finite
        Cli.Table draws = Cli.readCsv(out.resolve("draws.csv"));
        List<String> header = new ArrayList<>(expected);
        header.add("log_p__");
        header.add("log_q__");
        assertEquals(header, draws.header());
        assertEquals(200, draws.rows().size());
        for (double[] row : draws.rows()) {
            assertTrue(Arrays.stream(row).allMatch(Double::isFinite), Arrays.toString(row));
        }
        // tau is constrained positive; theta = mu + tau * theta_tilde is a derived column
        int mu = draws.column("mu");
        int tau = draws.column("tau");
        for (double[] row : draws.rows()) {
            assertTrue(row[tau] > 0, "tau = " + row[tau]);
            for (int j = 1; j <= 8; j++) {
                double theta = row[mu] + row[tau] * row[draws.column("theta_tilde." + j)];
                assertEquals(theta, row[draws.column("theta." + j)], 1e-9 * (1 + Math.abs(theta)));
            }
        }

        // elbo.csv: one row per step
        List<String> elbo = Cli.read(out.resolve("elbo.csv")).lines().toList();
        assertEquals("step,elbo", elbo.get(0));
        assertEquals(301, elbo.size());
        for (int i = 1; i < elbo.size(); i++) {
            String[] f = elbo.get(i).split(",");
            assertEquals(2, f.length, elbo.get(i));
            assertEquals(i, Long.parseLong(f[0]));
            Double.parseDouble(f[1]);
        }

        // guide.json reads back, with the chosen family's parameters of the 10 unconstrained coordinates
        GuideFile guide = GuideJson.read(out.resolve("guide.json"));
        Map<String, Tensor> params = guide.params();
        String family = chosen.split("[ ,]")[1];
        assertEquals(family, guide.meta().get("guide"));
        assertArrayEquals(new int[] {10}, params.get("guide.loc").shape);
        if (family.equals("meanfield")) {
            assertArrayEquals(new int[] {10}, params.get("guide.log_scale").shape);
        } else {
            assertEquals("fullrank", family);
            assertArrayEquals(new int[] {10, 10}, params.get("guide.scale_tril").shape);
        }
        assertEquals("300", guide.meta().get("steps"));

        // summary.txt is the fit report and the table as printed
        String summary = Cli.read(out.resolve("summary.txt"));
        assertTrue(summary.startsWith("ELBO "), summary);
        assertTrue(summary.lines().anyMatch(l -> l.startsWith("Pareto k-hat ")), summary);
        assertTrue(summary.lines().anyMatch(l -> SUMMARY_HEADER.matcher(l).matches()), summary);
        assertEquals(expected, summaryRowNames(summary));
        assertTrue(r.out().contains("\n" + summary + "\nwrote "), "summary.txt differs from the printed table\n"
                + summary + "\n" + r.all());
    }

    @Test
    void sameSeedGivesIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        Cli.runEightSchools(tmp.resolve("a"), "--seed", "7").assertCode(ExitCode.OK);
        Cli.runEightSchools(tmp.resolve("b"), "--seed", "7").assertCode(ExitCode.OK);
        Cli.runEightSchools(tmp.resolve("c"), "--seed", "8").assertCode(ExitCode.OK);
        byte[] a = Files.readAllBytes(tmp.resolve("a/draws.csv"));
        assertArrayEquals(a, Files.readAllBytes(tmp.resolve("b/draws.csv")));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/elbo.csv")), Files.readAllBytes(tmp.resolve("b/elbo.csv")));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/guide.json")),
                Files.readAllBytes(tmp.resolve("b/guide.json")));
        assertFalse(Arrays.equals(a, Files.readAllBytes(tmp.resolve("c/draws.csv"))),
                "--seed 8 wrote the same draws as --seed 7");
    }

    @Test
    void refusesToReplaceAnEarlierRunUnlessToldTo() {
        Path out = tmp.resolve("fit");
        Cli.runEightSchools(out).assertCode(ExitCode.OK);
        Map<String, byte[]> before = Cli.snapshot(out);

        Cli.Result again = Cli.runEightSchools(out, "--seed", "99");
        again.assertCode(ExitCode.USAGE);
        assertTrue(again.err().contains(out.toString()), again.all());
        assertTrue(again.err().contains("draws.csv"), again.all());
        assertTrue(again.err().contains("--overwrite"), again.all());
        assertFalse(again.out().contains("plan"), "refused only after fitting\n" + again.all());
        assertSameFiles(before, Cli.snapshot(out));

        Cli.runEightSchools(out, "--seed", "99", "--overwrite").assertCode(ExitCode.OK);
        Map<String, byte[]> after = Cli.snapshot(out);
        assertEquals(before.keySet(), after.keySet());
        assertFalse(Arrays.equals(before.get("draws.csv"), after.get("draws.csv")), "--overwrite did not replace");
    }

    @Test
    void anyOneEarlierOutputFileBlocksTheFolder() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("fit"));
        Cli.write(out.resolve("summary.txt"), "precious\n");
        Cli.write(out.resolve("notes.txt"), "mine\n");
        Cli.Result r = Cli.runEightSchools(out);
        r.assertCode(ExitCode.USAGE);
        assertTrue(r.err().contains("summary.txt"), r.all());
        assertEquals("precious\n", Cli.read(out.resolve("summary.txt")));
        assertEquals(List.of("notes.txt", "summary.txt"), List.copyOf(Cli.snapshot(out).keySet()));
    }

    @Test
    void outThatIsAFileIsAUsageError() {
        Path file = Cli.write(tmp.resolve("taken"), "x");
        Cli.Result r = Cli.runEightSchools(file);
        r.assertCode(ExitCode.USAGE);
        assertTrue(r.err().contains(file.toString()), r.all());
        assertEquals("x", Cli.read(file));
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        assertAll(expected.keySet().stream().map(name ->
                () -> assertArrayEquals(expected.get(name), actual.get(name), name + " changed")));
    }

    @Test
    void initStartsFromAnEarlierFit() {
        Path first = tmp.resolve("first");
        Cli.runEightSchools(first, "--draws", "500").assertCode(ExitCode.OK);
        Path second = tmp.resolve("second");
        Cli.Result r = Cli.run("run", EIGHT_SCHOOLS.toString(), "--data", EIGHT_SCHOOLS_DATA.toString(),
                "--init", first.resolve("guide.json").toString(), "--steps", "0", "--draws", "500",
                "--seed", "12345", "--out", second.toString());
        r.assertCode(ExitCode.OK);

        Cli.Table a = Cli.readCsv(first.resolve("draws.csv"));
        Cli.Table b = Cli.readCsv(second.resolve("draws.csv"));
        assertEquals(500, b.rows().size());
        for (String column : eightSchoolsColumns()) {
            double se = Math.sqrt((Math.pow(a.sd(column), 2) + Math.pow(b.sd(column), 2)) / 500);
            assertEquals(a.mean(column), b.mean(column), 4 * se, column);
        }
        // and not what the untrained guide gives: its mu is centred on 0, the fitted one near 4.5
        assertTrue(b.mean("mu") > 2, "mu mean " + b.mean("mu"));
        // the parameters are carried over exactly
        try {
            assertArrayEquals(GuideJson.read(first.resolve("guide.json")).params().get("guide.loc").data,
                    GuideJson.read(second.resolve("guide.json")).params().get("guide.loc").data);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void initFromAnotherGuideIsAUsageErrorNotACrash() {
        // Bug: Fitter.applyInitial throws IllegalArgumentException, which RunCommand does not catch,
        // so this ends as "internal error" with a stack trace and exit 1.
        Path first = tmp.resolve("fullrank");
        Cli.runEightSchools(first, "--guide", "fullrank").assertCode(ExitCode.OK);
        Cli.Result r = Cli.runEightSchools(tmp.resolve("meanfield"), "--guide", "meanfield",
                "--init", first.resolve("guide.json").toString());
        r.assertCode(ExitCode.USAGE);
        assertTrue(r.err().contains("guide.scale_tril"), r.all());
        assertFalse(r.err().contains("internal error"), r.all());
    }

    @Test
    void initFromAnotherModelIsAUsageErrorNamingTheShapes() {
        Path first = tmp.resolve("eight");
        Cli.runEightSchools(first).assertCode(ExitCode.OK);
        Path one = Cli.write(tmp.resolve("one.vmodel"), "latent { real mu; }\nmodel { mu ~ normal(0, 1); }\n");
        Cli.Result r = Cli.run("run", one.toString(), "--init", first.resolve("guide.json").toString(), "--out",
                tmp.resolve("one").toString());
        r.assertFails(ExitCode.USAGE, "--init " + first.resolve("guide.json"), "has shape [10",
                "this model's latents have 1 coordinates", "another model");
    }

    @Test
    void initThatIsNotAGuideFileIsAUsageError() {
        Cli.Result missing = Cli.runEightSchools(tmp.resolve("a"), "--init", tmp.resolve("nope.json").toString());
        missing.assertCode(ExitCode.USAGE);
        assertTrue(missing.err().contains("--init"), missing.all());

        Path notGuide = Cli.write(tmp.resolve("data.json"), "{\"y\": 1}");
        Cli.Result wrong = Cli.runEightSchools(tmp.resolve("b"), "--init", notGuide.toString());
        wrong.assertCode(ExitCode.USAGE);
        assertTrue(wrong.err().contains("params"), wrong.all());
    }

    @Test
    void fullRankGuide() throws IOException {
        Path out = tmp.resolve("fit");
        Cli.Result r = Cli.runEightSchools(out, "--guide", "fullrank");
        r.assertCode(ExitCode.OK);
        assertTrue(r.out().contains("plan (guide: fullrank)"), r.all());
        assertTrue(r.out().contains("full-rank normal"), r.all());
        assertFalse(r.out().contains("mean-field"), r.all());
        Map<String, Tensor> params = GuideJson.read(out.resolve("guide.json")).params();
        assertTrue(params.containsKey("guide.loc"), params.keySet().toString());
        assertTrue(params.containsKey("guide.scale_tril"), params.keySet().toString());
        assertEquals("fullrank", GuideJson.read(out.resolve("guide.json")).meta().get("guide"));
        assertEquals(eightSchoolsColumns(), summaryRowNames(r.out()));
    }

    @Test
    void writtenOutGuidePrintsItsParametersAsPointEstimates() throws IOException {
        Path dir = EXAMPLES.resolve("linear_gaussian");
        Path out = tmp.resolve("fit");
        Cli.Result r = Cli.run(Cli.concat(new String[] {"run", dir.resolve("linear_gaussian.vmodel").toString(),
                "--data", dir.resolve("data.json").toString(), "--out", out.toString()}, Cli.QUICK));
        r.assertCode(ExitCode.OK);
        assertTrue(r.out().contains("plan (guide: written in linear_gaussian.vmodel)"), r.all());
        assertTrue(r.out().contains("fitted parameters (point estimates):"), r.all());
        assertEquals(List.of("z"), summaryRowNames(r.out()));
        String summary = Cli.read(out.resolve("summary.txt"));
        assertTrue(summary.contains("fitted parameters (point estimates):"), summary);
        assertTrue(r.out().contains(summary), r.all());
        assertEquals(java.util.Set.of("m", "s"), GuideJson.read(out.resolve("guide.json")).params().keySet());
    }

    @Test
    void zeroDrawsIsNotAnInternalError() {
        // Bug: --draws 0 passes RunCommand's check, then Summary.of throws "no draws to summarise"
        // after the fit, which ends as "vmc: internal error" with exit 1 and an empty output folder.
        Cli.Result r = Cli.runEightSchools(tmp.resolve("fit"), "--draws", "0");
        assertNotEquals(ExitCode.INTERNAL, r.code(), r.all());
        assertFalse(r.err().contains("internal error"), r.all());
        assertTrue(r.code() == ExitCode.OK || r.code() == ExitCode.USAGE, r.all());
    }

    @Test
    void csvDataWithRowCountAddedAsN() throws IOException {
        Path model = Cli.write(tmp.resolve("line.vmodel"), """
                data {
                  int<lower=0> N;
                  vector[N] x;
                  vector[N] y;
                }
                latent {
                  real a;
                  real b;
                  real<lower=0> sigma;
                }
                model {
                  a ~ normal(0, 10);
                  b ~ normal(0, 10);
                  sigma ~ exponential(1);
                  y ~ normal(a + b * x, sigma);
                }
                """);
        // y = 1 + 2 x exactly, plus a fixed +-0.1 wobble
        StringBuilder csv = new StringBuilder("y,x\n");
        for (int i = 0; i < 20; i++) {
            double x = -1 + i / 10.0;
            csv.append(1 + 2 * x + (i % 2 == 0 ? 0.1 : -0.1)).append(',').append(x).append('\n');
        }
        Path data = Cli.write(tmp.resolve("line.csv"), csv.toString());
        Path out = tmp.resolve("fit");
        Cli.Result r = Cli.run("run", model.toString(), "--data", data.toString(), "--out", out.toString(),
                "--draws", "500");
        r.assertCode(ExitCode.OK);
        assertEquals(List.of("a", "b", "sigma"), summaryRowNames(r.out()));
        Cli.Table draws = Cli.readCsv(out.resolve("draws.csv"));
        assertEquals(1.0, draws.mean("a"), 0.1);
        assertEquals(2.0, draws.mean("b"), 0.15);
        assertTrue(draws.mean("sigma") < 0.3, "sigma " + draws.mean("sigma"));
    }

    @Test
    void csvColumnsNamedXDotJFillAMatrix() {
        Path model = Cli.write(tmp.resolve("m.vmodel"), """
                data {
                  int<lower=0> N;
                  matrix[N, 2] X;
                  vector[N] y;
                }
                latent {
                  vector[2] b;
                  real<lower=0> sigma;
                }
                model {
                  b ~ normal(0, 10);
                  sigma ~ exponential(1);
                  y ~ normal(X * b, sigma);
                }
                """);
        StringBuilder csv = new StringBuilder("y,X.1,X.2\n");
        for (int i = 0; i < 20; i++) {
            double x1 = Math.sin(i);
            double x2 = Math.cos(3 * i);
            csv.append(3 * x1 - x2 + (i % 2 == 0 ? 0.05 : -0.05)).append(',').append(x1).append(',').append(x2)
                    .append('\n');
        }
        Path data = Cli.write(tmp.resolve("m.csv"), csv.toString());
        Path out = tmp.resolve("fit");
        Cli.run("run", model.toString(), "--data", data.toString(), "--out", out.toString(), "--draws", "500")
                .assertCode(ExitCode.OK);
        Cli.Table draws = Cli.readCsv(out.resolve("draws.csv"));
        assertEquals(3.0, draws.mean("b.1"), 0.1);
        assertEquals(-1.0, draws.mean("b.2"), 0.1);
    }
}
