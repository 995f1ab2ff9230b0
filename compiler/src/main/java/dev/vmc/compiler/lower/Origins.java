package dev.vmc.compiler.lower;

import dev.vmc.compiler.ast.Pos;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.diag.SourceLines;

/** "file:line: the source line", the label runtime errors use to point back at the program. */
final class Origins {
    private final String fileName;
    private final SourceLines lines;

    Origins(Program program) {
        this.fileName = program.fileName();
        this.lines = new SourceLines(program.source());
    }

    String describe(Pos pos) {
        String line = lines.line(pos.line());
        return fileName + ":" + pos.line() + ": " + (line == null ? "" : line.strip());
    }
}
