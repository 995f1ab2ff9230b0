package dev.vmc.cli;

import dev.vmc.api.CompiledModel;
import java.nio.file.Path;
import java.util.List;

/** {@code vmc check FILE}: parse and check a program without data. */
final class CheckCommand {
    static final String SUMMARY = "Check a .vmodel file: syntax, names, types, shapes, guide.";

    static Options options() {
        Options o = new Options("check", SUMMARY, "the .vmodel (or Stan .stan) file");
        for (String option : List.of("--data", "--out", "--steps", "--seed", "--guide", "--algorithm", "--draws")) {
            o.elsewhere(option, "vmc check reads no data and fits nothing: " + option + " is vmc run's");
        }
        return o
                .epilogue("Reads no data: errors are printed as file:line:col: message, with the line and a caret,\n"
                        + "all of them at once.")
                .epilogue("Exit codes: 0 ok; 1 internal error (a bug: please report it); 2 usage (options, files);\n"
                        + "3 model errors.");
    }

    /** Parses the arguments after {@code check} and checks; help or the version is printed instead when asked for. */
    static int main(List<String> args) {
        Path file = options().parse(args);
        if (file == null) {
            return ExitCode.OK;
        }
        Main.doing("parsing and checking " + file);
        InputFiles.check(file, "", "a .vmodel file");
        CompiledModel model = Sources.compile(file);
        System.out.println(file + ": ok (" + model.program().latents().size() + " latents, guide: "
                + model.guideFamily() + ")");
        return ExitCode.OK;
    }
}
