package dev.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.output.FitJson;
import dev.vmc.runtime.output.FitRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vmc report RUN_DIR}, {@code vmc run --report}, and the fit.json a run now writes. */
class ReportCommandTest {
    @TempDir
    static Path shared;
    /** One quick eight-schools run with --report, shared by the tests that only read it. */
    static Path run;
    static Cli.Result ran;

    @TempDir
    Path tmp;

    @BeforeAll
    static void fit() {
        run = shared.resolve("run");
        ran = Cli.runEightSchools(run, "--report");
        ran.assertCode(ExitCode.OK);
    }

    @Test
    void runWithReportWritesFitJsonAndTheReport() throws IOException {
        assertTrue(ran.out().contains("wrote " + run + ": draws.csv, elbo.csv, guide.json, summary.txt, fit.json, report.html"),
                ran.all());
        assertEquals(List.of("draws.csv", "elbo.csv", "fit.json", "guide.json", "report.html", "summary.txt"),
                List.copyOf(Cli.snapshot(run).keySet()));

        // fit.json holds what the terminal showed: the start before the plan, the plan, the messages after it
        FitRecord fit = FitJson.read(run.resolve("fit.json"));
        List<String> printed = ran.out().lines().toList();
        assertTrue(fit.start().stream().anyMatch(l -> l.startsWith("pathfinder path 1: ")), fit.start().toString());
        String chosen = fit.start().stream().filter(l -> l.startsWith("guide: ")).findFirst().orElseThrow();
        assertTrue(chosen.contains("because"), chosen);
        for (String line : fit.start()) {
            assertTrue(printed.indexOf(line) >= 0 && printed.indexOf(line) < printed.indexOf("plan (guide: " + fit.guide() + "):"),
                    "printed before the plan: " + line);
        }
        assertEquals(List.of("mu", "tau", "theta_tilde"), fit.plan().stream().map(FitRecord.PlanRow::latent).toList());
        assertEquals("theta_tilde[8]", fit.plan().get(2).label());
        assertEquals("(0, inf)", fit.plan().get(1).support());
        assertTrue(fit.plan().get(0).estimator().startsWith("pathwise"));
        assertEquals("steps_done", fit.status(), "the quick options run a fixed number of steps");
        assertTrue(fit.trusted());
        assertEquals(300, fit.steps());
        assertEquals(Cli.EIGHT_SCHOOLS.toString(), fit.model());
        assertEquals(20261121L, fit.seed());
        for (String line : fit.messages()) {
            assertTrue(ran.out().contains(line), line);
        }
        // the same numbers as guide.json's meta
        String guide = Cli.read(run.resolve("guide.json"));
        assertTrue(guide.contains("\"elbo\": \"" + fit.elbo() + "\""), guide);
        assertTrue(guide.contains("\"khat\": \"" + fit.khat() + "\""), guide);

        String html = Cli.read(run.resolve("report.html"));
        assertTrue(html.contains("<title>vmc report: eight_schools</title>"));
        assertTrue(html.contains("<td class=\"name\">theta_tilde[8]</td>"));
        assertTrue(html.contains("data-column=\"theta.8\""), "derived values get panels too");
        assertTrue(html.contains("<span class=\"name\">theta[8]</span> <span class=\"kind derived\">derived</span>"));
        assertFalse(html.contains("id=\"missing\""), "nothing missing");
    }

    @Test
    void reportRewritesThePageFromTheFolder() throws IOException {
        Path copy = copyOf(run, tmp.resolve("copy"));
        Files.delete(copy.resolve("report.html"));
        Cli.Result r = Cli.run("report", copy.toString());
        r.assertCode(ExitCode.OK);
        assertEquals("wrote " + copy.resolve("report.html") + "\n", r.out());
        assertEquals(Cli.read(run.resolve("report.html")).replace(run.toString(), copy.toString()),
                Cli.read(copy.resolve("report.html")), "the same page as run --report wrote");

        Path elsewhere = tmp.resolve("page.html");
        Cli.run("report", copy.toString(), "--out", elsewhere.toString()).assertCode(ExitCode.OK);
        assertTrue(Files.isRegularFile(elsewhere));
    }

    @Test
    void anOlderRunWithoutFitJsonStillGetsAReport() throws IOException {
        Path old = copyOf(run, tmp.resolve("old"));
        Files.delete(old.resolve("fit.json"));
        Files.delete(old.resolve("report.html"));
        Cli.run("report", old.toString()).assertCode(ExitCode.OK);
        String html = Cli.read(old.resolve("report.html"));
        assertTrue(html.contains("Not in this run folder: fit.json."), html);
        assertTrue(html.contains("class=\"chart trace\"") && html.contains("class=\"chart marginal\""));

        Files.delete(old.resolve("draws.csv"));
        Files.delete(old.resolve("elbo.csv"));
        Cli.run("report", old.toString()).assertCode(ExitCode.OK);
        html = Cli.read(old.resolve("report.html"));
        assertTrue(html.contains("Not in this run folder: fit.json, draws.csv, elbo.csv."), html);
        assertTrue(html.contains("<pre class=\"summary\">"), "the summary table from summary.txt");
    }

    @Test
    void errorsAreUsageErrors() throws IOException {
        Path notRun = Files.createDirectories(tmp.resolve("empty"));
        Cli.write(notRun.resolve("notes.txt"), "hello");
        Path brokenDraws = copyOf(run, tmp.resolve("broken-draws"));
        Cli.write(brokenDraws.resolve("draws.csv"), Cli.read(run.resolve("draws.csv")).replaceFirst("\n[^,\n]*,", "\nabc,"));
        Path brokenFit = copyOf(run, tmp.resolve("broken-fit"));
        Cli.write(brokenFit.resolve("fit.json"), "{\"format\": 1,");
        Path brokenTrace = copyOf(run, tmp.resolve("broken-trace"));
        Cli.write(brokenTrace.resolve("elbo.csv"), "step,elbo\n1,2,3\n");
        Path notUtf8 = copyOf(run, tmp.resolve("not-utf8"));
        Files.write(notUtf8.resolve("summary.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});

        record Case(List<String> args, String message) {}
        for (Case c : List.of(
                new Case(List.of("report", tmp.resolve("nowhere").toString()), "no such folder: " + tmp.resolve("nowhere")),
                new Case(List.of("report", notRun.toString()), notRun + " is not a run folder"),
                new Case(List.of("report", run.resolve("draws.csv").toString()), "is a file, not a run folder"),
                new Case(List.of("report", brokenDraws.toString()), "cannot read " + brokenDraws.resolve("draws.csv") + ":2: 'abc'"),
                new Case(List.of("report", brokenFit.toString()), "cannot read " + brokenFit.resolve("fit.json") + ":1:"),
                new Case(List.of("report", brokenTrace.toString()), "cannot read " + brokenTrace.resolve("elbo.csv") + ":2:"),
                new Case(List.of("report", notUtf8.toString()), notUtf8.resolve("summary.txt") + ": not UTF-8"),
                new Case(List.of("report"), "missing FILE: the run's output folder"),
                new Case(List.of("report", run.toString(), "--bogus"), "--bogus"),
                new Case(List.of("report", run.toString(), "--out", tmp.resolve("no/such/dir/r.html").toString()),
                        "cannot write " + tmp.resolve("no/such/dir/r.html") + ": no such file or folder"),
                new Case(List.of("report", run.toString(), "--out", Cli.UNWRITABLE_EVEN_FOR_ROOT.resolve("r.html").toString()),
                        "cannot write " + Cli.UNWRITABLE_EVEN_FOR_ROOT.resolve("r.html") + ": permission denied"))) {
            Cli.Result r = Cli.run(c.args().toArray(String[]::new));
            r.assertCode(ExitCode.USAGE);
            assertTrue(r.err().startsWith("vmc: ") && r.err().contains(c.message()), c.message() + "\n" + r.all());
            assertFalse(r.err().contains("Exception") || r.err().contains("internal error"), r.all());
        }
        assertFalse(Files.exists(brokenFit.resolve("report.html.tmp")));
    }

    @Test
    void helpNamesTheCommand() {
        Cli.Result r = Cli.run("help", "report");
        r.assertCode(ExitCode.OK);
        assertTrue(r.out().startsWith("Usage: vmc report RUN_DIR [--out FILE]\n"), r.out());
        assertTrue(Cli.run("--help").out().contains("  report  Write report.html"));
        assertTrue(new RunCommand().commandLine().usage().contains("--report"));
    }

    @Test
    void aRunWithoutReportRemovesTheReportOfTheRunItReplaces() throws IOException {
        Path again = copyOf(run, tmp.resolve("again"));
        Cli.runEightSchools(again, "--overwrite", "--steps", "50").assertCode(ExitCode.OK);
        assertFalse(Files.exists(again.resolve("report.html")), "it described the fit this run replaced");
        assertEquals(50, FitJson.read(again.resolve("fit.json")).steps());
    }

    @Test
    void anEarlierReportOrFitJsonMarksAFolderAsTaken() {
        Path taken = tmp.resolve("taken");
        Cli.write(mkdirs(taken).resolve("fit.json"), "{}");
        Cli.Result r = Cli.runEightSchools(taken);
        r.assertCode(ExitCode.USAGE);
        assertTrue(r.err().contains("fit.json"), r.all());
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path copyOf(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
