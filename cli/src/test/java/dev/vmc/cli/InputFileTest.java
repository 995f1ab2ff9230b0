package dev.vmc.cli;

import static dev.vmc.cli.Cli.EIGHT_SCHOOLS;
import static dev.vmc.cli.Cli.EIGHT_SCHOOLS_DATA;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files named on the command line that are missing, folders, devices, pipes, unreadable, too
 * large or any byte sequence: each gets its own message and exit code, never a stack trace.
 */
class InputFileTest {
    @TempDir
    Path tmp;

    private static final String MODEL = EIGHT_SCHOOLS.toString();
    private static final String DATA = EIGHT_SCHOOLS_DATA.toString();

    private Cli.Result run(String model, String data, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", model, "--data", data, "--out", tmp.resolve("out").toString(),
                "--steps", "50", "--draws", "100"));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        r.assertClean();
        return r;
    }

    private void assertNothingFitted(Cli.Result r) {
        assertFalse(r.out().contains("plan ("), "fitted anyway\n" + r.all());
        assertFalse(Files.exists(tmp.resolve("out")), "made the output folder anyway\n" + r.all());
    }

    @Test
    void aFolderIsNamedAsAFolder() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("models"));
        Cli.Result model = run(dir.toString(), DATA);
        model.assertFails(ExitCode.USAGE, dir.toString(), "is a folder, not a .vmodel file");
        assertFalse(model.err().contains("no such file"), model.all());
        assertNothingFitted(model);
        run(MODEL, dir.toString()).assertFails(ExitCode.USAGE, "--data " + dir, "is a folder");
        run(MODEL, DATA, "--init", dir.toString()).assertFails(ExitCode.USAGE, "--init " + dir, "is a folder");
        Cli.run("check", dir.toString()).assertFails(ExitCode.USAGE, "is a folder");
    }

    @Test
    void aDeviceIsNotARegularFile() {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/null")));
        run("/dev/null", DATA).assertFails(ExitCode.USAGE, "/dev/null", "not a regular file");
        run(MODEL, "/dev/null").assertFails(ExitCode.USAGE, "--data /dev/null", "not a regular file");
        run(MODEL, DATA, "--init", "/dev/null").assertFails(ExitCode.USAGE, "--init /dev/null", "not a regular file");
        Cli.run("check", "/dev/null").assertFails(ExitCode.USAGE, "not a regular file");
    }

    @Test
    void aFifoIsNotReadNorWaitedOn() throws Exception {
        Path fifo = tmp.resolve("pipe.json");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo here");
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
        run(MODEL, fifo.toString()).assertFails(ExitCode.USAGE, "--data " + fifo, "not a regular file");
        run(fifo.toString(), DATA).assertFails(ExitCode.USAGE, "not a regular file");
    }

    @Test
    void missingFilesAndFolders() {
        Path missing = tmp.resolve("nope.json");
        run(MODEL, missing.toString()).assertFails(ExitCode.USAGE, "--data", "no such file", missing.toString());
        Path inMissingFolder = tmp.resolve("no/such/folder/model.vmodel");
        Cli.Result r = run(inMissingFolder.toString(), DATA);
        r.assertFails(ExitCode.USAGE, "no such file", "does not exist");
        assertNothingFitted(r);
        Path underAFile = Cli.write(tmp.resolve("plain"), "x").resolve("data.json");
        run(MODEL, underAFile.toString()).assertFails(ExitCode.USAGE, "no such file", "is a file, not a folder");
    }

    @Test
    void brokenSymbolicLinks() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("data.json"), tmp.resolve("gone.json"));
        run(MODEL, link.toString()).assertFails(ExitCode.USAGE, "--data " + link, "broken symbolic link");
        Path out = Files.createSymbolicLink(tmp.resolve("outlink"), tmp.resolve("gone"));
        Cli.runEightSchools(out).assertFails(ExitCode.USAGE, "cannot write to the output folder " + out, "in the way");
    }

    @Test
    void aSymbolicLinkLoopIsNamed() throws IOException {
        Path one = tmp.resolve("one.json");
        Path two = Files.createSymbolicLink(tmp.resolve("two.json"), one);
        Files.createSymbolicLink(one, two);
        run(MODEL, one.toString()).assertFails(ExitCode.USAGE, "--data " + one, "symbolic link that leads back to itself");
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws IOException {
        Path data = Files.copy(EIGHT_SCHOOLS_DATA, tmp.resolve("locked.json"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("---------"));
        if (Files.isReadable(data)) {
            // root reads whatever the permissions say; a write-only sysfs file refuses even root
            Files.delete(data);
            Files.createSymbolicLink(data, Cli.UNREADABLE_EVEN_FOR_ROOT);
        }
        run(MODEL, data.toString()).assertFails(ExitCode.USAGE, "cannot read --data " + data, "permission denied");
    }

    @Test
    void dataLargerThanTheHeapIsRefusedBeforeReading() throws IOException {
        Path data = tmp.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
            f.setLength(Runtime.getRuntime().maxMemory() + 1); // sparse: takes no disk
        }
        Cli.Result r = run(MODEL, data.toString());
        r.assertFails(ExitCode.USAGE, "--data " + data, "more than", "heap", "VMC_JAVA_OPTS=-Xmx");
        assertNothingFitted(r);
    }

    @Test
    void anyBytesAsDataOrModelEndInAMessage() throws IOException {
        Random random = new Random(11);
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            Path data = Files.write(tmp.resolve("bytes" + i + (i % 2 == 0 ? ".json" : ".csv")), bytes);
            Cli.Result d = run(MODEL, data.toString());
            assertTrue(d.code() == ExitCode.DATA || d.code() == ExitCode.USAGE, d.all());
            assertFalse(d.err().isBlank(), d.all());
            Path model = Files.write(tmp.resolve("bytes" + i + ".vmodel"), bytes);
            Cli.Result m = Cli.run("check", model.toString());
            m.assertClean();
            assertTrue(m.code() == ExitCode.MODEL || m.code() == ExitCode.USAGE, m.all());
            assertFalse(m.err().isBlank(), m.all());
        }
    }

    @Test
    void emptyFiles() throws IOException {
        Path model = Files.writeString(tmp.resolve("empty.vmodel"), "");
        run(model.toString(), DATA).assertFails(ExitCode.MODEL, "empty.vmodel");
        Path data = Files.writeString(tmp.resolve("empty.json"), "");
        run(MODEL, data.toString()).assertFails(ExitCode.DATA, "empty.json");
        Path csv = Files.writeString(tmp.resolve("empty.csv"), "");
        run(MODEL, csv.toString()).assertFails(ExitCode.DATA, "empty.csv");
    }

    /** An expression nested past what any stack holds is a model error at its place, not a StackOverflowError. */
    @Test
    void aModelNestedTooDeeplyForTheStack() {
        String deep = "(".repeat(100_000) + "0" + ")".repeat(100_000);
        Path model = Cli.write(tmp.resolve("deep.vmodel"), "latent { real mu; }\nmodel { mu ~ normal(" + deep + ", 1); }\n");
        Cli.Result r = Cli.run("check", model.toString());
        r.assertFails(ExitCode.MODEL, "deep.vmodel:2:", "expression nested too deeply");
    }
}
