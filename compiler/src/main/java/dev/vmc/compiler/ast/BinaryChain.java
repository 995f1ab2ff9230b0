package dev.vmc.compiler.ast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The binary operators down the left edge of an expression. A sum of 10,000 terms is a tree
 * 10,000 deep on its left, since + associates left; a walk that recursed into left operands
 * would overflow the stack. Walks go along the chain in a loop instead and recurse only into
 * right operands, whose depth the parser bounds (see {@code parse/Nesting}).
 */
public final class BinaryChain {
    private BinaryChain() {}

    /**
     * For {@code a + b - c}: [{@code a + b}, {@code (a + b) - c}], innermost first. The first
     * one's left operand is the chain's first operand, which is not itself a {@link Expr.Binary}.
     */
    public static List<Expr.Binary> of(Expr.Binary top) {
        List<Expr.Binary> chain = new ArrayList<>();
        Expr e = top;
        while (e instanceof Expr.Binary b) {
            chain.add(b);
            e = b.left();
        }
        Collections.reverse(chain);
        return chain;
    }

    /** The first operand of the chain: {@code a} in {@code a + b - c}. */
    public static Expr first(Expr.Binary top) {
        Expr e = top;
        while (e instanceof Expr.Binary b) {
            e = b.left();
        }
        return e;
    }
}
