package dev.vmc.runtime.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The folder a fit writes into, and the names of the files it writes there. Preparing it
 * refuses to replace the results of an earlier fit unless asked, since those can take
 * hours to recompute.
 */
public record OutputFolder(Path dir) {
    public static final String DRAWS = "draws.csv";
    public static final String ELBO = "elbo.csv";
    public static final String GUIDE = "guide.json";
    public static final String SUMMARY = "summary.txt";
    /** The run's start, plan, messages and verdict ({@link FitJson}). */
    public static final String FIT = "fit.json";
    /** The one-page HTML report, written by {@code vmc report} or {@code vmc run --report}. */
    public static final String REPORT = "report.html";

    /** Every file vmc writes: the ones whose presence means "an earlier fit lives here". */
    public static final List<String> FILES = List.of(DRAWS, ELBO, GUIDE, SUMMARY, FIT, REPORT);

    /**
     * Creates {@code dir} if missing and checks that it holds no earlier results.
     *
     * @throws IllegalStateException if {@code dir} holds a file vmc writes and
     *     {@code overwrite} is false, or if {@code dir} is not a folder
     * @throws IOException if the folder cannot be created
     */
    public static OutputFolder prepare(Path dir, boolean overwrite) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalStateException("output folder " + dir + " is a file, not a folder;"
                    + " choose another folder with --out");
        }
        Files.createDirectories(dir);
        if (!overwrite) {
            List<String> existing = FILES.stream().filter(f -> Files.exists(dir.resolve(f))).collect(Collectors.toList());
            if (!existing.isEmpty()) {
                throw new IllegalStateException("output folder " + dir + " already holds " + String.join(", ", existing)
                        + " from an earlier fit; choose another folder with --out, or pass --overwrite to replace "
                        + (existing.size() == 1 ? "it" : "them"));
            }
        }
        return new OutputFolder(dir);
    }

    public Path draws() {
        return dir.resolve(DRAWS);
    }

    public Path elbo() {
        return dir.resolve(ELBO);
    }

    public Path guide() {
        return dir.resolve(GUIDE);
    }

    public Path summary() {
        return dir.resolve(SUMMARY);
    }
}
