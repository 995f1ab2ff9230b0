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
            case REPEAT -> repeat(args.get(0), args.get(1));
        };
    }

    private static Outcome dotProduct(Type a, Type b) {
        if (a.rank() != 1 || b.rank() != 1 || !a.sameShapeAs(b)) {
            return Outcome.fail("dot_product needs two vectors of the same size, got " + a + " and " + b);
        }
        return Outcome.ok(Type.REAL);
    }

    /** The element and the size's types; the size itself is read from the expression by {@link ExprTyper}. */
    private static Outcome repeat(Type value, Type size) {
        if (!value.isScalar()) {
            return Outcome.fail("rep_vector repeats a single number, got " + value);
        }
        if (!size.isInt() || !size.isScalar()) {
            return Outcome.fail("rep_vector's size must be an int, got " + size);
        }
        return Outcome.ok(Type.vector(Size.UNKNOWN));
    }

    private static String arityText(List<Integer> arities) {
        List<String> counts = arities.stream().sorted().map(String::valueOf).collect(Collectors.toList());
        String joined = counts.size() == 1 ? counts.get(0)
                : String.join(", ", counts.subList(0, counts.size() - 1)) + " or " + counts.get(counts.size() - 1);
        boolean one = arities.size() == 1 && arities.get(0) == 1;
        return joined + (one ? " argument" : " arguments");
    }
}
