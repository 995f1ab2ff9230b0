package dev.vmc.compiler.parse;

import dev.vmc.compiler.ast.DensityCalls;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Pos;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.diag.Diagnostics;
import dev.vmc.grammar.VmodelParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Statements of the model and guide blocks. The grammar accepts {@code x = e;} only so that
 * it can be refused here with a message that explains the language has no assignment.
 */
final class StatementBuilder {
    private final ExprBuilder exprs;
    private final DeclarationBuilder declarations;
    private final Diagnostics diagnostics;
    /** Block-level names seen so far and what they are ("data", "latent", ...), for messages. */
    private final Map<String, String> blockNames;

    StatementBuilder(ExprBuilder exprs, DeclarationBuilder declarations, Diagnostics diagnostics,
            Map<String, String> blockNames) {
        this.exprs = exprs;
        this.declarations = declarations;
        this.diagnostics = diagnostics;
        this.blockNames = blockNames;
    }

    List<Stmt> all(List<VmodelParser.StatementContext> contexts) {
        List<Stmt> statements = new ArrayList<>();
        addAll(contexts, null, statements);
        return statements;
    }

    /**
     * An {@code if}'s branches are flattened into the statements around them, each ~ and target +=
     * carrying the conditions it sits under (the else branch's negated) as its guard: the model
     * adds its term where the guard holds, so a condition may depend on data or on latents.
     */
    private void addAll(List<VmodelParser.StatementContext> contexts, Expr guard, List<Stmt> statements) {
        for (VmodelParser.StatementContext ctx : contexts) {
            if (ctx instanceof VmodelParser.IfStatementContext branching) {
                Expr condition = exprs.visit(branching.expr());
                Pos at = Positions.of(branching.getStart());
                addBranch(branching.branch(0), and(guard, condition, at), statements);
                if (branching.branch().size() > 1) {
                    addBranch(branching.branch(1), and(guard, new Expr.Unary(at, "!", condition), at), statements);
                }
                continue;
            }
            Stmt statement = statement(ctx);
            if (statement == null) {
                continue;
            }
            if (guard != null && statement instanceof Stmt.Define define) {
                diagnostics.error(define.pos(), "a definition inside an if is not supported yet; define '"
                        + define.decl().name() + "' before the if (a ?: may choose its value)");
                continue;
            }
            statements.add(guard == null ? statement : guarded(statement, guard));
        }
    }

    private void addBranch(VmodelParser.BranchContext branch, Expr guard, List<Stmt> statements) {
        addAll(branch.statement(), guard, statements);
    }

    private static Expr and(Expr outer, Expr condition, Pos at) {
        return outer == null ? condition : new Expr.Binary(at, "&&", outer, condition);
    }

    private static Stmt guarded(Stmt statement, Expr guard) {
        if (statement instanceof Stmt.Sample s) {
            return new Stmt.Sample(s.pos(), s.variate(), s.distribution(), s.distributionPos(), s.args(), guard);
        }
        Stmt.TargetAdd t = (Stmt.TargetAdd) statement;
        return new Stmt.TargetAdd(t.pos(), t.value(), guard);
    }

    private Stmt statement(VmodelParser.StatementContext ctx) {
        if (ctx instanceof VmodelParser.DefineStatementContext define) {
            return new Stmt.Define(declarations.declaration(define.declaration()));
        }
        if (ctx instanceof VmodelParser.SampleStatementContext sample) {
            return new Stmt.Sample(Positions.of(sample.op), exprs.visit(sample.expr()), sample.dist.getText(),
                    Positions.of(sample.dist), exprs.arguments(sample.arguments()));
        }
        if (ctx instanceof VmodelParser.TargetStatementContext target) {
            if (target.expr() instanceof VmodelParser.ConditionalCallExprContext call
                    && DensityCalls.parse(call.ID().getText()).map(n -> n.kind() == DensityCalls.Kind.LOG_DENSITY).orElse(false)) {
                return densityTerm(call, DensityCalls.parse(call.ID().getText()).get());
            }
            return new Stmt.TargetAdd(Positions.of(target.TARGET().getSymbol()), exprs.visit(target.expr()));
        }
        refuseAssignment((VmodelParser.AssignStatementContext) ctx);
        return null;
    }

    /**
     * {@code target += normal_lpdf(y | mu, sigma);} is {@code y ~ normal(mu, sigma);}: vmc's
     * densities keep their constants either way, so Stan's _lpdf, _lpmf, _lupdf and _lupmf all
     * read as the ~ statement, which the dependency analysis and the estimators know how to
     * use. Anywhere else (and a cumulative function even here) the call is an expression.
     */
    private Stmt densityTerm(VmodelParser.ConditionalCallExprContext call, DensityCalls.Name name) {
        return new Stmt.Sample(Positions.of(call.ID().getSymbol()), exprs.visit(call.expr()), name.distribution(),
                Positions.of(call.ID().getSymbol()), exprs.arguments(call.arguments()));
    }

    private void refuseAssignment(VmodelParser.AssignStatementContext ctx) {
        String name = ctx.ID().getText();
        String kind = blockNames.get(name);
        String what = kind == null ? "'" + name + "'" : kind + " '" + name + "'";
        diagnostics.error(Positions.of(ctx.ID().getSymbol()), "cannot assign to " + what
                + ": vmc has no assignment; define a new name with its type, e.g. 'real " + name + "2 = ...;'");
    }
}
