package dev.vmc.compiler.parse;

import dev.vmc.compiler.ast.DensityCalls;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Pos;
import dev.vmc.compiler.check.ExprText;
import dev.vmc.compiler.diag.Diagnostics;
import dev.vmc.grammar.VmodelBaseVisitor;
import dev.vmc.grammar.VmodelParser;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Expressions from the parse tree. Operators take the position of their symbol, so that a
 * message about {@code a + b} points at the '+'; names, numbers and calls their first token.
 *
 * <p>Sums and products are built in a loop along their left edge, so a sum of any length
 * builds; every other construct is a level of nesting, and past {@link Nesting#MAX_LEVELS}
 * the expression is reported instead of built, which bounds every later walk's recursion.
 */
final class ExprBuilder extends VmodelBaseVisitor<Expr> {
    private static final BigInteger MAX_INT = BigInteger.valueOf(Integer.MAX_VALUE);

    private final Diagnostics diagnostics;
    private final Set<Integer> tooDeepLines = new HashSet<>();
    private int depth;
    /** Nested scopes' renamings: a use of a name reads the innermost declaration of it. */
    final LocalNames locals = new LocalNames();

    ExprBuilder(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    List<Expr> all(List<VmodelParser.ExprContext> contexts) {
        return contexts.stream().map(this::visit).toList();
    }

    List<Expr> arguments(VmodelParser.ArgumentsContext arguments) {
        return arguments == null ? List.of() : all(arguments.expr());
    }

    /**
     * Every construct is a level, except brackets and the links of a chain, which leave no
     * node of their own in the AST; a chain's right operands are levels (see {@link #chain}).
     */
    @Override
    public Expr visit(ParseTree tree) {
        boolean level = !(tree instanceof VmodelParser.ParenExprContext || tree instanceof VmodelParser.AddExprContext
                || tree instanceof VmodelParser.MultiplyExprContext);
        return level ? nested(tree) : super.visit(tree);
    }

    private Expr nested(ParseTree tree) {
        if (depth >= Nesting.MAX_LEVELS) {
            Token start = ((ParserRuleContext) tree).getStart();
            // One message per line: the levels below this one would each say the same.
            if (tooDeepLines.add(start.getLine())) {
                diagnostics.error(Positions.of(start), Nesting.message());
            }
            return new Expr.Num(Positions.of(start), 0, false);
        }
        depth++;
        try {
            return super.visit(tree);
        } finally {
            depth--;
        }
    }

    @Override
    public Expr visitTransposeExpr(VmodelParser.TransposeExprContext ctx) {
        return new Expr.Transpose(Positions.of(ctx.op), visit(ctx.expr()));
    }

    @Override
    public Expr visitVectorLiteralExpr(VmodelParser.VectorLiteralExprContext ctx) {
        return new Expr.Literal(Positions.of(ctx.open), ctx.expr().stream().map(this::nested).toList(), false);
    }

    @Override
    public Expr visitArrayLiteralExpr(VmodelParser.ArrayLiteralExprContext ctx) {
        return new Expr.Literal(Positions.of(ctx.open), ctx.expr().stream().map(this::nested).toList(), true);
    }

    @Override
    public Expr visitIndexExpr(VmodelParser.IndexExprContext ctx) {
        List<Expr> indices = ctx.index().stream().map(this::index).toList();
        return new Expr.Index(Positions.of(ctx.op), visit(ctx.expr()), indices);
    }

    Expr index(VmodelParser.IndexContext ctx) {
        if (ctx instanceof VmodelParser.SliceIndexContext s) {
            return new Expr.Slice(Positions.of(s.colon), s.lower == null ? null : visit(s.lower),
                    s.upper == null ? null : visit(s.upper));
        }
        return visit(((VmodelParser.SingleIndexContext) ctx).expr());
    }

    @Override
    public Expr visitPowerExpr(VmodelParser.PowerExprContext ctx) {
        return new Expr.Binary(Positions.of(ctx.op), "^", visit(ctx.expr(0)), visit(ctx.expr(1)));
    }

    @Override
    public Expr visitUnaryExpr(VmodelParser.UnaryExprContext ctx) {
        Expr operand = visit(ctx.expr());
        // Unary plus changes nothing, so the AST does not carry it.
        if (ctx.op.getText().equals("+")) {
            return operand;
        }
        return new Expr.Unary(Positions.of(ctx.op), ctx.op.getText(), operand);
    }

    // Comparisons and logic: short chains in practice, built directly.
    @Override
    public Expr visitCompareExpr(VmodelParser.CompareExprContext ctx) {
        return binary(ctx.op, ctx.expr(0), ctx.expr(1));
    }

    @Override
    public Expr visitEqualityExpr(VmodelParser.EqualityExprContext ctx) {
        return binary(ctx.op, ctx.expr(0), ctx.expr(1));
    }

    @Override
    public Expr visitAndExpr(VmodelParser.AndExprContext ctx) {
        return binary(ctx.op, ctx.expr(0), ctx.expr(1));
    }

    @Override
    public Expr visitOrExpr(VmodelParser.OrExprContext ctx) {
        return binary(ctx.op, ctx.expr(0), ctx.expr(1));
    }

    @Override
    public Expr visitConditionalExpr(VmodelParser.ConditionalExprContext ctx) {
        return new Expr.Conditional(Positions.of(ctx.op), visit(ctx.expr(0)), nested(ctx.expr(1)), nested(ctx.expr(2)));
    }

    private Expr binary(Token op, VmodelParser.ExprContext left, VmodelParser.ExprContext right) {
        return new Expr.Binary(Positions.of(op), op.getText(), visit(left), nested(right));
    }

    @Override
    public Expr visitMultiplyExpr(VmodelParser.MultiplyExprContext ctx) {
        return chain(ctx);
    }

    @Override
    public Expr visitAddExpr(VmodelParser.AddExprContext ctx) {
        return chain(ctx);
    }

    /**
     * {@code a + b * c - d}: the + and * contexts down the left edge, built from the innermost
     * out in a loop, so the chain's length costs no stack.
     */
    private Expr chain(VmodelParser.ExprContext top) {
        Deque<VmodelParser.ExprContext> operators = new ArrayDeque<>();
        VmodelParser.ExprContext ctx = top;
        while (ctx instanceof VmodelParser.AddExprContext || ctx instanceof VmodelParser.MultiplyExprContext) {
            operators.push(ctx);
            ctx = ctx.getRuleContext(VmodelParser.ExprContext.class, 0);
        }
        Expr result = visit(ctx);
        while (!operators.isEmpty()) {
            VmodelParser.ExprContext operator = operators.pop();
            Token op = operator instanceof VmodelParser.AddExprContext a ? a.op : ((VmodelParser.MultiplyExprContext) operator).op;
            Expr right = nested(operator.getRuleContext(VmodelParser.ExprContext.class, 1));
            result = new Expr.Binary(Positions.of(op), op.getText(), result, right);
        }
        return result;
    }

    /**
     * A plain call; a log density written with commas, {@code normal_lpdf(y, mu, sigma)}, is
     * refused as Stan refuses it, with the bar put in. (The cumulative functions' commas, which
     * Stan took before 2.33, are still read.)
     */
    @Override
    public Expr visitCallExpr(VmodelParser.CallExprContext ctx) {
        String name = ctx.ID().getText();
        List<Expr> args = arguments(ctx.arguments());
        if (DensityCalls.needsBar(name) && args.size() > 1) { // std_normal_lpdf(y) has nothing to set off
            diagnostics.error(Positions.of(ctx.ID().getSymbol()), name + " needs a vertical bar (|) between the variate"
                    + " and the parameters, as Stan requires of every _lpdf, _lpmf, _lupdf and _lupmf: write "
                    + ExprText.of(new Expr.Call(Positions.of(ctx.ID().getSymbol()), name, args)));
        }
        return new Expr.Call(Positions.of(ctx.ID().getSymbol()), name, args);
    }

    /**
     * {@code normal_lpdf(y | mu, sigma)}, {@code normal_lcdf(y | mu, sigma)} and the like: a call
     * whose first argument is the variate (see {@link DensityCalls}). As a whole
     * {@code target += ...;} statement a log density is read as a ~ statement instead, by the
     * statement builder.
     */
    @Override
    public Expr visitConditionalCallExpr(VmodelParser.ConditionalCallExprContext ctx) {
        String name = ctx.ID().getText();
        if (DensityCalls.parse(name).isEmpty()) {
            diagnostics.error(Positions.of(ctx.ID().getSymbol()), "'" + name + "(y | ...)': the bar belongs to a"
                    + " distribution's _lpdf, _lpmf, _lcdf, _lccdf or _cdf, e.g. normal_lpdf(y | mu, sigma)");
        }
        List<Expr> args = new java.util.ArrayList<>();
        args.add(visit(ctx.expr()));
        args.addAll(arguments(ctx.arguments()));
        return new Expr.Call(Positions.of(ctx.ID().getSymbol()), ctx.ID().getText(), args);
    }

    @Override
    public Expr visitNameExpr(VmodelParser.NameExprContext ctx) {
        return new Expr.Var(Positions.of(ctx.ID().getSymbol()), locals.resolve(ctx.ID().getText()));
    }

    /** Ints are 32-bit, as in Stan: a larger literal used to be clamped silently where it was a size. */
    @Override
    public Expr visitIntLiteral(VmodelParser.IntLiteralContext ctx) {
        String text = ctx.getText();
        Pos pos = Positions.of(ctx.getStart());
        if (new BigInteger(text).compareTo(MAX_INT) > 0) {
            diagnostics.error(pos, "integer literal " + text + " is too large: an int is at most " + Integer.MAX_VALUE
                    + "; if a real number is meant, write it as one: " + asReal(text));
            return new Expr.Num(pos, 0, true);
        }
        return new Expr.Num(pos, Double.parseDouble(text), true);
    }

    @Override
    public Expr visitRealLiteral(VmodelParser.RealLiteralContext ctx) {
        String text = ctx.getText();
        Pos pos = Positions.of(ctx.getStart());
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            diagnostics.error(pos, "real literal " + text + " is too large: a real is at most about 1.8e308");
        } else if (value == 0 && hasNonZeroDigit(text)) {
            diagnostics.error(pos, "real literal " + text + " is too small: it would be 0 (a real's smallest size is"
                    + " about 4.9e-324); write 0 if that is meant");
        }
        return new Expr.Num(pos, Double.isFinite(value) ? value : 0, false);
    }

    /** 99999999999999999999 as 1e20, 12345678901 as 1.2345678901e10. */
    private static String asReal(String digits) {
        String real = Double.toString(Double.parseDouble(digits)).replace("E", "e").replace(".0e", "e");
        return real;
    }

    private static boolean hasNonZeroDigit(String realLiteral) {
        for (char c : realLiteral.toCharArray()) {
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Brackets leave nothing in the AST; nested ones are unwrapped in a loop, so they cost no stack here. */
    @Override
    public Expr visitParenExpr(VmodelParser.ParenExprContext ctx) {
        VmodelParser.ExprContext inner = ctx.expr();
        while (inner instanceof VmodelParser.ParenExprContext p) {
            inner = p.expr();
        }
        return visit(inner);
    }
}
