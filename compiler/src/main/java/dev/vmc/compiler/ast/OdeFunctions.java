package dev.vmc.compiler.ast;

import java.util.List;
import java.util.Optional;

/**
 * Stan's ODE solvers: calls whose first argument names the right-hand side, a function from
 * the functions block, rather than a value. The old interface ({@code integrate_ode_rk45(f, y0,
 * t0, ts, theta, x_r, x_i[, rel_tol, abs_tol, max_num_steps])}) gives {@code array[T, N] real};
 * the new ({@code ode_rk45(f, y0, t0, ts, ...)}, {@code ode_rk45_tol(f, y0, t0, ts, rel_tol,
 * abs_tol, max_num_steps, ...)}) passes its trailing arguments to f and gives
 * {@code array[T] vector[N]}. Every method integrates with the same adaptive Dormand-Prince
 * pair; a stiff method's name is accepted for the programs that use it.
 */
public final class OdeFunctions {
    private OdeFunctions() {}

    /**
     * @param name       as a program writes it
     * @param old        the integrate_ode_* form: fixed arguments theta, x_r, x_i and real[] states
     * @param tolerances whether the call carries rel_tol, abs_tol and max_num_steps (old: when it has 10 arguments)
     * @param stiff      a method Stan offers for stiff systems (bdf)
     */
    public record Solver(String name, boolean old, boolean tolerances, boolean stiff) {
        /** The arguments before f's own (new interface) or in all (old): f, y0, t0, ts and any tolerances. */
        public int leading() {
            return tolerances && !old ? 7 : 4;
        }

        /** Where rel_tol sits among the arguments, when the call has tolerances. */
        public int toleranceAt() {
            return old ? 7 : 4;
        }

        /** Whether this call, of {@code arity} arguments, sets its own tolerances. */
        public boolean setsTolerances(int arity) {
            return old ? arity == 10 : tolerances;
        }
    }

    private static final List<Solver> ALL = List.of(
            new Solver("integrate_ode_rk45", true, false, false),
            new Solver("integrate_ode_adams", true, false, false),
            new Solver("integrate_ode_bdf", true, false, true),
            new Solver("ode_rk45", false, false, false),
            new Solver("ode_rk45_tol", false, true, false),
            new Solver("ode_ckrk", false, false, false),
            new Solver("ode_ckrk_tol", false, true, false),
            new Solver("ode_adams", false, false, false),
            new Solver("ode_adams_tol", false, true, false),
            new Solver("ode_bdf", false, false, true),
            new Solver("ode_bdf_tol", false, true, true));

    public static Optional<Solver> lookup(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public static boolean isSolver(String name) {
        return lookup(name).isPresent();
    }

    /** The arguments that are values: all but the first, which names the right-hand side. */
    public static List<Expr> valueArguments(Expr.Call call) {
        return isSolver(call.function()) && !call.args().isEmpty() ? call.args().subList(1, call.args().size()) : call.args();
    }
}
