package dev.vmc.compiler.ast;

/** A place in the source: 1-based line, 1-based column. */
public record Pos(int line, int column) {
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
