package dev.vmc.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.diag.CompileException;
import dev.vmc.compiler.parse.ProgramParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ODE solvers' typing, with right-hand sides declared as the functions block will declare them. */
class OdeCallsTest {
    private static final Type REALS = new Type(Type.Element.REAL, Type.Container.SCALAR, List.of(Size.UNKNOWN), List.of());
    private static final Type INTS = REALS.withElement(Type.Element.INT);
    private static final Type VECTOR = Type.vector(Size.UNKNOWN);
    /** real[] dz_dt(real t, real[] z, real[] theta, real[] x_r, int[] x_i), as lotka_volterra.stan declares it. */
    private static final FunctionSignature OLD = new FunctionSignature("dz_dt", List.of(Type.REAL, REALS, REALS, REALS, INTS),
            REALS);
    /** vector sho(real t, vector y, real theta, array[] real x). */
    private static final FunctionSignature NEW = new FunctionSignature("sho", List.of(Type.REAL, VECTOR, Type.REAL, REALS),
            VECTOR);

    private static final String DATA = """
            data {
              int<lower=0> N;
              array[N] real ts;
              array[3] real xs;
              real tol;
            }
            parameters {
              array[4] real<lower=0> theta;
              array[2] real<lower=0> z_init;
              vector[2] y0;
              real k;
            }
            """;

    private static CheckedProgram check(String body) {
        String source = DATA + "transformed parameters {\n" + body + "\n}\nmodel {\n  k ~ normal(0, 1);\n}\n";
        return Checker.check(ProgramParser.parse("ode.stan", source), Map.of("dz_dt", OLD, "sho", NEW));
    }

    private static void assertError(String body, String expected) {
        String message = error(body);
        assertTrue(message.contains(expected), "expected \"" + expected + "\" in:\n" + message);
    }

    private static String error(String body) {
        CompileException e = assertThrows(CompileException.class, () -> check(body));
        return e.getMessage();
    }

    /** The type the checker gave the call of {@code function}. */
    private static Type callType(CheckedProgram checked, String function) {
        for (Map.Entry<Expr, Type> e : checked.types().entrySet()) {
            if (e.getKey() instanceof Expr.Call c && c.function().equals(function)) {
                return e.getValue();
            }
        }
        throw new AssertionError(function + " not called");
    }

    @Test
    void theOldInterfaceGivesAnArrayOfRealsOfTimesByStates() {
        CheckedProgram checked = check("""
                  array[N, 2] real z;
                  z = integrate_ode_rk45(dz_dt, z_init, 0, ts, theta, {0.0}, {0}, 1e-5, 1e-3, 5e2);
                """);
        assertEquals("array[N, 2] real", callType(checked, "integrate_ode_rk45").toString());
        check("""
                  array[N, 2] real z;
                  z = integrate_ode_bdf(dz_dt, z_init, 0, ts, theta, xs, {0});
                """);
    }

    @Test
    void theNewInterfacePassesItsTrailingArgumentsToTheFunction() {
        assertEquals("array[N] vector[2]", callType(check("""
                  array[N] vector[2] y;
                  y = ode_rk45(sho, y0, 0, ts, k, xs);
                """), "ode_rk45").toString());
        check("""
                  array[N] vector[2] y;
                  y = ode_bdf_tol(sho, y0, 0, ts, tol, 1e-6, 1000, k, xs);
                """);
        String wrongShape = error("""
                  array[N] vector[2] y;
                  y = ode_adams(sho, y0, 0, ts, xs, k);
                """);
        assertTrue(wrongShape.contains("argument 1 passed to 'sho' by ode_adams is array[3] real, but 'sho' takes real there"),
                wrongShape);
        String result = error("""
                  array[N] vector[3] y;
                  y = ode_rk45(sho, y0, 0, ts, k, xs);
                """);
        assertTrue(result.contains("array[N] vector[2]"), result);
    }

    @Test
    void reportsWhatDoesNotFit() {
        assertError("""
                  array[N, 2] real z;
                  z = integrate_ode_rk45(dz_dt, z_init, 0, ts, theta, {0.0}, {0}, k, 1e-3, 5e2);
                """, "integrate_ode_rk45's relative tolerance must be data, but 'k' is a latent");
        assertError("""
                  array[N, 2] real z;
                  z = integrate_ode_rk45(dz_dt, z_init, 0, ts, theta, {0.0});
                """, "integrate_ode_rk45 takes 7 arguments (f, y0, t0, ts, theta, x_r, x_i) or 10");
        assertError("""
                  array[N] vector[2] y;
                  y = ode_rk45(dz_dt, y0, 0, ts, k);
                """, "the right-hand side 'dz_dt' of ode_rk45 must take (real t, vector y, real) and return vector;"
                        + " it is declared array[?] real dz_dt(real, array[?] real, array[?] real, array[?] real, array[?] int)");
        assertError("""
                  array[N] vector[2] y;
                  y = ode_rk45_tol(sho, y0, 0, ts, 1e-6, 1e-6, 1e3, k, xs);
                """, "ode_rk45_tol's maximum number of steps must be an int, got real");
        assertError("""
                  array[N] vector[2] y;
                  y = ode_rk45(sho, z_init, 0, ts, k, xs);
                """, "ode_rk45's initial state must be a vector");
    }
}
