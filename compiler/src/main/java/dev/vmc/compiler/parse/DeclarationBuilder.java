package dev.vmc.compiler.parse;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.diag.Diagnostics;
import dev.vmc.grammar.VmodelParser;
import java.util.List;

/**
 * Declarations and their types. A declaration takes the position of its name, which is what
 * a "declared twice" message points at; a type the position of its first keyword.
 */
final class DeclarationBuilder {
    private final ExprBuilder exprs;
    private final Diagnostics diagnostics;

    DeclarationBuilder(ExprBuilder exprs, Diagnostics diagnostics) {
        this.exprs = exprs;
        this.diagnostics = diagnostics;
    }

    List<Decl> all(List<VmodelParser.DeclarationContext> contexts) {
        return contexts.stream().map(this::declaration).toList();
    }

    Decl declaration(VmodelParser.DeclarationContext ctx) {
        Expr init = ctx.expr() == null ? null : exprs.visit(ctx.expr());
        return new Decl(Positions.of(ctx.ID().getSymbol()), ctx.ID().getText(), type(ctx.type()), init);
    }

    private TypeExpr type(VmodelParser.TypeContext ctx) {
        List<Expr> arrayDims = ctx.ARRAY() == null ? List.of() : exprs.all(ctx.expr());
        VmodelParser.ElementTypeContext element = ctx.elementType();
        Bounds bounds = bounds(constraintOf(element));
        return new TypeExpr(Positions.of(ctx), baseOf(element), arrayDims, dimsOf(element), bounds.lower, bounds.upper,
                bounds.offset, bounds.multiplier);
    }

    private static TypeExpr.Base baseOf(VmodelParser.ElementTypeContext element) {
        if (element instanceof VmodelParser.IntTypeContext) {
            return TypeExpr.Base.INT;
        }
        if (element instanceof VmodelParser.RealTypeContext) {
            return TypeExpr.Base.REAL;
        }
        if (element instanceof VmodelParser.VectorTypeContext) {
            return TypeExpr.Base.VECTOR;
        }
        if (element instanceof VmodelParser.ConstrainedVectorTypeContext t) {
            return TypeExpr.Base.valueOf(t.kind.getText().toUpperCase(java.util.Locale.ROOT));
        }
        if (element instanceof VmodelParser.ConstrainedMatrixTypeContext t) {
            return TypeExpr.Base.valueOf(t.kind.getText().toUpperCase(java.util.Locale.ROOT));
        }
        if (element instanceof VmodelParser.RowVectorTypeContext) {
            return TypeExpr.Base.ROW_VECTOR;
        }
        return TypeExpr.Base.MATRIX;
    }

    private List<Expr> dimsOf(VmodelParser.ElementTypeContext element) {
        if (element instanceof VmodelParser.VectorTypeContext vector) {
            return List.of(exprs.visit(vector.expr()));
        }
        if (element instanceof VmodelParser.RowVectorTypeContext row) {
            return List.of(exprs.visit(row.expr()));
        }
        if (element instanceof VmodelParser.MatrixTypeContext matrix) {
            return exprs.all(matrix.expr());
        }
        if (element instanceof VmodelParser.ConstrainedVectorTypeContext vector) {
            return List.of(exprs.visit(vector.expr()));
        }
        if (element instanceof VmodelParser.ConstrainedMatrixTypeContext matrix) {
            return exprs.all(matrix.expr());
        }
        return List.of();
    }

    private static VmodelParser.ConstraintContext constraintOf(VmodelParser.ElementTypeContext element) {
        if (element instanceof VmodelParser.IntTypeContext t) {
            return t.constraint();
        }
        if (element instanceof VmodelParser.RealTypeContext t) {
            return t.constraint();
        }
        if (element instanceof VmodelParser.VectorTypeContext t) {
            return t.constraint();
        }
        if (element instanceof VmodelParser.RowVectorTypeContext t) {
            return t.constraint();
        }
        if (element instanceof VmodelParser.MatrixTypeContext t) {
            return t.constraint();
        }
        return null; // a constrained vector's or matrix's constraint is its type: the grammar takes no bounds for it
    }

    private record Bounds(Expr lower, Expr upper, Expr offset, Expr multiplier) {}

    private static final List<String> CONSTRAINTS = List.of("lower", "upper", "offset", "multiplier");

    /**
     * 'lower', 'upper', 'offset' and 'multiplier' are not keywords, so the grammar takes any name
     * here and this checks it; that a type takes only bounds or only offset and multiplier is
     * the checker's business, which says which the type has.
     */
    private Bounds bounds(VmodelParser.ConstraintContext constraint) {
        Expr[] given = new Expr[CONSTRAINTS.size()];
        if (constraint != null) {
            for (VmodelParser.BoundContext bound : constraint.bound()) {
                String name = bound.ID().getText();
                Expr value = exprs.visit(bound.expr());
                int which = CONSTRAINTS.indexOf(name);
                if (which < 0) {
                    diagnostics.error(Positions.of(bound.ID().getSymbol()), "unknown constraint '" + name
                            + "'; a type takes <lower=...>, <upper=...> or both, or <offset=...>, <multiplier=...> or both");
                } else if (given[which] != null) {
                    diagnostics.error(Positions.of(bound.ID().getSymbol()), "'" + name + "' is given twice");
                } else {
                    given[which] = value;
                }
            }
        }
        return new Bounds(given[0], given[1], given[2], given[3]);
    }
}
