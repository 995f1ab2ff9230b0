package dev.vmc.cli;

import dev.vmc.runtime.infer.FitResult;
import dev.vmc.runtime.output.AtomicFiles;
import dev.vmc.runtime.output.DrawsCsv;
import dev.vmc.runtime.output.GuideJson;
import dev.vmc.runtime.output.OutputFolder;
import dev.vmc.runtime.output.TraceCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The files a run leaves behind. The folder is settled before fitting, so a run that would
 * clobber earlier results fails in a second, not after the fit.
 */
final class Outputs {
    private final Path folder;

    private Outputs(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** The named folder, or a fresh vmc-out/MODEL/run-N when none is named. */
    static Outputs prepare(Path requested, Path modelFile, boolean overwrite) {
        Path folder = requested != null ? requested : nextRunFolder(modelFile);
        try {
            OutputFolder.prepare(folder, overwrite);
        } catch (IllegalStateException e) {
            throw new Failure(ExitCode.USAGE, "vmc: " + e.getMessage());
        } catch (IOException e) {
            throw new Failure(ExitCode.USAGE, "vmc: cannot create " + folder + ": " + e.getMessage());
        }
        return new Outputs(folder);
    }

    private static Path nextRunFolder(Path modelFile) {
        String name = modelFile.getFileName().toString().replaceFirst("\\.vmodel$", "");
        Path base = Path.of("vmc-out", name);
        for (int n = 1; ; n++) {
            Path candidate = base.resolve("run-" + n);
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    void write(FitResult result, String summary) {
        try {
            DrawsCsv.write(folder.resolve("draws.csv"), result.draws().columns(), result.draws().values(),
                    result.draws().logP(), result.draws().logQ());
            TraceCsv.write(folder.resolve("elbo.csv"), LongStream.rangeClosed(1, result.traceElbo().length).toArray(),
                    result.traceElbo());
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("guide", result.guide());
            meta.put("scale", "unconstrained");
            meta.put("algorithm", result.algorithm());
            meta.put("elbo", Double.toString(result.finalElbo().mean()));
            meta.put("elbo_se", Double.toString(result.finalElbo().standardError()));
            meta.put("khat", Double.toString(result.psis().khat()));
            meta.put("status", result.status().name().toLowerCase());
            meta.put("steps", Long.toString(result.steps()));
            GuideJson.write(folder.resolve("guide.json"), result.parameters(), meta);
            AtomicFiles.write(folder.resolve("summary.txt"), summary);
        } catch (IOException e) {
            throw new UncheckedIOException("writing outputs to " + folder, e);
        }
    }
}
