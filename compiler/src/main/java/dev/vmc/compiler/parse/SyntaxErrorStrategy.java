package dev.vmc.compiler.parse;

import dev.vmc.compiler.ast.Pos;
import dev.vmc.compiler.diag.Diagnostics;
import dev.vmc.grammar.VmodelLexer;
import dev.vmc.grammar.VmodelParser;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's recovery, with messages a modeller can act on: "expected ';' before 'mu'" rather
 * than "mismatched input 'mu' expecting {';', '+', ...}". Only the first error of a line is
 * kept: the ones after it are usually echoes of the recovery.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {
    private final Diagnostics diagnostics;
    private int lastErrorLine = -1;

    SyntaxErrorStrategy(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * ANTLR may recover by deleting the offending token when the one after it fits. That is
     * wrong for a statement's ';' and for braces: in {@code mu ~ ;} it deleted the ';', took
     * the next statement's first name for the distribution and reported a second, false error
     * on that correct line. Kept, they end the broken statement, and the next one parses.
     */
    @Override
    protected Token singleTokenDeletion(Parser parser) {
        String text = parser.getCurrentToken().getText();
        if (text.equals(";") || text.equals("{") || text.equals("}")) {
            return null;
        }
        return super.singleTokenDeletion(parser);
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        // Not e.getExpectedTokens(): ANTLR may take those from an earlier state (inside the
        // last expression), which lists ')' after a call that is complete.
        reportExpected(parser, e.getOffendingToken(), parser.getExpectedTokens());
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        reportExpected(parser, parser.getCurrentToken(), getExpectedTokens(parser));
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        Token token = parser.getCurrentToken();
        if (token.getType() == Token.EOF) {
            reportExpected(parser, token, getExpectedTokens(parser));
            return;
        }
        String expected = ExpectedTokens.describe(getExpectedTokens(parser), parser.getVocabulary(),
                nameMeaning(parser.getContext()));
        report(Positions.of(token), unexpected(token) + "; expected " + expected);
    }

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        Token token = e.getOffendingToken();
        // Where no alternative even starts with this token, the set of starts says what was expected.
        if (token == e.getStartToken()) {
            reportExpected(parser, token, e.getExpectedTokens());
            return;
        }
        String message = unexpected(token);
        Token start = e.getStartToken();
        if (parser.getContext() instanceof VmodelParser.StatementContext statement
                && statement.getParent() instanceof VmodelParser.GuideBlockContext
                && java.util.List.of("auto", "meanfield", "lowrank", "fullrank").contains(start.getText())) {
            report(Positions.of(start), "'" + start.getText() + " ...;' must come first in the guide block, after its"
                    + " params block: the automatic guide draws those latents before any ~ statement");
            return;
        }
        if (parser.getContext() instanceof VmodelParser.StatementContext) {
            message += "; a statement is a typed definition, 'x ~ dist(...);' or 'target += ...;'";
        }
        report(Positions.of(token), message);
    }

    @Override
    protected void reportFailedPredicate(Parser parser, FailedPredicateException e) {
        report(Positions.of(e.getOffendingToken()), unexpected(e.getOffendingToken()));
    }

    private void reportExpected(Parser parser, Token token, IntervalSet expectedSet) {
        String expected = ExpectedTokens.describe(expectedSet, parser.getVocabulary(), nameMeaning(parser.getContext()));
        Token previous = previousVisible(parser.getInputStream(), token);
        boolean beyondLine = previous != null && token.getLine() > previous.getLine();
        if (token.getType() == VmodelLexer.UNEXPECTED_CHAR) {
            report(Positions.of(token), unexpected(token) + "; expected " + expected);
        } else if (token.getType() == Token.EOF && previous != null) {
            report(Positions.after(previous), "expected " + expected + " before the end of the file");
        } else if (beyondLine) {
            // A forgotten ';' or ')' belongs at the end of the line before, where it was forgotten.
            report(Positions.after(previous), "expected " + expected + " after " + describe(previous));
        } else {
            report(Positions.of(token), "expected " + expected + " before " + describe(token));
        }
    }

    private void report(Pos pos, String message) {
        if (pos.line() == lastErrorLine) {
            return;
        }
        lastErrorLine = pos.line();
        diagnostics.error(pos, message);
    }

    private static Token previousVisible(TokenStream tokens, Token token) {
        for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
            Token candidate = tokens.get(i);
            if (candidate.getChannel() == Token.DEFAULT_CHANNEL) {
                return candidate;
            }
        }
        return null;
    }

    private static String nameMeaning(ParserRuleContext context) {
        if (context instanceof VmodelParser.SampleStatementContext) {
            return "a distribution name";
        }
        if (context instanceof VmodelParser.GuideBlockContext) {
            return "auto, meanfield, lowrank, fullrank";
        }
        if (context instanceof VmodelParser.ConstraintContext || context instanceof VmodelParser.BoundContext) {
            return "lower or upper";
        }
        return "a name";
    }

    private static String unexpected(Token token) {
        return "unexpected " + (token.getType() == Token.EOF ? "end of file" : describe(token));
    }

    private static String describe(Token token) {
        if (token.getType() == Token.EOF) {
            return "the end of the file";
        }
        if (token.getType() == VmodelLexer.UNEXPECTED_CHAR) {
            return character(token.getText().codePointAt(0));
        }
        return "'" + token.getText() + "'";
    }

    /**
     * A character a user cannot see (a no-break space pasted from a web page, a NUL, a
     * zero-width space) by its code point and name; a visible one as itself, with a word on
     * names where it is a letter vmc does not take ('μ').
     */
    static String character(int codePoint) {
        int type = Character.getType(codePoint);
        boolean invisible = Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                || type == Character.SPACE_SEPARATOR || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE;
        if (invisible) {
            String name = Character.getName(codePoint);
            return String.format("character U+%04X", codePoint) + (name == null ? "" : " (" + name.toLowerCase() + ")");
        }
        String shown = "character '" + new String(Character.toChars(codePoint)) + "'";
        return Character.isLetter(codePoint) ? shown + " (names use only the letters a-z and A-Z, digits and _)" : shown;
    }
}
