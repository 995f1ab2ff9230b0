package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Builtins;
import dev.vmc.compiler.check.Type.Element;
import dev.vmc.runtime.dist.Distributions;
import java.util.List;
import java.util.stream.Collectors;

/** The typing rules of the built-in functions, driven by {@link Builtins}. */
final class CallTypes {
    private CallTypes() {}

    static Outcome call(String name, List<Type> args) {
        if (!Builtins.exists(name)) {
            if (Distributions.lookup(name).isPresent()) {
                return Outcome.fail("'" + name + "' is a distribution, not a function; use it in a ~ statement");
            }
            return Outcome.fail("unknown function '" + name + "'");
        }
        Builtins.Builtin builtin = Builtins.lookup(name, args.size()).orElse(null);
        if (builtin == null) {
            return Outcome.fail(name + " takes " + arityText(Builtins.arities(name)) + ", got " + args.size());
        }
        if (args.stream().anyMatch(Type::isError)) {
            return Outcome.ok(Type.ERROR);
        }
        return switch (builtin.kind()) {
            case ELEMENTWISE -> Outcome.ok(args.get(0).withElement(Element.REAL));
            case ELEMENTWISE_BINARY -> OperatorTypes.elementwise(args.get(0), args.get(1), Element.REAL,
                    name + " needs arguments of one shape or a scalar, got " + args.get(0) + " and " + args.get(1));
            case REDUCTION -> Outcome.ok(Type.REAL);
            case DOT_PRODUCT -> dotProduct(args.get(0), args.get(1));
            case REPEAT -> repeat(name, args);
            case TERNARY -> name.equals("fma") ? fma(args) : logMix(args);
            case CUMULATIVE -> notOneDimensional(name, args.get(0)) != null
                    ? Outcome.fail(notOneDimensional(name, args.get(0))) : Outcome.ok(args.get(0).withElement(Element.REAL));
            case SLICE -> slice(name, args);
            case RESHAPE -> refilled(args);
            case LINEAR_ALGEBRA -> LinearAlgebraTypes.call(name, args);
        };
    }

    /** a * b + c, broadcast as arithmetic is. */
    private static Outcome fma(List<Type> args) {
        String complaint = "fma needs arguments of one shape or scalars, got " + args.get(0) + ", " + args.get(1)
                + " and " + args.get(2);
        Outcome product = OperatorTypes.elementwise(args.get(0), args.get(1), Element.REAL, complaint);
        return product.failed() ? product : OperatorTypes.elementwise(product.type(), args.get(2), Element.REAL, complaint);
    }

    /**
     * log_mix(theta, lp1, lp2) of three reals. Stan's forms with vector arguments mean a mixture
     * over components rather than many two-component mixtures, so they are refused, not broadcast.
     */
    private static Outcome logMix(List<Type> args) {
        if (!args.stream().allMatch(Type::isScalar)) {
            return Outcome.fail("log_mix takes three reals (theta, lp1, lp2), got " + args.get(0) + ", " + args.get(1)
                    + " and " + args.get(2));
        }
        return Outcome.ok(Type.REAL);
    }

    /** What cumulative_sum, head, tail and segment work along, a vector or an array of numbers; null if v is one. */
    private static String notOneDimensional(String name, Type v) {
        return v.rank() == 1 ? null : name + " needs a vector or a one-dimensional array, got " + v;
    }

    /**
     * The container and the int-ness of the size (and segment's start); the size itself is read
     * from the expression by {@link ExprTyper}, as rep_vector's is.
     */
    private static Outcome slice(String name, List<Type> args) {
        if (notOneDimensional(name, args.get(0)) != null) {
            return Outcome.fail(notOneDimensional(name, args.get(0)));
        }
        List<String> roles = name.equals("segment") ? List.of("start", "size") : List.of("size");
        for (int i = 0; i < roles.size(); i++) {
            Type t = args.get(i + 1);
            if (!t.isInt() || !t.isScalar()) {
                return Outcome.fail(name + "'s " + roles.get(i) + " must be an int, got " + t);
            }
        }
        return Outcome.ok(args.get(0));
    }

    /** to_matrix(x, m, n): the sizes' types; the sizes themselves are read by {@link ExprTyper}, as rep_matrix's are. */
    private static Outcome refilled(List<Type> args) {
        Type x = args.get(0);
        boolean ok = (!x.isArray() && !x.isScalar())
                || (x.container() == Type.Container.SCALAR && x.arrayDims().size() == 1);
        if (!ok) {
            return Outcome.fail("to_matrix(x, m, n) refills a vector, a row_vector, a matrix or a one-dimensional array,"
                    + " got " + x);
        }
        for (Type size : args.subList(1, 3)) {
            if (!size.isInt() || !size.isScalar()) {
                return Outcome.fail("to_matrix's size must be an int, got " + size);
            }
        }
        return Outcome.ok(Type.matrix(Size.UNKNOWN, Size.UNKNOWN));
    }

    private static Outcome dotProduct(Type a, Type b) {
        if (a.rank() != 1 || b.rank() != 1 || !a.sameShapeAs(b)) {
            return Outcome.fail("dot_product needs two vectors of the same size, got " + a + " and " + b);
        }
        return Outcome.ok(Type.REAL);
    }

    /** Sizes are read from the expressions by {@link ExprTyper}; here only their types are checked. */
    private static Outcome repeat(String name, List<Type> args) {
        Type value = args.get(0);
        if (name.equals("rep_matrix") && args.size() == 2) {
            return repeatVector(value, args.get(1));
        }
        if (!value.isScalar()) {
            return Outcome.fail(name + " repeats a single number, got " + value);
        }
        for (Type size : args.subList(1, args.size())) {
            if (!size.isInt() || !size.isScalar()) {
                return Outcome.fail(name + "'s size must be an int, got " + size);
            }
        }
        return Outcome.ok(switch (name) {
            case "rep_row_vector" -> Type.rowVector(Size.UNKNOWN);
            case "rep_matrix" -> Type.matrix(Size.UNKNOWN, Size.UNKNOWN);
            default -> Type.vector(Size.UNKNOWN);
        });
    }

    /**
     * rep_matrix(v, n): n copies of a vector as the columns of a matrix, or of a row_vector as its
     * rows; which one is the argument's type, kept for the lowering (both are rank 1 at run time).
     */
    private static Outcome repeatVector(Type value, Type size) {
        boolean oneVector = !value.isArray() && (value.container() == Type.Container.VECTOR
                || value.container() == Type.Container.ROW_VECTOR);
        if (!oneVector) {
            return Outcome.fail("rep_matrix(v, n) repeats a vector as columns or a row_vector as rows, got " + value
                    + (value.isScalar() ? "; rep_matrix(x, m, n) repeats a single number" : ""));
        }
        if (!size.isInt() || !size.isScalar()) {
            return Outcome.fail("rep_matrix's size must be an int, got " + size);
        }
        return Outcome.ok(Type.matrix(Size.UNKNOWN, Size.UNKNOWN));
    }

    private static String arityText(List<Integer> arities) {
        List<String> counts = arities.stream().sorted().map(String::valueOf).collect(Collectors.toList());
        String joined = counts.size() == 1 ? counts.get(0)
                : String.join(", ", counts.subList(0, counts.size() - 1)) + " or " + counts.get(counts.size() - 1);
        boolean one = arities.size() == 1 && arities.get(0) == 1;
        return joined + (one ? " argument" : " arguments");
    }
}
