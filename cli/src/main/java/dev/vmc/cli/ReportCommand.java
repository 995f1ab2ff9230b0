package dev.vmc.cli;

import dev.vmc.cli.report.Report;
import dev.vmc.cli.report.RunFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code vmc report RUN_DIR}: one self-contained HTML page, report.html, from what a run wrote. */
final class ReportCommand {
    static final String SUMMARY = "Write report.html, a one-page report of a run, from its output folder.";

    Path out;

    Options commandLine() {
        Options o = new Options("report", SUMMARY, "the run's output folder (RUN_DIR)").synopsis("vmc report RUN_DIR [--out FILE]");
        return o.option("--out", "FILE", "where to write the page", "RUN_DIR/report.html", v -> out = o.path("--out", v))
                .epilogue(Main.EXIT_CODES);
    }

    /** Parses the arguments after {@code report} and writes the page; help or the version is printed instead when asked for. */
    static int main(List<String> args) {
        ReportCommand command = new ReportCommand();
        Path dir = command.commandLine().parse(args);
        if (dir == null) {
            return ExitCode.OK;
        }
        Path written;
        try {
            written = Report.write(dir, command.out);
        } catch (RunFolder.Unreadable e) {
            throw new Failure(ExitCode.USAGE, "vmc: " + e.getMessage());
        } catch (IOException e) {
            Path target = command.out != null ? command.out : dir.resolve("report.html");
            throw new Failure(ExitCode.USAGE, "vmc: cannot write " + target + ": " + InputFiles.reason(e));
        }
        System.out.println("wrote " + written);
        return ExitCode.OK;
    }
}
