package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.OdeFunctions;
import java.util.List;

/**
 * The typing rules of Stan's ODE solvers (see {@link OdeFunctions}): the arguments' kinds and
 * shapes, the right-hand side's signature against them, and the result, {@code array[T, N]
 * real} for integrate_ode_*, {@code array[T] vector[N]} for ode_*. Which arguments must be
 * data is the caller's check ({@link #dataArguments}), since it needs the symbols.
 */
final class OdeCalls {
    private OdeCalls() {}

    /** The arguments Stan requires to be data, by position, with their roles: x_r, x_i and the tolerances. */
    static List<Role> dataArguments(OdeFunctions.Solver solver, int arity) {
        List<Role> roles = new java.util.ArrayList<>();
        if (solver.old()) {
            roles.add(new Role(5, "x_r"));
            roles.add(new Role(6, "x_i"));
        }
        if (solver.setsTolerances(arity)) {
            int at = solver.toleranceAt();
            roles.add(new Role(at, "relative tolerance"));
            roles.add(new Role(at + 1, "absolute tolerance"));
            roles.add(new Role(at + 2, "maximum number of steps"));
        }
        return roles;
    }

    record Role(int position, String name) {}

    /** How many arguments the call may have, or a complaint. */
    static String arityProblem(OdeFunctions.Solver solver, int arity) {
        if (solver.old() && arity != 7 && arity != 10) {
            return solver.name() + " takes 7 arguments (f, y0, t0, ts, theta, x_r, x_i) or 10 (with rel_tol, abs_tol,"
                    + " max_num_steps), got " + arity;
        }
        if (!solver.old() && arity < solver.leading()) {
            return solver.name() + " takes at least " + solver.leading() + " arguments (f, y0, t0, ts"
                    + (solver.tolerances() ? ", rel_tol, abs_tol, max_num_steps" : "") + ", then f's own), got " + arity;
        }
        return null;
    }

    /**
     * The call's type, given its arguments' types ({@code args.get(0)} unused: the first argument
     * names f) and f's signature.
     */
    static Outcome type(OdeFunctions.Solver solver, List<Type> args, FunctionSignature f) {
        String name = solver.name();
        Type y0 = args.get(1);
        Type t0 = args.get(2);
        Type ts = args.get(3);
        boolean states = solver.old() ? y0.arrayDims().size() == 1 && y0.container() == Type.Container.SCALAR
                : !y0.isArray() && y0.container() == Type.Container.VECTOR;
        if (!states) {
            return Outcome.fail(name + "'s initial state must be " + (solver.old() ? "a real[]" : "a vector") + ", got " + y0);
        }
        if (!t0.isScalar()) {
            return Outcome.fail(name + "'s initial time must be a real, got " + t0);
        }
        if (ts.rank() != 1) {
            return Outcome.fail(name + "'s output times must be an array of reals, got " + ts);
        }
        if (solver.setsTolerances(args.size())) {
            int at = solver.toleranceAt();
            if (!args.get(at).isScalar() || !args.get(at + 1).isScalar()) {
                return Outcome.fail(name + "'s tolerances must be reals, got " + args.get(at) + " and " + args.get(at + 1));
            }
            // the old interface takes a real (lotka_volterra.stan passes 5e2), the new an int
            if (!args.get(at + 2).isScalar() || !solver.old() && !args.get(at + 2).isInt()) {
                return Outcome.fail(name + "'s maximum number of steps must be " + (solver.old() ? "a number" : "an int")
                        + ", got " + args.get(at + 2));
            }
        }
        List<Type> passed = solver.old() ? args.subList(4, 7) : args.subList(solver.leading(), args.size());
        if (solver.old()) {
            for (int i = 0; i < 3; i++) {
                Type t = passed.get(i);
                String role = List.of("theta", "x_r", "x_i").get(i);
                if (t.rank() != 1 || i == 2 && !t.isInt()) {
                    return Outcome.fail(name + "'s " + role + " must be " + (i == 2 ? "an int[]" : "a real[]") + ", got " + t);
                }
            }
        }
        String mismatch = signatureProblem(solver, f, y0, passed);
        if (mismatch != null) {
            return Outcome.fail(mismatch);
        }
        Size n = y0.shape().get(0);
        Size t = ts.shape().get(0);
        return Outcome.ok(solver.old() ? new Type(Type.Element.REAL, Type.Container.SCALAR, List.of(t, n), List.of())
                : new Type(Type.Element.REAL, Type.Container.VECTOR, List.of(t), List.of(n)));
    }

    /**
     * Whether f takes (t, y, the passed arguments) and gives a state's derivative: real and real[]
     * then real[] for the old interface, real and vector then vector for the new.
     */
    private static String signatureProblem(OdeFunctions.Solver solver, FunctionSignature f, Type y0, List<Type> passed) {
        String expected = "the right-hand side '" + f.name() + "' of " + solver.name() + " must take (real t, "
                + (solver.old() ? "real[] y, real[] theta, real[] x_r, int[] x_i" : "vector y" + describe(passed))
                + ") and return " + (solver.old() ? "real[]" : "vector");
        List<Type> params = f.parameters();
        if (params.size() != 2 + passed.size() || !params.get(0).isScalar() || params.get(1).rank() != 1
                || f.result().rank() != 1 || !solver.old() && f.result().container() != Type.Container.VECTOR) {
            return expected + "; it is declared " + declared(f);
        }
        for (int i = 0; i < passed.size(); i++) {
            Type param = params.get(i + 2);
            Type arg = passed.get(i);
            if (param.rank() != arg.rank() || param.isInt() && !arg.isInt() || !param.sameShapeAs(arg)) {
                return "argument " + (i + 1) + " passed to '" + f.name() + "' by " + solver.name() + " is " + arg
                        + ", but '" + f.name() + "' takes " + param + " there";
            }
        }
        if (!f.result().sameShapeAs(y0)) {
            return "'" + f.name() + "' returns " + f.result() + ", which does not fit the initial state " + y0;
        }
        return null;
    }

    private static String describe(List<Type> passed) {
        StringBuilder out = new StringBuilder();
        for (Type t : passed) {
            out.append(", ").append(t);
        }
        return out.toString();
    }

    private static String declared(FunctionSignature f) {
        return f.result() + " " + f.name() + f.parameters().stream().map(Type::toString)
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }
}
