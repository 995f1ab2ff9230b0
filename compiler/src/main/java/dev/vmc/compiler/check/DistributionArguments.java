package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Builtins;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Pos;
import dev.vmc.compiler.diag.Diagnostics;
import dev.vmc.runtime.dist.Distribution;
import dev.vmc.runtime.dist.Distributions;
import java.util.List;

/**
 * A distribution named with its arguments, against the variate's type: the distribution
 * exists, takes that many arguments, and each has a shape that goes with the variate. The
 * same checks serve {@code y ~ d(args)} and the expression {@code d_lpdf(y | args)}.
 */
final class DistributionArguments {
    private final Constants constants;
    private final Diagnostics diagnostics;

    DistributionArguments(Constants constants, Diagnostics diagnostics) {
        this.constants = constants;
        this.diagnostics = diagnostics;
    }

    /**
     * @param argExprs the arguments as written, where a message points
     * @param args     their types, already found
     * @return the distribution if the call fits, null (reported) if not
     */
    Distribution check(Distribution distribution, Pos at, List<Expr> argExprs, List<Type> args, Type variate) {
        List<String> parameters = distribution.parameterNames();
        if (args.size() != parameters.size()) {
            diagnostics.error(at, distribution.name() + " takes " + parameters.size()
                    + (parameters.size() == 1 ? " argument (" : " arguments (") + String.join(", ", parameters)
                    + "), got " + args.size());
            return null;
        }
        if (distribution.support().isMatrixValued() && !variate.isError() && !isSquareMatrix(variate)) {
            diagnostics.error(at, distribution.name() + " is a distribution over one square matrix ("
                    + distribution.support().describe() + "), but the left side is " + variate);
            return null;
        }
        boolean fits = true;
        for (int i = 0; i < args.size(); i++) {
            Type arg = args.get(i);
            if (arg.isError() || variate.isError()) {
                continue;
            }
            String problem = distribution.eventRank() == 1
                    ? perDrawProblem(arg, variate, distribution.parameterRank(i), distribution.isDiscrete())
                    : distribution.support().isVectorValued() ? sameVectorProblem(arg, variate)
                    : distribution.parameterRank(i) == 1 ? wholeVectorProblem(arg, variate)
                    : elementwiseProblem(arg, variate);
            if (problem == null && distribution.support().isVectorValued()) {
                problem = constantValuesProblem(distribution, i, argExprs.get(i));
            }
            if (problem != null) {
                diagnostics.error(ExprStart.of(argExprs.get(i)), "argument " + parameters.get(i) + " of "
                        + distribution.name() + " " + problem);
                fits = false;
            }
        }
        return fits ? distribution : null;
    }

    private static String elementwiseProblem(Type arg, Type variate) {
        if (arg.isScalar() || arg.sameShapeAs(variate)) {
            return null;
        }
        if (variate.isScalar()) {
            return "must be a scalar, like the left side, got " + arg;
        }
        return "must be a scalar or have the left side's shape " + variate + ", got " + arg;
    }

    /**
     * A family whose draws are vectors (multi_normal): the left side is a vector of K or an array
     * of them; a vector parameter has K elements (one for all draws, or an array of them, one per
     * draw), and a matrix parameter is K x K.
     */
    private static String perDrawProblem(Type arg, Type variate, int rank, boolean discrete) {
        if (discrete) {
            return countsProblem(arg, variate);
        }
        if (!isVectorLike(variate)) {
            return "needs a left side of vectors, one per draw (a vector, or an array of vectors), got " + variate;
        }
        Size k = variate.dims().get(0);
        if (rank == 1 && isVectorLike(arg) && arg.dims().get(0).matches(k)
                && (!arg.isArray() || arg.sameShapeAs(variate))) {
            return null;
        }
        if (rank == 2 && arg.container() == Type.Container.MATRIX && !arg.isArray() && arg.dims().get(0).matches(k)
                && arg.dims().get(1).matches(k)) {
            return null;
        }
        return rank == 1 ? "must be a vector[" + k + "] (or one per draw, " + variate + "), got " + arg
                : "must be a matrix[" + k + ", " + k + "], got " + arg;
    }

    /**
     * A discrete family whose draw is a whole array (multinomial): one array of K counts, a vector
     * of K; that the counts are ints is {@link VariateKinds}'s to say, with its fix.
     */
    private static String countsProblem(Type arg, Type variate) {
        if (variate.rank() != 1) {
            return "needs a left side of one array of int counts, got " + variate;
        }
        Size k = variate.shape().get(0);
        if (isVectorLike(arg) && !arg.isArray() && arg.dims().get(0).matches(k)) {
            return null;
        }
        return "must be a vector[" + k + "], one probability per count, got " + arg;
    }

    private static boolean isSquareMatrix(Type t) {
        return t.container() == Type.Container.MATRIX && !t.isArray() && t.dims().get(0).matches(t.dims().get(1));
    }

    private static boolean isVectorLike(Type t) {
        return t.container() == Type.Container.VECTOR || t.container() == Type.Container.ROW_VECTOR;
    }

    /** A distribution over whole vectors (dirichlet) takes one parameter value per element of the one vector. */
    private static String sameVectorProblem(Type arg, Type variate) {
        if (arg.rank() == 1 && arg.sameShapeAs(variate)) {
            return null;
        }
        return "must be a vector of the left side's size, " + variate + ", got " + arg;
    }

    /** One vector for every element of the left side, or a matrix with a row for each of a vector's elements. */
    private static String wholeVectorProblem(Type arg, Type variate) {
        if (arg.rank() == 1) {
            return null;
        }
        if (arg.rank() == 2 && variate.rank() == 1 && arg.shape().get(0).matches(variate.shape().get(0))) {
            return null;
        }
        return "must be a vector (one for every element of the left side), or a matrix with a row for each"
                + " element, got " + arg;
    }

    /**
     * An argument of literals alone against its parameter's support; the binder checks one over
     * data. Only for the distributions over vectors: a scalar family's parameter may sit on the
     * edge of its support (categorical's theta at 0, poisson's lambda at 0) where its own
     * density gives the limit, and checking those is a change of its own.
     */
    private String constantValuesProblem(Distribution distribution, int index, Expr argument) {
        double[] values = constants.elementsOf(argument);
        if (values == null) {
            return null;
        }
        return DeclaredValues.argument(distribution.parameterSupports().get(index), argument, values);
    }

    /** The distribution of that name, or null, reported with the nearest name there is. */
    Distribution lookup(String name, Pos at) {
        Distribution distribution = Distributions.lookup(name).orElse(null);
        if (distribution != null) {
            return distribution;
        }
        List<String> known = Distributions.all().stream().map(Distribution::name).toList();
        String message = "unknown distribution '" + name + "'";
        String suggestion = Suggestions.nearest(name, known).orElse(null);
        if (suggestion != null) {
            message += "; did you mean '" + suggestion + "'?";
        } else if (Builtins.exists(name)) {
            message += ": " + name + " is a function";
        } else {
            message += "; the distributions are " + String.join(", ", known);
        }
        diagnostics.error(at, message);
        return null;
    }
}
