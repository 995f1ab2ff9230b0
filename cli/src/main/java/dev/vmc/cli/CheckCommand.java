package dev.vmc.cli;

import dev.vmc.api.CompiledModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vmc check FILE}: parse and check a program without data. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check a .vmodel file: syntax, names, types, shapes, guide.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the .vmodel file")
    Path file;

    @Override
    public Integer call() {
        CompiledModel model = Sources.compile(file);
        System.out.println(file + ": ok (" + model.program().latents().size() + " latents, guide: "
                + model.guideFamily() + ")");
        return ExitCode.OK;
    }
}
