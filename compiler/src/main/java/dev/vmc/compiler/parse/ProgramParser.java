package dev.vmc.compiler.parse;

import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.diag.CompileException;
import dev.vmc.compiler.diag.Diagnostics;
import dev.vmc.grammar.VmodelLexer;
import dev.vmc.grammar.VmodelParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/** Source text to AST: the entry point of the front end. */
public final class ProgramParser {
    private ProgramParser() {}

    /**
     * Parses a whole .vmodel file.
     *
     * @param fileName the name diagnostics show, e.g. "model.vmodel"
     * @throws CompileException listing every syntax error (the first of each line)
     */
    public static Program parse(String fileName, String text) {
        return BigStack.run(() -> parseHere(fileName, text));
    }

    private static Program parseHere(String fileName, String text) {
        // ANTLR counts lines by '\n' alone; with every line ending made one, its lines are
        // the lines diagnostics show, whatever editor wrote the file.
        String source = text.replace("\r\n", "\n").replace('\r', '\n');
        Diagnostics diagnostics = new Diagnostics(fileName, source);
        VmodelLexer lexer = new VmodelLexer(CharStreams.fromString(source, fileName));
        // Nothing prints to the console: every character is some token, and the parser's
        // errors go through SyntaxErrorStrategy into the diagnostics.
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        reportUnclosedComment(tokens, diagnostics);
        diagnostics.throwIfAny();
        reportTooManyOpenBrackets(tokens, diagnostics);
        diagnostics.throwIfAny();
        UnsupportedStan.report(tokens.getTokens(), diagnostics);
        diagnostics.throwIfAny();

        VmodelParser parser = new DepthGuardedParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new SyntaxErrorStrategy(diagnostics));
        VmodelParser.ProgramContext tree;
        try {
            tree = parser.program();
        } catch (DepthGuardedParser.TooDeep e) {
            diagnostics.error(Positions.of(e.token), Nesting.message());
            throw new CompileException(diagnostics.all(), source);
        }
        diagnostics.throwIfAny();

        Program program = new ProgramBuilder(fileName, source, diagnostics).build(tree);
        diagnostics.throwIfAny();
        return program;
    }

    /**
     * More brackets open at once than an expression may have levels: every bracket is a level
     * (a call's, an index's, a parenthesis), so the builder would refuse the input anyway. Said
     * before parsing because the parser's adaptive prediction can take minutes over a deep
     * nest that does not close (a fuzzer's 2,000 nested calls with one stray parenthesis took
     * a minute), long before its own depth guard stops it.
     */
    private static void reportTooManyOpenBrackets(CommonTokenStream tokens, Diagnostics diagnostics) {
        int open = 0;
        for (Token token : tokens.getTokens()) {
            switch (token.getText()) {
                case "(", "[" -> open++;
                case ")", "]" -> open = Math.max(0, open - 1);
                default -> { }
            }
            if (open > Nesting.MAX_LEVELS) {
                diagnostics.error(Positions.of(token), Nesting.message());
                return;
            }
        }
    }

    /** Everything after an unclosed comment is comment, so it is the only error worth showing. */
    private static void reportUnclosedComment(CommonTokenStream tokens, Diagnostics diagnostics) {
        for (Token token : tokens.getTokens()) {
            String text = token.getText();
            if (token.getType() == VmodelLexer.BLOCK_COMMENT && (text.length() < 4 || !text.endsWith("*/"))) {
                diagnostics.error(Positions.of(token), "this comment is never closed: '/*' needs a matching '*/'");
                return;
            }
        }
    }
}
