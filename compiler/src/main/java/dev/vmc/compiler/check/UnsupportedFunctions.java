package dev.vmc.compiler.check;

import java.util.Map;

/**
 * Stan functions vmc does not have, each with what to do instead; a call to one is reported
 * by this message alone, not with "unknown function" and an error per argument (the first
 * argument of most is a function name, which would read as an undeclared variable).
 */
final class UnsupportedFunctions {
    private UnsupportedFunctions() {}

    private static final String PARALLEL = " is not supported: vmc has no parallel map; write the sum or the calls directly";
    private static final String SOLVER = " is not supported: vmc has no algebraic solver";

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("reduce_sum", "reduce_sum" + PARALLEL),
            Map.entry("reduce_sum_static", "reduce_sum_static" + PARALLEL),
            Map.entry("map_rect", "map_rect" + PARALLEL),
            Map.entry("algebra_solver", "algebra_solver" + SOLVER),
            Map.entry("algebra_solver_newton", "algebra_solver_newton" + SOLVER),
            Map.entry("solve_newton", "solve_newton" + SOLVER),
            Map.entry("solve_newton_tol", "solve_newton_tol" + SOLVER),
            Map.entry("solve_powell", "solve_powell" + SOLVER),
            Map.entry("solve_powell_tol", "solve_powell_tol" + SOLVER),
            Map.entry("integrate_1d", "integrate_1d is not supported: vmc has no one-dimensional integrator"),
            Map.entry("integrate_ode", "integrate_ode was removed in Stan 2.33 and is not supported: use ode_rk45"),
            Map.entry("dae", "DAE solvers (dae) are not supported"),
            Map.entry("dae_tol", "DAE solvers (dae_tol) are not supported"),
            Map.entry("ode_adjoint_tol_ctl", "ode_adjoint_tol_ctl is not supported: use ode_rk45_tol or ode_bdf_tol"),
            Map.entry("if_else", "if_else was removed in Stan 2.33: write 'c ? a : b'"),
            Map.entry("hmm_marginal", "hmm_marginal is not supported yet: write the forward algorithm with log_sum_exp"),
            Map.entry("hmm_latent_rng", "hmm_latent_rng is not supported"),
            Map.entry("hmm_hidden_state_prob", "hmm_hidden_state_prob is not supported"));

    /** What to say of a call to this function, or null if vmc does not refuse it by name. */
    static String message(String function) {
        return MESSAGES.get(function);
    }
}
