package dev.vmc.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.parse.ProgramParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dependency analysis over statements: assignments in pieces, and the loops and ifs around them. */
class StatementDependenciesTest {
    private static Dependencies analyse(String source) {
        return Checker.check(ProgramParser.parse("t.stan", source)).dependencies();
    }

    @Test
    void aVariableAssignedInPiecesDependsOnEveryAssignmentAndTheIterationBefore() {
        Dependencies d = analyse("""
                data { int T; vector[T] y; }
                parameters { real a; real b; real c; real s; }
                model {
                  vector[T] e;
                  e[1] = a;
                  for (t in 2:T) {
                    e[t] = y[t] - b * e[t - 1];
                  }
                  e ~ normal(0, exp(s));
                  y ~ normal(c, 1);
                }
                """);
        List<Dependencies.Factor> factors = d.factors();
        assertEquals(List.of("a", "b", "s"), factors.get(0).latents());
        assertEquals(List.of("c"), factors.get(1).latents());
        assertEquals(List.of(factors.get(0)), d.factorsDependingOn("b"));
    }

    @Test
    void aTermUnderAnIfDependsOnItsCondition() {
        Dependencies d = analyse("""
                data { real y; }
                parameters { real a; real b; }
                model {
                  real m = 0;
                  if (a > 0) {
                    m = 1;
                  }
                  while (0) {
                    target += b;
                  }
                  y ~ normal(m, 1);
                  for (i in 1:2) {
                    if (b > 1) target += 1;
                  }
                }
                """);
        List<Dependencies.Factor> factors = d.factors();
        assertEquals(3, factors.size());
        assertEquals(List.of("b"), factors.get(0).latents());
        assertEquals(List.of("a"), factors.get(1).latents());
        assertEquals(List.of("b"), factors.get(2).latents());
        assertEquals(Stmt.TargetAdd.class, factors.get(2).statement().getClass());
    }
}
