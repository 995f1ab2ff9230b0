package dev.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.output.OutputFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run says about how far to trust it, and the exit codes that go with it. */
class TrustTest {
    @TempDir
    Path tmp;

    private Cli.Result runModel(String source, String data, String... extra) {
        Path model = Cli.write(tmp.resolve("m.vmodel"), source);
        Path json = Cli.write(tmp.resolve("d.json"), data);
        return Cli.run(Cli.concat(new String[] {"run", model.toString(), "--data", json.toString(),
                "--out", tmp.resolve("out").toString()}, extra));
    }

    @Test
    void everyRunPrintsTheElboErrorAndKhatAndWritesThemToTheSummary() throws IOException {
        Path out = tmp.resolve("fit");
        Cli.Result r = Cli.run("run", Cli.EIGHT_SCHOOLS.toString(), "--data", Cli.EIGHT_SCHOOLS_DATA.toString(),
                "--out", out.toString(), "--draws", "300");
        r.assertCode(ExitCode.OK);
        String summary = Cli.read(out.resolve("summary.txt"));
        for (String text : new String[] {r.out(), summary}) {
            assertTrue(text.contains("Monte Carlo se"), r.all());
            assertTrue(text.lines().anyMatch(l -> l.matches("Pareto k-hat \\d\\.\\d\\d \\(effective sample size \\d+ of 4000\\): .+")), text);
        }
        assertTrue(r.out().contains("pathfinder path 1:") && r.out().contains("pathfinder path 2:"), r.all());
        assertTrue(r.out().contains("converged after"), r.all());
    }

    @Test
    void aDivergingFitIsNotReportedAsConvergedButStillWritesItsOutputs() {
        Cli.Result r = Cli.runEightSchools(tmp.resolve("fit"), "--algorithm", "advi", "--lr", "1e6", "--steps", "3000",
                "--tol", "0.01", "--report");
        r.assertCode(ExitCode.UNTRUSTED);
        assertTrue(r.out().contains("NOT CONVERGED") && r.err().contains("warning"), r.all());
        assertFalse(r.out().contains("converged after"), r.all());
        for (String file : OutputFolder.FIT_FILES) {
            assertTrue(Files.exists(tmp.resolve("fit").resolve(file)), file);
        }
        assertTrue(Cli.read(tmp.resolve("fit").resolve("report.html")).contains("<p class=\"big\">NOT CONVERGED</p>"),
                "the report says so first");
    }

    @Test
    void aLatentWithoutPriorOrLikelihoodIsAnImproperPosteriorNamed() {
        Cli.Result r = runModel("""
                data { real y; }
                latent { real mu; real<lower=0> forgotten; }
                model { mu ~ normal(0, 1); y ~ normal(mu, 1); }
                """, "{\"y\": 0.3}");
        r.assertCode(ExitCode.FIT);
        assertTrue(r.err().contains("improper") && r.err().contains("forgotten"), r.all());
        assertFalse(r.err().contains("internal error"), r.all());
    }

    @Test
    void anUnboundedDensityIsAnImproperPosteriorNamed() {
        Cli.Result r = runModel("""
                latent { real mu; }
                model { target += exp(1000 * mu); }
                """, "{}");
        r.assertCode(ExitCode.FIT);
        assertTrue(r.err().contains("improper") && r.err().contains("mu"), r.all());
    }

    @Test
    void pathfinderAloneStopsAtTheStart() {
        Cli.Result r = Cli.run("run", Cli.EIGHT_SCHOOLS.toString(), "--data", Cli.EIGHT_SCHOOLS_DATA.toString(),
                "--out", tmp.resolve("fit").toString(), "--algorithm", "pathfinder", "--paths", "3");
        r.assertCode(ExitCode.OK);
        assertTrue(r.out().contains("pathfinder path 3:"), r.all());
        assertTrue(r.out().contains("after 0 steps"), r.all());
        assertTrue(r.out().contains("Pathfinder's Gaussian, as asked"), r.all());
    }

    @Test
    void psisResamplingWritesResampledDraws() throws IOException {
        Path out = tmp.resolve("fit");
        Cli.Result r = Cli.runEightSchools(out, "--psis-resample", "always", "--draws", "500");
        r.assertCode(ExitCode.OK);
        assertTrue(r.out().contains("resampled by their Pareto-smoothed importance weights"), r.all());
        Cli.Table draws = Cli.readCsv(out.resolve("draws.csv"));
        assertEquals(500, draws.rows().size());
        // a resample of 4000 weighted draws repeats some of them
        long distinct = draws.rows().stream().map(java.util.Arrays::toString).distinct().count();
        assertTrue(distinct < 500, distinct + " distinct rows of 500");
    }

    @Test
    void badAlgorithmAndPathsAreUsageErrors() {
        Cli.runEightSchools(tmp.resolve("a"), "--algorithm", "nuts").assertCode(ExitCode.USAGE);
        Cli.runEightSchools(tmp.resolve("b"), "--paths", "0").assertCode(ExitCode.USAGE);
        Cli.runEightSchools(tmp.resolve("c"), "--guide", "diagonal").assertCode(ExitCode.USAGE);
        Cli.runEightSchools(tmp.resolve("d"), "--psis-resample", "sometimes").assertCode(ExitCode.USAGE);
    }
}
