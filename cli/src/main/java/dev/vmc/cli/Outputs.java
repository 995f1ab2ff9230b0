package dev.vmc.cli;

import dev.vmc.runtime.infer.FitResult;
import dev.vmc.runtime.output.AtomicFiles;
import dev.vmc.runtime.output.DrawsCsv;
import dev.vmc.runtime.output.GuideJson;
import dev.vmc.runtime.output.OutputFolder;
import dev.vmc.runtime.output.TraceCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The files a run leaves behind. The folder is settled, locked and probed for writing before
 * fitting, so a run that would clobber earlier results, collide with another run or cannot
 * write fails in a second, not after the fit; a write that fails anyway (a full disk) is a
 * message naming the file, and what was and was not written.
 */
final class Outputs implements AutoCloseable {
    /** Writes one output file at the path given. */
    @FunctionalInterface
    interface Writer {
        void write(Path file) throws IOException;
    }

    private final OutputFolder folder;
    /** draws.csv as the fit writes it; in place only when the run's outputs are written. */
    private DrawsCsv.Stream draws;
    private final List<String> written = new ArrayList<>();
    /** The files this run means to write, for a message about what a failed write left out. */
    private List<String> expected = OutputFolder.FIT_FILES;
    private boolean complete;
    private boolean closed;
    /** Releases the folder if the run is stopped (Ctrl-C, kill): an empty run-N it made is removed. */
    private final Thread onStop = new Thread(this::close, "vmc-release-output-folder");

    private Outputs(OutputFolder folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder.dir();
    }

    /** The named folder, or a fresh vmc-out/MODEL/run-N when none is named; locked until {@link #close}. */
    static Outputs prepare(Path requested, Path modelFile, boolean overwrite) {
        Path shown = requested != null ? requested : defaultBase(modelFile);
        OutputFolder folder;
        try {
            folder = requested != null ? OutputFolder.prepare(requested, overwrite) : OutputFolder.prepareNext(shown);
        } catch (IllegalStateException e) {
            throw new Failure(ExitCode.USAGE, "vmc: " + e.getMessage());
        } catch (IOException e) {
            throw new Failure(ExitCode.USAGE, "vmc: cannot write to the output folder " + shown + ": "
                    + InputFiles.reason(e) + "; choose another folder with --out");
        }
        reportLeftovers(folder);
        Outputs outputs = new Outputs(folder);
        try {
            Runtime.getRuntime().addShutdownHook(outputs.onStop);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        return outputs;
    }

    private static Path defaultBase(Path modelFile) {
        String name = modelFile.getFileName().toString().replaceFirst("\\.(vmodel|stan)$", "");
        return Path.of("vmc-out", name.isEmpty() ? "model" : name);
    }

    /** Says which temporary files of an interrupted run were found, and removed or not. */
    private static void reportLeftovers(OutputFolder folder) {
        List<String> removed = new ArrayList<>();
        for (OutputFolder.Leftover l : folder.leftovers()) {
            if (l.removed()) {
                removed.add(l.name());
            } else {
                System.err.println("vmc: warning: " + folder.dir().resolve(l.name()) + " is a temporary file that an"
                        + " earlier run left when it was stopped mid-write, and it could not be removed (" + l.problem()
                        + "); delete it by hand");
            }
        }
        if (!removed.isEmpty()) {
            System.err.println("vmc: removed " + (removed.size() == 1 ? "a temporary file" : removed.size() + " temporary files")
                    + " that an earlier run left in " + folder.dir() + " when it was stopped mid-write: "
                    + String.join(", ", removed));
        }
    }

    /** Where the fit sends its draws: a temporary file beside draws.csv, never the draws in memory. */
    DrawsCsv.Stream draws() {
        if (draws == null) {
            Path file = folder.dir().resolve(OutputFolder.DRAWS);
            try {
                draws = DrawsCsv.open(file);
            } catch (IOException e) {
                throw new Failure(ExitCode.USAGE, "vmc: cannot write " + file + ": " + InputFiles.reason(e)
                        + "; no output was written");
            }
        }
        return draws;
    }

    /** A failure to write the draws while the fit makes them: the message names the file. */
    Failure drawsFailed(IOException e) {
        return new Failure(ExitCode.USAGE, "vmc: cannot write " + folder.dir().resolve(OutputFolder.DRAWS) + ": "
                + InputFiles.reason(e) + "; the fit was stopped and no output was written");
    }

    /** Puts the streamed draws.csv in place and writes the other files. */
    void write(FitResult result, String summary) {
        write(OutputFolder.DRAWS, file -> draws().commit());
        write(OutputFolder.ELBO, file -> TraceCsv.write(file,
                LongStream.rangeClosed(1, result.traceElbo().length).toArray(), result.traceElbo()));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("guide", result.guide());
        meta.put("scale", "unconstrained");
        meta.put("algorithm", result.algorithm());
        meta.put("elbo", Double.toString(result.finalElbo().mean()));
        meta.put("elbo_se", Double.toString(result.finalElbo().standardError()));
        meta.put("khat", Double.toString(result.psis().khat()));
        meta.put("status", result.status().name().toLowerCase());
        meta.put("steps", Long.toString(result.steps()));
        write(OutputFolder.GUIDE, file -> GuideJson.write(file, result.parameters(), meta));
        write(OutputFolder.SUMMARY, file -> AtomicFiles.write(file, summary));
        complete = true;
    }

    /** Writes one of the folder's files; a failure is a usage failure naming it and what was written. */
    void write(String name, Writer writer) {
        Path file = folder.dir().resolve(name);
        try {
            writer.write(file);
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(written);
            throw new Failure(ExitCode.USAGE, "vmc: cannot write " + file + ": " + InputFiles.reason(cause) + "; "
                    + (written.isEmpty() ? "no output was written" : String.join(", ", written) + " written, "
                    + String.join(", ", missing) + " not")
                    + " (the fit's report is above)");
        }
        written.add(name);
    }

    /** A run that writes other files than a fit's (training, evaluation). */
    Outputs expecting(List<String> files) {
        expected = List.copyOf(files);
        return this;
    }

    /** Marks the run's outputs as all written. */
    void completed() {
        complete = true;
    }

    /** Releases the folder; one this run created and wrote nothing into is removed. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (draws != null) {
            draws.close(); // removes the temporary file unless it was committed
        }
        if (Thread.currentThread() != onStop) {
            try {
                Runtime.getRuntime().removeShutdownHook(onStop);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs, and finds the folder closed
            }
        }
        if (complete || !written.isEmpty()) {
            folder.close();
        } else {
            folder.abandon();
        }
    }
}
