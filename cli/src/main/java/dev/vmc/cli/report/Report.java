package dev.vmc.cli.report;

import dev.vmc.runtime.output.AtomicFiles;
import dev.vmc.runtime.output.OutputFolder;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a run folder and writes its report, {@code report.html}, atomically. */
public final class Report {
    private Report() {}

    /**
     * @param target where to write the page; null for {@code runDir/report.html}
     * @return where the page was written
     * @throws RunFolder.Unreadable if the folder is not a run folder or one of its files cannot be read
     * @throws IOException if the page cannot be written
     */
    public static Path write(Path runDir, Path target) throws RunFolder.Unreadable, IOException {
        String html = ReportHtml.render(RunFolder.read(runDir));
        Path file = target != null ? target : runDir.resolve(OutputFolder.REPORT);
        AtomicFiles.write(file, html);
        return file;
    }
}
