package dev.vmc.api;

import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.check.CheckedProgram;
import dev.vmc.compiler.check.Checker;
import dev.vmc.compiler.diag.CompileException;
import dev.vmc.compiler.parse.ProgramParser;
import dev.vmc.compiler.parse.SourceDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The library's front door. Three lines fit a model:
 * <pre>{@code
 * CompiledModel model = Vmc.compile(Path.of("eight_schools.vmodel"));
 * FitResult fit = model.fit(DataSet.read(Path.of("data.json")), FitOptions.defaults());
 * System.out.print(fit.summary().format());
 * }</pre>
 */
public final class Vmc {
    public static final String VERSION = "0.1.0";

    private Vmc() {}

    /** Parses and checks a program; every error found is in the {@link CompileException}. */
    public static CompiledModel compile(String source, String fileName) {
        Program program = ProgramParser.parse(fileName, source);
        CheckedProgram checked = Checker.check(program);
        return new CompiledModel(checked);
    }

    /** Reads a UTF-8 file; a byte that is not UTF-8 is a {@link CompileException} at its place. */
    public static CompiledModel compile(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        return compile(SourceDecoder.decode(fileName, Files.readAllBytes(file)), fileName);
    }
}
