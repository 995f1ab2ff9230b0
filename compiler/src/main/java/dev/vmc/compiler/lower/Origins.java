package dev.vmc.compiler.lower;

import dev.vmc.compiler.ast.Pos;
import dev.vmc.compiler.ast.Program;

/** "file:line: the source line", the label runtime errors use to point back at the program. */
final class Origins {
    private Origins() {}

    static String describe(Program program, Pos pos) {
        String[] lines = program.source().split("\n", -1);
        String text = pos.line() >= 1 && pos.line() <= lines.length ? lines[pos.line() - 1].strip() : "";
        return program.fileName() + ":" + pos.line() + ": " + text;
    }
}
