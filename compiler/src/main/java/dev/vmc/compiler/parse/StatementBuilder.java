package dev.vmc.compiler.parse;

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
        for (VmodelParser.StatementContext ctx : contexts) {
            Stmt statement = statement(ctx);
            if (statement != null) {
                statements.add(statement);
            }
        }
        return statements;
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
            return new Stmt.TargetAdd(Positions.of(target.TARGET().getSymbol()), exprs.visit(target.expr()));
        }
        refuseAssignment((VmodelParser.AssignStatementContext) ctx);
        return null;
    }

    private void refuseAssignment(VmodelParser.AssignStatementContext ctx) {
        String name = ctx.ID().getText();
        String kind = blockNames.get(name);
        String what = kind == null ? "'" + name + "'" : kind + " '" + name + "'";
        diagnostics.error(Positions.of(ctx.ID().getSymbol()), "cannot assign to " + what
                + ": vmc has no assignment; define a new name with its type, e.g. 'real " + name + "2 = ...;'");
    }
}
