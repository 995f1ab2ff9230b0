package dev.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.output.AtomicFiles;
import dev.vmc.runtime.output.FolderLock;
import dev.vmc.runtime.output.OutputFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder: never written by two runs at once, numbered safely, cleared of what an
 * interrupted run left, probed for writing before the fit, and a write that fails late named.
 */
class OutputFolderSafetyTest {
    private static final List<String> OUTPUTS = List.of("draws.csv", "elbo.csv", "fit.json", "guide.json", "summary.txt");

    @TempDir
    Path tmp;

    private List<String> eightSchools(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", Cli.EIGHT_SCHOOLS.toAbsolutePath().toString(), "--data",
                Cli.EIGHT_SCHOOLS_DATA.toAbsolutePath().toString()));
        if (out != null) {
            args.addAll(List.of("--out", out.toString()));
        }
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void aFolderAnotherRunHoldsIsRefusedBeforeFittingNamingThePid() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("fit"));
        try (FolderLock other = FolderLock.acquire(out)) {
            Cli.Result r = Cli.runEightSchools(out, "--overwrite");
            r.assertFails(ExitCode.USAGE, out.toString(), "in use by another vmc run",
                    "pid " + ProcessHandle.current().pid());
            assertFalse(r.out().contains("plan ("), "fitted before finding the folder in use\n" + r.all());
        }
        Cli.runEightSchools(out).assertCode(ExitCode.OK);
        assertEquals(OUTPUTS, List.copyOf(Cli.snapshot(out).keySet()), "no lock file is left");
    }

    /** Two runs at once into one --out: one writes, the other is refused; neither replaces the other silently. */
    @Test
    void twoConcurrentRunsIntoOneFolder() throws Exception {
        Path out = tmp.resolve("shared");
        List<Process> runs = new ArrayList<>();
        for (int seed = 1; seed <= 2; seed++) {
            runs.add(Cli.start(tmp, eightSchools(out, "--seed", Integer.toString(seed), "--steps", "3000", "--tol", "0",
                    "--draws", "200")));
        }
        List<Cli.Result> results = runs.stream().map(Cli::finish).toList();
        List<Cli.Result> ok = results.stream().filter(r -> r.code() == ExitCode.OK).toList();
        assertEquals(1, ok.size(), results.toString());
        Cli.Result refused = results.stream().filter(r -> r.code() != ExitCode.OK).findFirst().orElseThrow();
        refused.assertCode(ExitCode.USAGE);
        assertTrue(refused.err().contains("in use by another vmc run") || refused.err().contains("already holds"),
                refused.all());
        refused.assertClean();
        assertEquals(OUTPUTS, List.copyOf(Cli.snapshot(out).keySet()));
        assertTrue(ok.get(0).out().contains(Cli.read(out.resolve("summary.txt"))), "the files are the winner's\n"
                + ok.get(0).all());
    }

    /** Two runs at once without --out each get their own run-N. */
    @Test
    void concurrentRunsGetDistinctRunFolders() throws Exception {
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(Cli.start(tmp, eightSchools(null, Cli.QUICK)));
        }
        for (Process p : runs) {
            Cli.finish(p).assertCode(ExitCode.OK);
        }
        Path base = tmp.resolve("vmc-out").resolve("eight_schools");
        for (int n = 1; n <= 3; n++) {
            assertEquals(OUTPUTS, List.copyOf(Cli.snapshot(base.resolve("run-" + n)).keySet()), "run-" + n);
        }
        try (Stream<Path> folders = Files.list(base)) {
            assertEquals(3, folders.count());
        }
    }

    /** A run killed mid-write leaves a hidden temporary file: the next run into the folder removes it and says so. */
    @Test
    void temporaryFilesOfAnInterruptedRunAreRemovedAndNamed() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("fit"));
        Cli.write(out.resolve(".draws.csv.4fz81kq0x2.tmp"), "mu,tau\n1.2,");
        Cli.write(out.resolve(".summary.txt.9.tmp"), "ELBO -3");
        Cli.write(out.resolve(".my-notes.tmp"), "mine");
        Cli.Result r = Cli.runEightSchools(out);
        r.assertCode(ExitCode.OK);
        r.assertClean();
        assertTrue(r.err().contains("removed 2 temporary files") && r.err().contains(".draws.csv.4fz81kq0x2.tmp")
                && r.err().contains(".summary.txt.9.tmp") && r.err().contains("stopped mid-write"), r.all());
        List<String> expected = new ArrayList<>(List.of(".my-notes.tmp"));
        expected.addAll(OUTPUTS);
        assertEquals(expected, List.copyOf(Cli.snapshot(out).keySet()));
    }

    /** Only vmc's own temporary files count: with only those, the folder holds no earlier results. */
    @Test
    void leftoversAloneDoNotBlockTheFolder() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("fit"));
        Cli.write(out.resolve(".guide.json.abc.tmp"), "{");
        Cli.runEightSchools(out).assertCode(ExitCode.OK);
        assertFalse(Files.exists(out.resolve(".guide.json.abc.tmp")));
    }

    @Test
    void aFolderThatCannotBeWrittenIsRefusedBeforeFitting() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("readonly"));
        Cli.runEightSchools(out).assertCode(ExitCode.OK);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (Files.isWritable(out)) {
                // root writes whatever the permissions say; sysfs refuses new files even to root
                out = Cli.UNWRITABLE_EVEN_FOR_ROOT;
            }
            Cli.Result r = Cli.runEightSchools(out, "--overwrite");
            r.assertFails(ExitCode.USAGE, "cannot write to the output folder " + out, "permission denied");
            assertFalse(r.out().contains("plan ("), "fitted before finding the folder unwritable\n" + r.all());
        } finally {
            Files.setPosixFilePermissions(tmp.resolve("readonly"), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void outputNamesThatAreFoldersAreRefusedBeforeFitting() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("fit").resolve("guide.json"));
        Cli.Result r = Cli.runEightSchools(out.getParent(), "--overwrite");
        r.assertFails(ExitCode.USAGE, "guide.json", "not a file");
        assertFalse(r.out().contains("plan ("), r.all());
    }

    @Test
    void anOutFolderUnderAFileIsAUsageError() {
        Path file = Cli.write(tmp.resolve("plain"), "x");
        Cli.runEightSchools(file.resolve("sub")).assertFails(ExitCode.USAGE, "cannot write to the output folder");
    }

    /** A write that fails after the fit (a full disk, a folder removed) names the file and what was written. */
    @Test
    void aLateWriteFailureNamesTheFile() throws IOException {
        Path out = tmp.resolve("fit");
        try (Outputs outputs = Outputs.prepare(out, Path.of("m.vmodel"), false)) {
            outputs.write("draws.csv", file -> AtomicFiles.write(file, "mu\n1\n"));
            // the folder disappears under the run, replaced by a file
            try (Stream<Path> files = Files.list(out)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(out);
            Cli.write(out, "not a folder");
            Failure f = assertThrows(Failure.class, () -> outputs.write("elbo.csv", file -> AtomicFiles.write(file, "x")));
            assertEquals(ExitCode.USAGE, f.exitCode);
            assertTrue(f.getMessage().contains("cannot write " + out.resolve("elbo.csv")), f.getMessage());
            assertTrue(f.getMessage().contains("draws.csv written, elbo.csv, guide.json, summary.txt, fit.json, report.html not"), f.getMessage());
        }
    }

    /** A fit that fails writes nothing, and leaves no empty folder where it created one. */
    @Test
    void aFailedFitLeavesNoEmptyFolderBehind() {
        Path model = Cli.write(tmp.resolve("neg_sigma.vmodel"), """
                data { real y; }
                latent { real mu; }
                model {
                  mu ~ normal(0, 1);
                  y ~ normal(mu, -1);
                }
                """);
        Path data = Cli.write(tmp.resolve("y.json"), "{\"y\": 1.5}");
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", model.toString(), "--data", data.toString(), "--out", out.toString(), "--lr", "0.1");
        r.assertFails(ExitCode.FIT, "fit failed");
        assertFalse(Files.exists(out), "an empty folder left by a failed fit");
    }

    /** A run stopped by a signal (Ctrl-C, kill) releases its folder, and removes the run-N it had made for nothing. */
    @Test
    void aStoppedRunReleasesItsFolder() throws Exception {
        Process p = Cli.start(tmp, eightSchools(null, "--steps", "100000000", "--tol", "0"));
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null && !line.startsWith("plan ("); line = out.readLine()) {
            seen.append(line).append('\n');
        }
        Path run = tmp.resolve("vmc-out").resolve("eight_schools").resolve("run-1");
        assertTrue(Files.exists(run.resolve(FolderLock.NAME)), "the running fit holds its folder\n" + seen);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertFalse(Files.exists(run), "an empty run folder is left by a stopped run");
    }

    @Test
    void theLockIsNeverLeftBehind() throws IOException {
        Path out = tmp.resolve("fit");
        Cli.runEightSchools(out).assertCode(ExitCode.OK);
        Cli.runEightSchools(out).assertCode(ExitCode.USAGE);
        Cli.runEightSchools(out, "--draws", "0").assertCode(ExitCode.USAGE);
        assertFalse(Files.exists(out.resolve(FolderLock.NAME)));
        assertEquals(OUTPUTS, List.copyOf(Cli.snapshot(out).keySet()));
        assertTrue(OutputFolder.FILES.containsAll(OUTPUTS));
    }
}
