package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.check.Type.Container;
import dev.vmc.compiler.check.Type.Element;
import dev.vmc.compiler.diag.Diagnostics;
import java.util.List;

/**
 * A declared type as a {@link Type}: checks that its sizes are int expressions over data and
 * its bounds scalar expressions over data, and names each size symbolically.
 */
final class TypeResolver {
    private final ExprTyper typer;
    private final Diagnostics diagnostics;

    TypeResolver(ExprTyper typer, Diagnostics diagnostics) {
        this.typer = typer;
        this.diagnostics = diagnostics;
    }

    Type resolve(TypeExpr type, Scope sizes) {
        List<Size> arrayDims = type.arrayDims().stream().map(e -> size(e, sizes)).toList();
        List<Size> dims = type.dims().stream().map(e -> size(e, sizes)).toList();
        bound(type.lower(), sizes);
        bound(type.upper(), sizes);
        checkRange(type);
        Element element = type.base() == TypeExpr.Base.INT ? Element.INT : Element.REAL;
        Container container = switch (type.base()) {
            case INT, REAL -> Container.SCALAR;
            case VECTOR -> Container.VECTOR;
            case MATRIX -> Container.MATRIX;
        };
        return new Type(element, container, arrayDims, dims);
    }

    private Size size(Expr expr, Scope sizes) {
        Type type = typer.type(expr, sizes);
        if (type.isError()) {
            return Size.UNKNOWN;
        }
        if (!type.isInt() || !type.isScalar()) {
            diagnostics.error(ExprStart.of(expr), "a size must be an int, got " + type);
            return Size.UNKNOWN;
        }
        if (expr instanceof Expr.Num n) {
            return new Size.Literal((int) n.value());
        }
        if (expr instanceof Expr.Var v) {
            return new Size.Named(v.name());
        }
        return Size.UNKNOWN;
    }

    private void bound(Expr bound, Scope sizes) {
        if (bound == null) {
            return;
        }
        Type type = typer.type(bound, sizes);
        if (!type.isError() && !type.isScalar()) {
            diagnostics.error(ExprStart.of(bound), "a bound must be a scalar, got " + type);
        }
    }

    private void checkRange(TypeExpr type) {
        if (type.lower() == null || type.upper() == null) {
            return;
        }
        Double lower = StaticBounds.valueOf(type.lower());
        Double upper = StaticBounds.valueOf(type.upper());
        // An int may be pinned to one value; a real needs room between its bounds.
        boolean empty = type.base() == TypeExpr.Base.INT ? lower != null && upper != null && lower > upper
                : lower != null && upper != null && !(lower < upper);
        if (empty) {
            diagnostics.error(ExprStart.of(type.upper()), "the upper bound " + ExprText.of(type.upper())
                    + " must be above the lower bound " + ExprText.of(type.lower()));
        }
    }
}
