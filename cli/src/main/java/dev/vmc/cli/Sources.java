package dev.vmc.cli;

import dev.vmc.api.CompiledModel;
import dev.vmc.api.Vmc;
import dev.vmc.compiler.diag.CompileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading and compiling the program named on the command line, failing with what a user should
 * see: a model error (exit 3) for anything in the file, bytes that are not UTF-8 included, and a
 * usage error (exit 2) for a file that cannot be read at all.
 */
final class Sources {
    private Sources() {}

    static CompiledModel compile(Path file) {
        if (Files.isDirectory(file)) {
            throw new Failure(ExitCode.USAGE, "vmc: " + file + " is a folder; name a .vmodel file");
        }
        if (!Files.isRegularFile(file)) {
            throw new Failure(ExitCode.USAGE, "vmc: no such file: " + file);
        }
        try {
            return Vmc.compile(file);
        } catch (CompileException e) {
            int n = e.diagnostics().size();
            throw new Failure(ExitCode.MODEL, e.getMessage().stripTrailing() + "\n" + (n == 1 ? "1 error" : n + " errors"));
        } catch (java.nio.file.AccessDeniedException e) {
            throw new Failure(ExitCode.USAGE, "vmc: cannot read " + file + ": permission denied");
        } catch (IOException e) {
            // Java's own text is often just the path again; say what kind of failure it was.
            throw new Failure(ExitCode.USAGE, "vmc: cannot read " + file + ": " + e.getClass().getSimpleName()
                    .replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase()
                    + (e.getMessage() == null || e.getMessage().equals(file.toString()) ? "" : " (" + e.getMessage() + ")"));
        }
    }
}
