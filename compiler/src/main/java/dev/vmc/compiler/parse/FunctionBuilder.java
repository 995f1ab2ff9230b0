package dev.vmc.compiler.parse;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.FunctionDef;
import dev.vmc.compiler.ast.Pos;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.diag.Diagnostics;
import dev.vmc.grammar.VmodelParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Stan's functions block as {@link FunctionDef}s. Each function's parameters and locals are
 * declared in a scope of the function's own with fresh names ({@code theta.3}), so that a
 * parameter {@code theta} and the program's parameter {@code theta} stay two names.
 */
final class FunctionBuilder {
    private final ExprBuilder exprs;
    private final StatementBuilder statements;
    private final Diagnostics diagnostics;

    FunctionBuilder(ExprBuilder exprs, StatementBuilder statements, Diagnostics diagnostics) {
        this.exprs = exprs;
        this.statements = statements;
        this.diagnostics = diagnostics;
    }

    List<FunctionDef> all(List<VmodelParser.FunctionDefinitionContext> contexts) {
        List<FunctionDef> out = new ArrayList<>();
        for (VmodelParser.FunctionDefinitionContext ctx : contexts) {
            out.add(function(ctx));
        }
        return out;
    }

    private FunctionDef function(VmodelParser.FunctionDefinitionContext ctx) {
        FunctionDef.ArgumentType result = ctx.result.VOID() != null ? null : type(ctx.result.argumentType());
        exprs.locals.openFunction();
        try {
            List<FunctionDef.Parameter> parameters = new ArrayList<>();
            for (VmodelParser.FunctionParameterContext p : ctx.functionParameter()) {
                FunctionDef.ArgumentType type = type(p.argumentType());
                Pos pos = Positions.of(p.ID().getSymbol());
                String unique = exprs.locals.declareNested(p.ID().getText());
                TypeExpr base = new TypeExpr(pos, type.base(), List.of(), List.of(), null, null);
                parameters.add(new FunctionDef.Parameter(pos, p.DATA() != null, type, new Decl(pos, unique, base, null)));
            }
            List<Stmt> body = ctx.body == null ? null : statements.body(ctx.statement());
            return new FunctionDef(Positions.of(ctx.name), ctx.name.getText(), result, parameters, body);
        } finally {
            exprs.locals.closeFunction();
        }
    }

    private FunctionDef.ArgumentType type(VmodelParser.ArgumentTypeContext ctx) {
        Pos pos = Positions.of(ctx.base);
        TypeExpr.Base base = switch (ctx.base.getText()) {
            case "int" -> TypeExpr.Base.INT;
            case "real" -> TypeExpr.Base.REAL;
            case "vector" -> TypeExpr.Base.VECTOR;
            case "row_vector" -> TypeExpr.Base.ROW_VECTOR;
            case "matrix" -> TypeExpr.Base.MATRIX;
            default -> {
                diagnostics.error(pos, "'" + ctx.base.getText() + "' is not a type vmc's functions take; a parameter or a"
                        + " result is int, real, vector, row_vector or matrix, or an array of them (array[] real, array[,] vector)");
                yield TypeExpr.Base.REAL;
            }
        };
        int rank = ctx.ARRAY() == null ? 0 : ctx.commas.size() + 1;
        return new FunctionDef.ArgumentType(pos, base, rank);
    }
}
