package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.runtime.transform.Support;

/**
 * Bounds the checker can read without data: those of literals alone ({@link Constants}). A
 * bound over data ({@code <upper=J>}) is known only when the data is bound, so checks that
 * need it are skipped.
 */
final class StaticBounds {
    private StaticBounds() {}

    /**
     * The support of a real variable declared with this type (a simplex's for a simplex), or null where a bound needs data
     * or the bounds leave nothing between them.
     */
    static Support supportOf(TypeExpr type, Constants constants) {
        if (type.base().blockSupport() != null) {
            return type.base().blockSupport();
        }
        Double lower = constants.valueOf(type.lower());
        Double upper = constants.valueOf(type.upper());
        if ((type.lower() != null && lower == null) || (type.upper() != null && upper == null)) {
            return null;
        }
        if (lower != null && upper != null && !(lower < upper)) {
            return null;
        }
        if ((lower != null && Double.isNaN(lower)) || (upper != null && Double.isNaN(upper))) {
            return null;
        }
        return Support.ofBounds(lower, upper);
    }

    /** The constraint as written: {@code <lower=0>}, {@code <lower=0, upper=1>}; empty if none. */
    static String written(TypeExpr type) {
        if (type.lower() == null && type.upper() == null) {
            return "";
        }
        StringBuilder text = new StringBuilder("<");
        if (type.lower() != null) {
            text.append("lower=").append(ExprText.of(type.lower()));
        }
        if (type.upper() != null) {
            text.append(type.lower() != null ? ", " : "").append("upper=").append(ExprText.of(type.upper()));
        }
        return text.append(">").toString();
    }
}
