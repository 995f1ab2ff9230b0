package dev.vmc.runtime.output;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The folder a fit writes into, and the names of the files it writes there. Preparing it
 * refuses to replace the results of an earlier fit unless asked, since those can take hours
 * to recompute; locks it ({@link FolderLock}) so that two runs never write into one folder at
 * once; and clears the hidden temporary files a run killed mid-write left there. Close it
 * when the run's files are written.
 */
public final class OutputFolder implements AutoCloseable {
    public static final String DRAWS = "draws.csv";
    public static final String ELBO = "elbo.csv";
    public static final String GUIDE = "guide.json";
    public static final String SUMMARY = "summary.txt";
    /** The run's start, plan, messages and verdict ({@link FitJson}). */
    public static final String FIT = "fit.json";
    /** The one-page HTML report, written by {@code vmc report} or {@code vmc run --report}. */
    public static final String REPORT = "report.html";

    /** A minibatch training run's parameters (networks' weights among them), which {@code vmc eval} reads. */
    public static final String PARAMS = "params.json";
    /** A minibatch training run's progress, one row per epoch. */
    public static final String EPOCHS = "epochs.csv";
    /** {@code vmc eval}'s scores. */
    public static final String EVAL = "eval.json";
    public static final String RECONSTRUCTIONS = "reconstructions.png";
    public static final String SAMPLES = "samples.png";

    /** The files a fit writes (the report only with --report). */
    public static final List<String> FIT_FILES = List.of(DRAWS, ELBO, GUIDE, SUMMARY, FIT, REPORT);

    /** Every file vmc writes: the ones whose presence means "an earlier run lives here". */
    public static final List<String> FILES = List.of(DRAWS, ELBO, GUIDE, SUMMARY, FIT, REPORT, PARAMS, EPOCHS, EVAL,
            RECONSTRUCTIONS, SAMPLES);

    /** A temporary file an earlier, interrupted write left, and what became of it. */
    public record Leftover(String name, boolean removed, String problem) {}

    private final Path dir;
    private final FolderLock lock;
    private final boolean created;
    private final List<Leftover> leftovers;

    private OutputFolder(Path dir, FolderLock lock, boolean created, List<Leftover> leftovers) {
        this.dir = dir;
        this.lock = lock;
        this.created = created;
        this.leftovers = leftovers;
    }

    /**
     * Creates {@code dir} if missing, locks it, checks that it holds no earlier results (and
     * nothing in the way of vmc's files), and removes temporary files an interrupted run left.
     *
     * @throws FolderLock.InUseException if another run is writing into {@code dir}
     * @throws IllegalStateException if {@code dir} holds a file vmc writes and {@code overwrite}
     *     is false, if one of those names is taken by a folder, or if {@code dir} is not a folder
     * @throws IOException if the folder cannot be created, or written (the lock file is the probe)
     */
    public static OutputFolder prepare(Path dir, boolean overwrite) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalStateException("output folder " + dir + " is a file, not a folder;"
                    + " choose another folder with --out");
        }
        boolean created = !Files.exists(dir);
        Files.createDirectories(dir);
        return claim(dir, overwrite, created);
    }

    /**
     * A new folder {@code base/run-N}, N one more than the highest there, created atomically:
     * two runs started at once each get their own.
     */
    public static OutputFolder prepareNext(Path base) throws IOException {
        if (Files.exists(base) && !Files.isDirectory(base)) {
            throw new IllegalStateException(base + " is a file, not a folder; remove it, or choose a folder with --out");
        }
        Files.createDirectories(base);
        for (int n = highestRun(base) + 1; ; n++) {
            Path candidate = base.resolve("run-" + n);
            try {
                Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                continue; // another run took it
            }
            return claim(candidate, false, true);
        }
    }

    private static int highestRun(Path base) throws IOException {
        int highest = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base, "run-*")) {
            for (Path p : entries) {
                String n = p.getFileName().toString().substring("run-".length());
                if (n.matches("[1-9][0-9]{0,8}")) {
                    highest = Math.max(highest, Integer.parseInt(n));
                }
            }
        }
        return highest;
    }

    private static OutputFolder claim(Path dir, boolean overwrite, boolean created) throws IOException {
        FolderLock lock = FolderLock.acquire(dir);
        try {
            List<String> blocked = FILES.stream().filter(f -> Files.exists(dir.resolve(f)) && !Files.isRegularFile(dir.resolve(f)))
                    .collect(Collectors.toList());
            if (!blocked.isEmpty()) {
                throw new IllegalStateException("output folder " + dir + " has " + String.join(", ", blocked)
                        + " that " + (blocked.size() == 1 ? "is not a file" : "are not files")
                        + ", in the way of vmc's; choose another folder with --out");
            }
            if (!overwrite) {
                List<String> existing = FILES.stream().filter(f -> Files.exists(dir.resolve(f))).collect(Collectors.toList());
                if (!existing.isEmpty()) {
                    throw new IllegalStateException("output folder " + dir + " already holds " + String.join(", ", existing)
                            + " from an earlier fit; choose another folder with --out, or pass --overwrite to replace "
                            + (existing.size() == 1 ? "it" : "them"));
                }
            }
            return new OutputFolder(dir, lock, created, removeLeftovers(dir));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Removes the temporary files of vmc's outputs that an interrupted write left in {@code dir}. */
    private static List<Leftover> removeLeftovers(Path dir) throws IOException {
        List<Leftover> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (FILES.stream().anyMatch(f -> AtomicFiles.isTemporaryFor(name, f)) && Files.isRegularFile(p)) {
                    try {
                        Files.delete(p);
                        found.add(new Leftover(name, true, null));
                    } catch (IOException e) {
                        found.add(new Leftover(name, false, e.toString()));
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    public Path dir() {
        return dir;
    }

    /** Temporary files an interrupted run had left here, found when the folder was prepared. */
    public List<Leftover> leftovers() {
        return leftovers;
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

    /** Releases the folder. */
    @Override
    public void close() {
        lock.close();
    }

    /** Releases the folder and, if preparing it created it and nothing was written, removes it: a failed run leaves no empty folder. */
    public void abandon() {
        boolean empty = false;
        if (created) {
            try (Stream<Path> entries = Files.list(dir)) {
                empty = entries.allMatch(p -> p.getFileName().toString().equals(FolderLock.NAME));
            } catch (IOException e) {
                // then keep it
            }
        }
        lock.close();
        if (empty) {
            try {
                Files.deleteIfExists(dir); // fails, harmlessly, if another run has just claimed it
            } catch (IOException e) {
                // an empty folder left behind is harmless
            }
        }
    }
}
