package dev.vmc.cli;

import dev.vmc.api.CompiledModel;
import java.nio.file.Path;
import java.util.List;

/** {@code vmc check FILE}: parse and check a program without data. */
final class CheckCommand {
    static final String SUMMARY = "Check a .vmodel file: syntax, names, types, shapes, guide.";

    static Options options() {
        return new Options("check", SUMMARY, "the .vmodel file");
    }

    /** Parses the arguments after {@code check} and checks; help or the version is printed instead when asked for. */
    static int main(List<String> args) {
        Path file = options().parse(args);
        if (file == null) {
            return ExitCode.OK;
        }
        CompiledModel model = Sources.compile(file);
        System.out.println(file + ": ok (" + model.program().latents().size() + " latents, guide: "
                + model.guideFamily() + ")");
        return ExitCode.OK;
    }
}
