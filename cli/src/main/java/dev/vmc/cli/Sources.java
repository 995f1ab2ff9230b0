package dev.vmc.cli;

import dev.vmc.api.CompiledModel;
import dev.vmc.api.Vmc;
import dev.vmc.compiler.diag.CompileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading and compiling the program named on the command line, failing with what a user should see. */
final class Sources {
    private Sources() {}

    static CompiledModel compile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new Failure(ExitCode.USAGE, "vmc: no such file: " + file);
        }
        try {
            return Vmc.compile(file);
        } catch (CompileException e) {
            int n = e.diagnostics().size();
            throw new Failure(ExitCode.MODEL, e.getMessage().stripTrailing() + "\n" + (n == 1 ? "1 error" : n + " errors"));
        } catch (IOException e) {
            throw new Failure(ExitCode.USAGE, "vmc: cannot read " + file + ": " + e.getMessage());
        }
    }
}
