package dev.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs {@link Main#run} in-process with System.out and System.err captured, and reads what a run leaves. */
final class Cli {
    /** Tests run in /work/main/cli (Maven's default working directory), so the examples are one level up. */
    static final Path EXAMPLES = Path.of("..", "examples");
    /** Linux's sysfs: a write-only attribute that refuses reading, and a folder that refuses new files, even to root. */
    static final Path UNREADABLE_EVEN_FOR_ROOT = Path.of("/sys/bus/cpu/uevent");
    static final Path UNWRITABLE_EVEN_FOR_ROOT = Path.of("/sys/bus/cpu");
    static final Path EIGHT_SCHOOLS = EXAMPLES.resolve("eight_schools").resolve("eight_schools.vmodel");
    static final Path EIGHT_SCHOOLS_DATA = EXAMPLES.resolve("eight_schools").resolve("data.json");
    /** Options that keep a fit short where the fit itself is not the point. */
    static final String[] QUICK = {"--steps", "300", "--tol", "0", "--draws", "200"};

    private Cli() {}

    record Result(int code, String out, String err) {
        /** Both streams, for assertion messages. */
        String all() {
            return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }

        void assertCode(int expected) {
            assertEquals(expected, code, () -> "unexpected exit code\n" + all());
        }

        /** The exit code, each fragment in standard error, and no internal error or stack trace anywhere. */
        void assertFails(int expected, String... fragments) {
            assertCode(expected);
            for (String fragment : fragments) {
                assertTrue(err.contains(fragment), () -> "expected '" + fragment + "' in the message\n" + all());
            }
            assertClean();
        }

        /** No internal error, exception name or stack trace in either stream. */
        void assertClean() {
            for (String s : List.of(out, err)) {
                assertFalse(s.contains("internal error"), () -> "internal error\n" + all());
                assertFalse(s.contains("\tat ") || s.contains("Exception") || s.contains("Error:"),
                        () -> "a stack trace or exception\n" + all());
            }
        }
    }

    static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            code = Main.run(args);
            o.flush();
            e.flush();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(code, normalise(out.toString(StandardCharsets.UTF_8)),
                normalise(err.toString(StandardCharsets.UTF_8)));
    }

    /** A run of eight schools with the quick options, or those in {@code extra} instead, plus {@code extra}. */
    static Result runEightSchools(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", EIGHT_SCHOOLS.toString(), "--data",
                EIGHT_SCHOOLS_DATA.toString(), "--out", out.toString()));
        // an option in extra replaces the quick one: vmc rejects an option given twice
        List<String> extras = Arrays.asList(extra);
        for (int i = 0; i < QUICK.length; i += 2) {
            if (!extras.contains(QUICK[i])) {
                args.add(QUICK[i]);
                args.add(QUICK[i + 1]);
            }
        }
        args.addAll(extras);
        return run(args.toArray(String[]::new));
    }

    /** Starts {@code vmc ARGS} in a child JVM on this JVM's class path, working in {@code dir}, output merged. */
    static Process start(Path dir, List<String> args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.vmc.cli.Main"));
        command.addAll(args);
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    /** A finished child's exit code and output. */
    static Result finish(Process p) {
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child JVM did not finish\n" + output);
            }
            return new Result(p.exitValue(), normalise(output), normalise(output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String[] concat(String[] a, String... b) {
        return Stream.concat(Arrays.stream(a), Arrays.stream(b)).toArray(String[]::new);
    }

    static String normalise(String s) {
        return s.replace("\r\n", "\n");
    }

    static String read(Path file) {
        try {
            return normalise(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file in {@code dir} by name, with its bytes. */
    static Map<String, byte[]> snapshot(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                if (Files.isRegularFile(p)) {
                    files.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** A CSV of numbers: the header, then each row parsed (NaN and Infinity as Java writes them). */
    record Table(List<String> header, List<double[]> rows) {
        int column(String name) {
            int c = header.indexOf(name);
            assertTrue(c >= 0, () -> "no column " + name + " in " + header);
            return c;
        }

        double mean(String name) {
            int c = column(name);
            return rows.stream().mapToDouble(r -> r[c]).average().orElseThrow();
        }

        double sd(String name) {
            int c = column(name);
            double m = mean(name);
            double ss = rows.stream().mapToDouble(r -> (r[c] - m) * (r[c] - m)).sum();
            return Math.sqrt(ss / (rows.size() - 1));
        }
    }

    static Table readCsv(Path file) {
        List<String> lines = read(file).lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(",", -1);
            assertEquals(header.size(), fields.length, file + " line " + (i + 1) + ": " + lines.get(i));
            rows.add(Arrays.stream(fields).mapToDouble(Double::parseDouble).toArray());
        }
        return new Table(header, rows);
    }
}
