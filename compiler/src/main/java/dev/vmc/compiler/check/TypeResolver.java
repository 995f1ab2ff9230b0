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
 * its bounds, offset and multiplier expressions over data (a latent's also over earlier
 * latents) that are scalars or of the declared type, and names each size symbolically. Sizes and bounds
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

    /** @param bounds where the bounds, offset and multiplier are read: {@code sizes}, or for a latent also earlier latents */
    Type resolve(Decl decl, NameKind kind, Scope sizes, Scope bounds) {
        TypeExpr type = decl.type();
        List<Size> arrayDims = type.arrayDims().stream().map(e -> size(e, sizes)).toList();
        List<Size> dims = type.valueDims().stream().map(e -> size(e, sizes)).toList();
        checkSizes(decl, kind);
        checkConstrainedType(decl, kind);
        Element element = type.base() == TypeExpr.Base.INT ? Element.INT : Element.REAL;
        Container container = containerOf(type.base());
        Type declared = new Type(element, container, arrayDims, dims);
        // an int's bounds are its support, one set of numbers from the data, which inference enumerates or
        // scores over: never another latent nor one per element
        Scope boundScope = element == Element.INT ? sizes : bounds;
        Type boundType = element == Element.INT ? Type.INT : declared;
        bound(decl, "lower", type.lower(), boundScope, boundType);
        bound(decl, "upper", type.upper(), boundScope, boundType);
        checkOffsetMultiplier(decl, bounds, declared);
        checkRoom(decl);
        return declared;
    }

    static Container containerOf(TypeExpr.Base base) {
        return switch (base) {
            case INT, REAL -> Container.SCALAR;
            // a simplex or an ordered vector is a vector wherever it is used
            case VECTOR, SIMPLEX, ORDERED, POSITIVE_ORDERED, UNIT_VECTOR -> Container.VECTOR;
            case MATRIX, CHOLESKY_FACTOR_CORR, CHOLESKY_FACTOR_COV, CORR_MATRIX, COV_MATRIX -> Container.MATRIX;
            case ROW_VECTOR -> Container.ROW_VECTOR;
        };
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
        all.addAll(decl.type().valueDims());
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
     * The constrained vectors and matrices: sizes that make sense (a simplex of at least 2, a
     * cholesky_factor_cov[M, N] with M >= N), two sizes for cholesky_factor_cov alone, and not
     * for params, which vmc fits by gradient on their own scale with elementwise maps only.
     */
    private void checkConstrainedType(Decl decl, NameKind kind) {
        TypeExpr type = decl.type();
        TypeExpr.Base base = type.base();
        if (!base.isConstrainedVector() && !base.isConstrainedMatrix()) {
            return;
        }
        if (kind == NameKind.PARAM || kind == NameKind.GUIDE_PARAM) {
            String plain = base.isConstrainedVector() ? "vector" + sizeText(type) : "matrix";
            diagnostics.error(type.pos(), quoted(decl) + " is " + kind.withArticle() + " declared " + base.keyword() + "; "
                    + base.keyword() + " is for latents, data and derived values: declare " + quoted(decl) + " as "
                    + plain + " here, or make it a latent");
            return;
        }
        if (base.isConstrainedMatrix() && type.dims().size() == 2 && base != TypeExpr.Base.CHOLESKY_FACTOR_COV) {
            diagnostics.error(type.pos(), quoted(decl) + " is a " + base.keyword() + ", which is square and takes one size: "
                    + base.keyword() + "[" + ExprText.of(type.dims().get(0)) + "]");
            return;
        }
        List<Double> values = type.dims().stream().map(constants::valueOf).toList();
        String problem = null;
        Expr at = type.dims().get(0);
        if (base == TypeExpr.Base.SIMPLEX && values.get(0) != null) {
            problem = DeclaredValues.simplexSize(quoted(decl), at, values.get(0));
        } else if (base == TypeExpr.Base.CHOLESKY_FACTOR_COV && values.size() == 2 && values.get(0) != null
                && values.get(1) != null) {
            problem = DeclaredValues.choleskyCovSize(quoted(decl), type.dims().get(0), values.get(0), type.dims().get(1),
                    values.get(1));
        }
        if (problem != null) {
            diagnostics.error(ExprStart.of(at), problem);
        }
    }

    private static String sizeText(TypeExpr type) {
        return "[" + ExprText.of(type.dims().get(0)) + "]";
    }

    /**
     * A bound is a real (or int) scalar, or a value of the declared type, one bound per
     * element, as in Stan's vector<lower=L>[N] with L a vector[N]. Bounds are for int, real,
     * vector and matrix types and arrays of them; a constant one is checked here.
     */
    private void bound(Decl decl, String which, Expr bound, Scope scope, Type declared) {
        if (bound == null) {
            return;
        }
        if (decl.type().base().isConstrainedVector() || decl.type().base().isConstrainedMatrix()) {
            diagnostics.error(ExprStart.of(bound), quoted(decl) + " is a " + decl.type().base().keyword()
                    + ", whose constraint is its type; it takes no " + which + " bound");
            return;
        }
        if (!fitsDeclared(decl, bound, scope, declared, "bound")) {
            return;
        }
        Double value = constants.valueOf(bound);
        String problem = value == null ? null : DeclaredValues.bound(quoted(decl), which, bound, value);
        if (problem != null) {
            diagnostics.error(ExprStart.of(bound), problem);
        }
    }

    /** Whether the expression is a scalar or of the declared type; reports it if not. */
    private boolean fitsDeclared(Decl decl, Expr expr, Scope scope, Type declared, String what) {
        Type type = typer.type(expr, scope);
        if (type.isError() || type.isScalar()) {
            return !type.isError();
        }
        boolean sameShape = type.container() == declared.container() && type.arrayDims().size() == declared.arrayDims().size()
                && type.dims().size() == declared.dims().size() && !type.isInt();
        if (!sameShape) {
            diagnostics.error(ExprStart.of(expr), "a " + what + " of " + quoted(decl) + " must be a scalar or, one per"
                    + " element, of its type " + declared + ", got " + type);
            return false;
        }
        return true;
    }

    /**
     * offset and multiplier: for real and vector types (and arrays of them) only, not with
     * bounds, the multiplier positive where it is constant.
     */
    private void checkOffsetMultiplier(Decl decl, Scope scope, Type declared) {
        TypeExpr type = decl.type();
        if (type.offset() == null && type.multiplier() == null) {
            return;
        }
        Expr first = type.offset() != null ? type.offset() : type.multiplier();
        if (type.base() != TypeExpr.Base.REAL && type.base() != TypeExpr.Base.VECTOR) {
            diagnostics.error(ExprStart.of(first), quoted(decl) + " is declared " + type.base().keyword()
                    + "; offset and multiplier are for real and vector types");
            return;
        }
        if (type.lower() != null || type.upper() != null) {
            diagnostics.error(ExprStart.of(first), quoted(decl) + " has both bounds and an offset or multiplier;"
                    + " a type takes one or the other");
            return;
        }
        if (type.offset() != null) {
            fitsDeclared(decl, type.offset(), scope, declared, "offset");
        }
        if (type.multiplier() != null && fitsDeclared(decl, type.multiplier(), scope, declared, "multiplier")) {
            Double value = constants.valueOf(type.multiplier());
            if (value != null && !(value > 0 && value < Double.POSITIVE_INFINITY)) {
                diagnostics.error(ExprStart.of(type.multiplier()), quoted(decl) + " has multiplier "
                        + ExprText.of(type.multiplier()) + "; a multiplier must be positive and finite");
            }
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
