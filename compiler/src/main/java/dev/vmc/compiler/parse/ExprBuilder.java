package dev.vmc.compiler.parse;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.grammar.VmodelBaseVisitor;
import dev.vmc.grammar.VmodelParser;
import java.util.List;

/**
 * Expressions from the parse tree. Operators take the position of their symbol, so that a
 * message about {@code a + b} points at the '+'; names, numbers and calls their first token.
 */
final class ExprBuilder extends VmodelBaseVisitor<Expr> {

    List<Expr> all(List<VmodelParser.ExprContext> contexts) {
        return contexts.stream().map(this::visit).toList();
    }

    List<Expr> arguments(VmodelParser.ArgumentsContext arguments) {
        return arguments == null ? List.of() : all(arguments.expr());
    }

    @Override
    public Expr visitTransposeExpr(VmodelParser.TransposeExprContext ctx) {
        return new Expr.Transpose(Positions.of(ctx.op), visit(ctx.expr()));
    }

    @Override
    public Expr visitIndexExpr(VmodelParser.IndexExprContext ctx) {
        List<Expr> parts = all(ctx.expr());
        return new Expr.Index(Positions.of(ctx.op), parts.get(0), parts.subList(1, parts.size()));
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
        return new Expr.Unary(Positions.of(ctx.op), "-", operand);
    }

    @Override
    public Expr visitMultiplyExpr(VmodelParser.MultiplyExprContext ctx) {
        return new Expr.Binary(Positions.of(ctx.op), ctx.op.getText(), visit(ctx.expr(0)), visit(ctx.expr(1)));
    }

    @Override
    public Expr visitAddExpr(VmodelParser.AddExprContext ctx) {
        return new Expr.Binary(Positions.of(ctx.op), ctx.op.getText(), visit(ctx.expr(0)), visit(ctx.expr(1)));
    }

    @Override
    public Expr visitCallExpr(VmodelParser.CallExprContext ctx) {
        return new Expr.Call(Positions.of(ctx.ID().getSymbol()), ctx.ID().getText(), arguments(ctx.arguments()));
    }

    @Override
    public Expr visitNameExpr(VmodelParser.NameExprContext ctx) {
        return new Expr.Var(Positions.of(ctx.ID().getSymbol()), ctx.ID().getText());
    }

    @Override
    public Expr visitIntLiteral(VmodelParser.IntLiteralContext ctx) {
        return new Expr.Num(Positions.of(ctx.getStart()), Double.parseDouble(ctx.getText()), true);
    }

    @Override
    public Expr visitRealLiteral(VmodelParser.RealLiteralContext ctx) {
        return new Expr.Num(Positions.of(ctx.getStart()), Double.parseDouble(ctx.getText()), false);
    }

    @Override
    public Expr visitParenExpr(VmodelParser.ParenExprContext ctx) {
        return visit(ctx.expr());
    }
}
