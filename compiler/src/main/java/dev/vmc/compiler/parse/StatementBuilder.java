package dev.vmc.compiler.parse;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.DensityCalls;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Pos;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.diag.Diagnostics;
import dev.vmc.grammar.VmodelParser;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of every block that has them: the model, the guide, and Stan's transformed
 * data, transformed parameters and generated quantities. Loops, ifs and local blocks keep
 * their statements nested; a declaration inside one is local to it (see {@link LocalNames}).
 */
final class StatementBuilder {

    private final ExprBuilder exprs;
    private final DeclarationBuilder declarations;
    private final Diagnostics diagnostics;

    StatementBuilder(ExprBuilder exprs, DeclarationBuilder declarations, Diagnostics diagnostics) {
        this.exprs = exprs;
        this.declarations = declarations;
        this.diagnostics = diagnostics;
    }

    private final java.util.Set<String> userDensities = new java.util.HashSet<>();

    /** A function's body: in a scope of its own, where the parameters are already declared. */
    List<Stmt> body(List<VmodelParser.StatementContext> contexts) {
        return nested(contexts);
    }

    /** A block's statements; its top-level declarations are the block's own names. */
    List<Stmt> all(List<VmodelParser.StatementContext> contexts) {
        List<Stmt> statements = new ArrayList<>();
        for (VmodelParser.StatementContext ctx : contexts) {
            statement(ctx, statements);
        }
        return statements;
    }

    /** Statements in a scope of their own: a loop's body, an if's branch, a local block. */
    private List<Stmt> nested(List<VmodelParser.StatementContext> contexts) {
        exprs.locals.open();
        try {
            return all(contexts);
        } finally {
            exprs.locals.close();
        }
    }

    private List<Stmt> branch(VmodelParser.BranchContext branch) {
        return branch == null ? List.of() : nested(branch.statement());
    }

    private void statement(VmodelParser.StatementContext ctx, List<Stmt> out) {
        Pos at = Positions.of(ctx.getStart());
        if (ctx instanceof VmodelParser.DefineStatementContext define) {
            out.add(new Stmt.Define(declare(declarations.declaration(define.declaration()))));
        } else if (ctx instanceof VmodelParser.SampleStatementContext sample) {
            sample(sample, out);
        } else if (ctx instanceof VmodelParser.TargetStatementContext target) {
            if (target.expr() instanceof VmodelParser.ConditionalCallExprContext call
                    && !userDensities.contains(call.ID().getText())
                    && DensityCalls.parse(call.ID().getText()).map(StatementBuilder::readsAsSample).orElse(false)) {
                out.add(densityTerm(call, DensityCalls.parse(call.ID().getText()).get()));
                return;
            }
            out.add(new Stmt.TargetAdd(Positions.of(target.TARGET().getSymbol()), exprs.visit(target.expr())));
        } else if (ctx instanceof VmodelParser.AssignStatementContext assign) {
            String op = assign.op.getText();
            List<Expr> indices = assign.index().stream().map(exprs::index).toList();
            out.add(new Stmt.Assign(Positions.of(assign.op), exprs.locals.resolve(assign.ID().getText()),
                    Positions.of(assign.ID().getSymbol()), indices, op.equals("=") ? "=" : op.substring(0, op.length() - 1),
                    exprs.visit(assign.expr())));
        } else if (ctx instanceof VmodelParser.IfStatementContext branching) {
            Expr condition = exprs.visit(branching.expr());
            out.add(new Stmt.If(at, condition, branch(branching.branch(0)),
                    branching.branch().size() > 1 ? branch(branching.branch(1)) : List.of()));
        } else if (ctx instanceof VmodelParser.ForStatementContext loop) {
            Expr lower = exprs.visit(loop.expr(0));
            Expr upper = exprs.visit(loop.expr(1));
            out.add(loop(at, loop.ID().getSymbol(), lower, upper, loop.branch()));
        } else if (ctx instanceof VmodelParser.ForEachStatementContext loop) {
            out.add(loop(at, loop.ID().getSymbol(), exprs.visit(loop.expr()), null, loop.branch()));
        } else if (ctx instanceof VmodelParser.WhileStatementContext loop) {
            out.add(new Stmt.While(at, exprs.visit(loop.expr()), branch(loop.branch())));
        } else if (ctx instanceof VmodelParser.BreakStatementContext) {
            out.add(new Stmt.Break(at));
        } else if (ctx instanceof VmodelParser.ContinueStatementContext) {
            out.add(new Stmt.Continue(at));
        } else if (ctx instanceof VmodelParser.BlockStatementContext block) {
            out.add(new Stmt.Block(at, nested(block.statement())));
        } else if (ctx instanceof VmodelParser.PrintStatementContext print) {
            out.add(new Stmt.Print(at, printables(print.printable()), false));
        } else if (ctx instanceof VmodelParser.RejectStatementContext reject) {
            out.add(new Stmt.Print(at, printables(reject.printable()), true));
        } else if (ctx instanceof VmodelParser.CallStatementContext call) {
            List<Expr> args = call.arguments() == null ? List.of() : exprs.all(call.arguments().expr());
            out.add(new Stmt.Call(at, new Expr.Call(Positions.of(call.ID().getSymbol()), call.ID().getText(), args)));
        } else {
            VmodelParser.ReturnStatementContext ret = (VmodelParser.ReturnStatementContext) ctx;
            out.add(new Stmt.Return(at, ret.expr() == null ? null : exprs.visit(ret.expr())));
        }
    }

    /** A declaration: a block's own name at its top level, a local one inside a loop, an if or a local block. */
    private Decl declare(Decl decl) {
        if (!exprs.locals.nested()) {
            exprs.locals.declareGlobal(decl.name());
            return decl;
        }
        String unique = exprs.locals.declareNested(decl.name());
        return unique.equals(decl.name()) ? decl : new Decl(decl.pos(), unique, decl.type(), decl.init());
    }

    /** The loop's variable is declared in the loop's own scope, which its body's nests in. */
    private Stmt loop(Pos at, org.antlr.v4.runtime.Token name, Expr lower, Expr upper, VmodelParser.BranchContext body) {
        exprs.locals.open();
        try {
            Pos pos = Positions.of(name);
            Decl variable = new Decl(pos, exprs.locals.declareNested(name.getText()),
                    new TypeExpr(pos, TypeExpr.Base.INT, List.of(), List.of(), null, null), null);
            return new Stmt.For(at, variable, lower, upper, branch(body));
        } finally {
            exprs.locals.close();
        }
    }

    private List<Object> printables(List<VmodelParser.PrintableContext> items) {
        List<Object> out = new ArrayList<>();
        for (VmodelParser.PrintableContext item : items) {
            if (item.STRING_LITERAL() != null) {
                String text = item.STRING_LITERAL().getText();
                out.add(text.substring(1, text.length() - 1));
            } else {
                out.add(exprs.visit(item.expr()));
            }
        }
        return out;
    }

    /**
     * {@code y ~ d(args) T[lo, hi]} is {@code y ~ d(args)} and the truncation's normaliser, as
     * Stan writes it: minus the log of the probability d gives [lo, hi].
     */
    private void sample(VmodelParser.SampleStatementContext sample, List<Stmt> out) {
        Pos pos = Positions.of(sample.op);
        String dist = sample.dist.getText();
        List<Expr> args = exprs.arguments(sample.arguments());
        String user = userDensity(dist);
        if (user != null) {
            userSample(sample, user, args, out);
            return;
        }
        out.add(new Stmt.Sample(pos, exprs.visit(sample.expr()), dist, Positions.of(sample.dist), args));
        VmodelParser.TruncationContext t = sample.truncation();
        if (t == null || (t.lower == null && t.upper == null)) {
            return;
        }
        Pos at = Positions.of(t.getStart());
        Expr lower = t.lower == null ? null : exprs.visit(t.lower);
        Expr upper = t.upper == null ? null : exprs.visit(t.upper);
        Expr mass;
        if (lower == null) {
            mass = cdf(at, dist + "_lcdf", upper, args);
        } else if (upper == null) {
            mass = cdf(at, dist + "_lccdf", lower, args);
        } else {
            mass = new Expr.Call(at, "log_diff_exp", List.of(cdf(at, dist + "_lcdf", upper, args),
                    cdf(at, dist + "_lcdf", lower, args)));
        }
        out.add(new Stmt.TargetAdd(at, new Expr.Unary(at, "-", mass)));
    }

    /**
     * {@code y ~ foo(args)} with a user-defined {@code foo_lpdf} (or {@code foo_lpmf}): {@code target
     * += foo_lpdf(y | args);}, the function's value added to the target.
     */
    private void userSample(VmodelParser.SampleStatementContext sample, String function, List<Expr> args, List<Stmt> out) {
        if (sample.truncation() != null) {
            diagnostics.error(Positions.of(sample.truncation()), "truncating a user-defined density ('" + function
                    + "') is not supported yet");
        }
        List<Expr> all = new ArrayList<>();
        all.add(exprs.visit(sample.expr()));
        all.addAll(args);
        out.add(new Stmt.TargetAdd(Positions.of(sample.op), new Expr.Call(Positions.of(sample.dist), function, all)));
    }

    /** The user-defined function {@code dist_lpdf} or {@code dist_lpmf} that a ~ statement names, or null. */
    private String userDensity(String dist) {
        for (String suffix : List.of("_lpdf", "_lpmf")) {
            if (userDensities.contains(dist + suffix)) {
                return dist + suffix;
            }
        }
        return null;
    }

    /** The functions block's _lpdf and _lpmf functions, which ~ statements may name as their densities. */
    void defineUserDensities(java.util.Set<String> names) {
        userDensities.addAll(names);
    }

    private static Expr cdf(Pos at, String function, Expr bound, List<Expr> args) {
        List<Expr> all = new ArrayList<>();
        all.add(bound);
        all.addAll(args);
        return new Expr.Call(at, function, all);
    }

    /**
     * A log density whose suffix fits its family (_lpmf for a discrete one, _lpdf otherwise); one
     * that does not stays a call, so that the checker names the right suffix, as for a call
     * anywhere else.
     */
    private static boolean readsAsSample(DensityCalls.Name name) {
        return name.kind() == DensityCalls.Kind.LOG_DENSITY && dev.vmc.runtime.dist.Distributions.lookup(name.distribution())
                .map(d -> d.isDiscrete() == name.isMass()).orElse(true);
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
}
