package dev.vmc.compiler.parse;

/**
 * How deeply expressions may nest: brackets, signs, powers, calls, indexing and transposes,
 * each a level. Every recursive walk of the compiler (the parser's own, the AST builder's,
 * the checker's, the lowering's) recurses once per level, so bounding the levels bounds the
 * stack they need; sums and products, however long, are chains walked in a loop and do not
 * count. No model a person writes comes near the limit; a generated one that does can name
 * its parts as local definitions.
 */
public final class Nesting {
    /** Levels of an expression the AST builder accepts. */
    public static final int MAX_LEVELS = 256;

    /**
     * Rule invocations the ANTLR parser may have open at once. A level costs it at most
     * three (a call inside a sum inside a bracket: expr, arguments, the operand's expr), plus
     * a few for the program, block and statement, so an expression the builder accepts never
     * reaches this; an input that does is too deep by the builder's count as well.
     */
    static final int MAX_PARSER_DEPTH = 4 * MAX_LEVELS + 16;

    private Nesting() {}

    static String message() {
        return "expression nested too deeply: more than " + MAX_LEVELS + " levels of brackets, signs, powers,"
                + " calls or indexing; name parts of it as local definitions";
    }
}
