package dev.vmc.compiler.parse;

import dev.vmc.compiler.ast.Pos;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** ANTLR positions (0-based columns) as the 1-based positions of the AST and diagnostics. */
final class Positions {
    private Positions() {}

    static Pos of(Token token) {
        return new Pos(token.getLine(), token.getCharPositionInLine() + 1);
    }

    static Pos of(ParserRuleContext context) {
        return of(context.getStart());
    }

    /** The column just past a token: where a forgotten ';' after it belongs. */
    static Pos after(Token token) {
        String text = token.getText();
        int lastBreak = text.lastIndexOf('\n');
        if (lastBreak < 0) {
            return new Pos(token.getLine(), token.getCharPositionInLine() + text.length() + 1);
        }
        int breaks = (int) text.chars().filter(c -> c == '\n').count();
        return new Pos(token.getLine() + breaks, text.length() - lastBreak);
    }
}
