package dev.vmc.compiler.check;

import dev.vmc.compiler.check.Type.Container;
import java.util.List;

/** The typing rules of the matrix functions ({@code Builtins.Kind.LINEAR_ALGEBRA}), by name. */
final class LinearAlgebraTypes {
    private LinearAlgebraTypes() {}

    static Outcome call(String name, List<Type> args) {
        return switch (name) {
            case "diag_matrix" -> isVector(args.get(0)) ? Outcome.ok(square(args.get(0).dims().get(0)))
                    : fail(name, "a vector", args);
            case "cholesky_decompose" -> isSquare(args.get(0)) ? Outcome.ok(args.get(0).withElement(Type.Element.REAL))
                    : fail(name, "a square matrix", args);
            case "add_diag" -> isSquare(args.get(0)) && (args.get(1).isScalar()
                    || (isVector(args.get(1)) && args.get(1).dims().get(0).matches(args.get(0).dims().get(0))))
                    ? Outcome.ok(args.get(0).withElement(Type.Element.REAL))
                    : fail(name, "a square matrix and a real or a vector of its size", args);
            case "gp_exp_quad_cov", "cov_exp_quad", "gp_matern32_cov", "gp_matern52_cov" -> covariance(name, args);
            default -> throw new IllegalStateException("no typing rule for " + name);
        };
    }

    /** (x, alpha, rho) or (x1, x2, alpha, rho): points as arrays of reals or of vectors of one size. */
    private static Outcome covariance(String name, List<Type> args) {
        List<Type> points = args.subList(0, args.size() - 2);
        boolean ok = args.get(args.size() - 1).isScalar() && args.get(args.size() - 2).isScalar();
        for (Type x : points) {
            ok &= x.arrayDims().size() == 1 && (x.container() == Container.SCALAR || x.container() == Container.VECTOR);
        }
        if (ok && points.size() == 2) {
            ok = points.get(0).container() == points.get(1).container()
                    && points.get(0).dims().stream().allMatch(d -> d.matches(points.get(1).dims().get(0)));
        }
        if (!ok) {
            return fail(name, "points (an array of reals or of vectors), " + (points.size() == 2 ? "more points, " : "")
                    + "a magnitude alpha and a length-scale rho", args);
        }
        return Outcome.ok(Type.matrix(points.get(0).arrayDims().get(0), points.get(points.size() - 1).arrayDims().get(0)));
    }

    private static boolean isVector(Type t) {
        return t.container() == Container.VECTOR && !t.isArray();
    }

    private static boolean isSquare(Type t) {
        return t.container() == Container.MATRIX && !t.isArray() && t.dims().get(0).matches(t.dims().get(1));
    }

    private static Type square(Size size) {
        return Type.matrix(size, size);
    }

    private static Outcome fail(String name, String needs, List<Type> args) {
        return Outcome.fail(name + " needs " + needs + ", got " + String.join(", ", args.stream().map(Type::toString).toList()));
    }
}
