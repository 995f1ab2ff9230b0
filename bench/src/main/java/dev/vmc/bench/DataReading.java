package dev.vmc.bench;

import dev.vmc.runtime.data.DataSet;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * How long reading a 10,000 x 784 matrix (MNIST's size) takes, and how much memory, in JSON and
 * in CSV: {@code bench/run data}. Two matrices, generated from a fixed seed: pixels (ints 0-255,
 * four in five of them 0, as in MNIST) and reals (standard normals written with all 17 digits,
 * which is what parsing numbers costs most on). The files are written to a scratch folder and
 * deleted afterwards.
 */
final class DataReading {
    static final int ROWS = 10_000;
    static final int COLUMNS = 784;
    private static final long SEED = 20261201L;
    private static final int TIMED_READS = 7;

    private DataReading() {}

    /** In a child JVM: read one file once; a heap too small for it exits non-zero. */
    public static void main(String[] args) throws IOException {
        DataSet data = DataSet.read(Path.of(args[0]));
        System.out.println(data.names());
    }

    /** @param heapSearch whether to find the smallest heap (minutes: a JVM per try); "-" if not */
    static void print(boolean heapSearch) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("vmc-data-bench");
        try {
            System.out.printf("Reading a %,d x %,d matrix with DataSet.read%n", ROWS, COLUMNS);
            System.out.printf("%-12s %8s %9s %8s %11s %11s %13s%n", "file", "MB", "read s", "MB/s", "alloc MB",
                    "kept MB", "min heap MB");
            for (boolean pixels : new boolean[] {true, false}) {
                String kind = pixels ? "pixels" : "reals";
                double[] matrix = matrix(pixels);
                Path json = scratch.resolve(kind + ".json");
                Path csv = scratch.resolve(kind + ".csv");
                writeJson(json, matrix);
                writeCsv(csv, matrix);
                System.out.println(row(json, heapSearch));
                System.out.println(row(csv, heapSearch));
                Files.delete(json);
                Files.delete(csv);
            }
        } finally {
            Files.deleteIfExists(scratch);
        }
        System.out.println();
        System.out.println("read s: median of " + TIMED_READS + " reads after one untimed, each from a collected heap (serial GC,");
        System.out.println("  as bin/vmc runs); alloc MB: bytes allocated by one read;");
        System.out.println("  kept MB: heap the DataSet holds afterwards (the matrix alone is 62.7 MB of doubles);");
        System.out.println("  min heap MB: the smallest -Xmx (to 8 MB, serial GC) with which a fresh JVM reads the file within 60 s.");
        System.out.println("  JSON: {\"N\", \"D\", \"X\": [[...], ...]}; CSV: columns X.1 ... X.784 gathered into X.");
    }

    private static String row(Path file, boolean heapSearch) throws IOException, InterruptedException {
        DataSet.read(file); // warm-up: class loading and the JIT are not charged to the reads
        double[] seconds = new double[TIMED_READS];
        long allocated = 0;
        for (int i = 0; i < TIMED_READS; i++) {
            usedAfterGc(); // the last read's garbage is not charged to this one
            long before = allocatedBytes();
            long start = System.nanoTime();
            DataSet.read(file);
            seconds[i] = (System.nanoTime() - start) / 1e9;
            allocated = allocatedBytes() - before;
        }
        Arrays.sort(seconds);
        double median = seconds[TIMED_READS / 2];
        double megabytes = Files.size(file) / 1e6;
        long baseline = usedAfterGc();
        DataSet kept = DataSet.read(file);
        long retained = usedAfterGc() - baseline;
        if (kept.names().isEmpty()) {
            throw new IllegalStateException("nothing read from " + file);
        }
        return String.format("%-12s %8.1f %9.3f %8.1f %11.1f %11.1f %13s", file.getFileName(), megabytes, median,
                megabytes / median, allocated / 1e6, retained / 1e6, heapSearch ? smallestHeap(file) : "-");
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Bisects -Xmx in megabytes between a heap that fails and one that reads the file. */
    private static int smallestHeap(Path file) throws IOException, InterruptedException {
        int fails = 32;
        int works = 512;
        while (!readsWithin(file, works)) {
            fails = works;
            works *= 2;
            if (works > 16_384) {
                return -1;
            }
        }
        while (works - fails > 8) {
            int middle = (fails + works) / 2;
            if (readsWithin(file, middle)) {
                works = middle;
            } else {
                fails = middle;
            }
        }
        return works;
    }

    private static boolean readsWithin(Path file, int megabytes) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + megabytes + "m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), DataReading.class.getName(), file.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) { // a heap that thrashes for a minute is not enough either
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }

    static double[] matrix(boolean pixels) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] values = new double[ROWS * COLUMNS];
        for (int i = 0; i < values.length; i++) {
            if (pixels) {
                values[i] = random.nextInt(5) == 0 ? random.nextInt(256) : 0;
            } else {
                values[i] = random.nextGaussian();
            }
        }
        return values;
    }

    /** Whole numbers are written without a point, so the pixels read as ints. */
    private static String text(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    static void writeJson(Path file, double[] matrix) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("{\"N\": " + ROWS + ", \"D\": " + COLUMNS + ",\n\"X\": [");
            for (int r = 0; r < ROWS; r++) {
                out.write(r == 0 ? "\n[" : ",\n[");
                for (int c = 0; c < COLUMNS; c++) {
                    out.write((c == 0 ? "" : ",") + text(matrix[r * COLUMNS + c]));
                }
                out.write("]");
            }
            out.write("]}\n");
        }
    }

    static void writeCsv(Path file, double[] matrix) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            for (int c = 0; c < COLUMNS; c++) {
                out.write((c == 0 ? "X." : ",X.") + (c + 1));
            }
            out.write("\n");
            for (int r = 0; r < ROWS; r++) {
                for (int c = 0; c < COLUMNS; c++) {
                    out.write((c == 0 ? "" : ",") + text(matrix[r * COLUMNS + c]));
                }
                out.write("\n");
            }
        }
    }
}
