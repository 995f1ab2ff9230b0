package dev.vmc.compiler.parse;

import dev.vmc.grammar.VmodelParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * The generated parser, stopped cleanly before its recursion can overflow the stack: 5,000
 * nested brackets used to end in a StackOverflowError inside ANTLR. It counts the rule
 * invocations open at once (each is a Java frame of the generated code) and gives up with
 * {@link TooDeep} past {@link Nesting#MAX_PARSER_DEPTH}. Counting the parser's own calls,
 * rather than guessing them from the tokens, stays right through its error recovery.
 */
final class DepthGuardedParser extends VmodelParser {
    private int depth;

    DepthGuardedParser(TokenStream tokens) {
        super(tokens);
    }

    /** Thrown out of the parse (it is no RecognitionException, so no rule catches it). */
    static final class TooDeep extends RuntimeException {
        final transient Token token;

        TooDeep(Token token) {
            super(null, null, false, false);
            this.token = token;
        }
    }

    @Override
    public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
        deeper();
        super.enterRule(localctx, state, ruleIndex);
    }

    @Override
    public void exitRule() {
        depth--;
        super.exitRule();
    }

    @Override
    public void enterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence) {
        deeper();
        super.enterRecursionRule(localctx, state, ruleIndex, precedence);
    }

    @Override
    public void unrollRecursionContexts(ParserRuleContext parentctx) {
        depth--;
        super.unrollRecursionContexts(parentctx);
    }

    private void deeper() {
        if (++depth > Nesting.MAX_PARSER_DEPTH) {
            throw new TooDeep(getCurrentToken());
        }
    }
}
