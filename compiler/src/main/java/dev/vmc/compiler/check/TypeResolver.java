package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.check.Type.Container;
import dev.vmc.compiler.check.Type.Element;
import dev.vmc.compiler.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;

/**
 * A declared type as a {@link Type}: checks that its sizes are int expressions over data and
 * its bounds scalar expressions over data, and names each size symbolically. Sizes and bounds
 * of literals alone are checked here against {@link DeclaredValues}, so that {@code vmc check}
 * finds a {@code vector[-1]} or a {@code <lower=sqrt(-1)>} without data.
 */
final class TypeResolver {
    private final ExprTyper typer;
    private final Constants constants;
    private final Diagnostics diagnostics;

    TypeResolver(ExprTyper typer, Constants constants, Diagnostics diagnostics) {
        this.typer = typer;
        this.constants = constants;
        this.diagnostics = diagnostics;
    }

    Type resolve(Decl decl, NameKind kind, Scope sizes) {
        TypeExpr type = decl.type();
        List<Size> arrayDims = type.arrayDims().stream().map(e -> size(e, sizes)).toList();
        List<Size> dims = type.dims().stream().map(e -> size(e, sizes)).toList();
        checkSizes(decl, kind);
        checkSimplex(decl, kind);
        bound(decl, "lower", type.lower(), sizes);
        bound(decl, "upper", type.upper(), sizes);
        checkRoom(decl);
        Element element = type.base() == TypeExpr.Base.INT ? Element.INT : Element.REAL;
        Container container = switch (type.base()) {
            case INT, REAL -> Container.SCALAR;
            case VECTOR, SIMPLEX -> Container.VECTOR; // a simplex is a vector wherever it is used
            case ROW_VECTOR -> Container.ROW_VECTOR;
            case MATRIX -> Container.MATRIX;
        };
        return new Type(element, container, arrayDims, dims);
    }

    Size size(Expr expr, Scope sizes) {
        Type type = typer.type(expr, sizes);
        if (type.isError()) {
            return Size.UNKNOWN;
        }
        if (!type.isInt() || !type.isScalar()) {
            diagnostics.error(ExprStart.of(expr), "a size must be an int, got " + type);
            return Size.UNKNOWN;
        }
        Double value = constants.valueOf(expr);
        if (value != null) {
            return value >= 0 && value <= Integer.MAX_VALUE ? new Size.Literal((int) (double) value) : Size.UNKNOWN;
        }
        if (expr instanceof Expr.Var v) {
            return new Size.Named(v.name());
        }
        return Size.UNKNOWN;
    }

    /** Constant sizes: each valid, and all of them together few enough elements. */
    private void checkSizes(Decl decl, NameKind kind) {
        List<Expr> all = new ArrayList<>(decl.type().arrayDims());
        all.addAll(decl.type().dims());
        double[] values = new double[all.size()];
        boolean allKnown = true;
        for (int i = 0; i < all.size(); i++) {
            Double value = constants.valueOf(all.get(i));
            if (value == null) {
                allKnown = false;
                continue;
            }
            String problem = DeclaredValues.size(quoted(decl), all.get(i), value);
            if (problem == null && kind == NameKind.LATENT) {
                problem = DeclaredValues.latentSize(quoted(decl), all.get(i), value);
            }
            if (problem != null) {
                diagnostics.error(ExprStart.of(all.get(i)), problem);
                return;
            }
            values[i] = value;
        }
        String tooMany = allKnown ? DeclaredValues.elements(quoted(decl), values) : null;
        if (tooMany != null) {
            diagnostics.error(decl.type().pos(), tooMany);
        }
    }

    /**
     * A simplex is a latent on its own: data and params would need their values checked to sum
     * to 1, and an array of them a map per row, which vmc does not have yet.
     */
    private void checkSimplex(Decl decl, NameKind kind) {
        TypeExpr type = decl.type();
        if (type.base() != TypeExpr.Base.SIMPLEX) {
            return;
        }
        if (kind != NameKind.LATENT) {
            diagnostics.error(type.pos(), quoted(decl) + " is " + kind.withArticle() + " declared simplex; simplex[K] is"
                    + " a latent type only: declare " + quoted(decl) + " as vector" + sizeText(type) + " here, or make it"
                    + " a latent");
        } else if (!type.arrayDims().isEmpty()) {
            diagnostics.error(type.pos(), quoted(decl) + " is an array of simplexes, which vmc does not support yet;"
                    + " declare each simplex as a latent of its own");
        } else {
            Expr size = type.dims().get(0);
            Double value = constants.valueOf(size);
            String problem = value == null ? null : DeclaredValues.simplexSize(quoted(decl), size, value);
            if (problem != null) {
                diagnostics.error(ExprStart.of(size), problem);
            }
        }
    }

    private static String sizeText(TypeExpr type) {
        return "[" + ExprText.of(type.dims().get(0)) + "]";
    }

    private void bound(Decl decl, String which, Expr bound, Scope sizes) {
        if (bound == null) {
            return;
        }
        Type type = typer.type(bound, sizes);
        if (!type.isError() && !type.isScalar()) {
            diagnostics.error(ExprStart.of(bound), "a bound must be a scalar, got " + type);
            return;
        }
        Double value = constants.valueOf(bound);
        String problem = value == null ? null : DeclaredValues.bound(quoted(decl), which, bound, value);
        if (problem != null) {
            diagnostics.error(ExprStart.of(bound), problem);
        }
    }

    private void checkRoom(Decl decl) {
        TypeExpr type = decl.type();
        Double lower = constants.valueOf(type.lower());
        Double upper = constants.valueOf(type.upper());
        if ((type.lower() != null && lower == null) || (type.upper() != null && upper == null)) {
            return;
        }
        String problem = DeclaredValues.room(quoted(decl), type.lower(), lower, type.upper(), upper,
                type.base() == TypeExpr.Base.INT);
        if (problem != null) {
            diagnostics.error(ExprStart.of(type.upper() != null ? type.upper() : type.lower()), problem);
        }
    }

    private static String quoted(Decl decl) {
        return "'" + decl.name() + "'";
    }
}
