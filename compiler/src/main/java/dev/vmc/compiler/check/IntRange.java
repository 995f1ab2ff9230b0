package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.runtime.dist.Distribution;
import java.util.List;

/**
 * A range of integers as the checker knows it without data: an int latent's declared bounds, or
 * the values a discrete distribution's draws take. Each bound is a number (infinite where there
 * is none), or null where it needs data; its text is how a message writes it (categorical's
 * upper bound is its vector's size, which may be a name). Comparisons decide only what both
 * sides know, so the checker never refuses what it cannot decide.
 */
record IntRange(Double lower, Double upper, String lowerText, String upperText) {

    /** An int latent's bounds as declared: {@code int<lower=1, upper=K>} has upper null and text K. */
    static IntRange declared(TypeExpr type, Constants constants) {
        return new IntRange(bound(type.lower(), constants, Double.NEGATIVE_INFINITY),
                bound(type.upper(), constants, Double.POSITIVE_INFINITY),
                type.lower() == null ? null : ExprText.of(type.lower()),
                type.upper() == null ? null : ExprText.of(type.upper()));
    }

    /**
     * The values {@code d(args)} draws: d's support, whose upper bound the call narrows where it
     * sets one: a whole-vector parameter's size (categorical's K; ordered_logistic's K - 1 cutpoints
     * and one more), an integer-valued parameter's value (binomial's n). Needs the arguments typed.
     */
    static IntRange drawnBy(Distribution d, List<Expr> args, ExprTyper typer, Constants constants) {
        double lower = d.support().lower();
        int setter = upperSetter(d);
        if (setter < 0) {
            return new IntRange(lower, d.support().upper(), null, null);
        }
        Expr arg = args.get(setter);
        if (d.parameterRank(setter) == 1) {
            Type type = typer.typeOf(arg);
            // K is the vector's size, or the last axis of a matrix with a row per element
            Size size = type == null || type.rank() < 1 || type.rank() > 2 ? Size.UNKNOWN
                    : type.shape().get(type.rank() - 1);
            int beyond = d.valuesBeyondVectorSize();
            Double upper = size instanceof Size.Literal l ? lower + l.value() - 1 + beyond : null;
            String text = size instanceof Size.Named n && lower == 1 ? n.name() + (beyond == 0 ? "" : " + " + beyond) : null;
            return new IntRange(lower, upper, null, text);
        }
        Double upper = constants.valueOf(arg);
        return new IntRange(lower, upper, null, upper == null ? ExprText.of(arg) : null);
    }

    /** The values d draws whatever its arguments: the upper bound is unknown where a call sets it. */
    static IntRange family(Distribution d) {
        int setter = upperSetter(d);
        return new IntRange(d.support().lower(), setter < 0 ? Double.valueOf(d.support().upper()) : null, null, null);
    }

    /** The parameter that sets a discrete family's largest value (categorical's theta, binomial's n), or -1. */
    private static int upperSetter(Distribution d) {
        for (int i = 0; i < d.parameterNames().size(); i++) {
            // a family whose draw is a whole array (multinomial) has per-draw vectors, not categories
            if (d.parameterRank(i) == 1 && d.eventRank() == 0 || d.parameterSupports().get(i).isDiscrete()) {
                return i;
            }
        }
        return -1;
    }

    /** Whether every value of {@code inner} lies in this range, as far as both are known. */
    boolean mayContain(IntRange inner) {
        boolean lowerOut = lower != null && inner.lower != null && inner.lower < lower;
        boolean upperOut = upper != null && inner.upper != null && inner.upper > upper;
        return !lowerOut && !upperOut;
    }

    /** The bounds as the language writes them: {@code <lower=0>}, {@code <lower=1, upper=K>}; empty if none. */
    String constraint() {
        String l = text(lower, lowerText, Double.NEGATIVE_INFINITY);
        String u = text(upper, upperText, Double.POSITIVE_INFINITY);
        if (l == null && u == null) {
            return "";
        }
        return "<" + (l == null ? "upper=" + u : u == null ? "lower=" + l : "lower=" + l + ", upper=" + u) + ">";
    }

    /** For messages: {@code {0, 1}}, {@code integers >= 0}, {@code integers in [1, K]}. */
    String describe() {
        String l = text(lower, lowerText, Double.NEGATIVE_INFINITY);
        String u = text(upper, upperText, Double.POSITIVE_INFINITY);
        if ("0".equals(l) && "1".equals(u)) {
            return "{0, 1}";
        }
        if (l == null || u == null) {
            return l == null && u == null ? "all integers" : l == null ? "integers <= " + u : "integers >= " + l;
        }
        return "integers in [" + l + ", " + u + "]";
    }

    /** Null where the bound is absent (infinite) or unknown without a text. */
    private static String text(Double value, String text, double absent) {
        if (value == null) {
            return text;
        }
        return value == absent ? null : text != null ? text : DeclaredValues.number(value);
    }

    private static Double bound(Expr bound, Constants constants, double absent) {
        return bound == null ? Double.valueOf(absent) : constants.valueOf(bound);
    }
}
