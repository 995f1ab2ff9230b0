package dev.vmc.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.check.Dependencies.Dependency;
import dev.vmc.compiler.check.Dependencies.Factor;
import dev.vmc.compiler.check.Dependencies.GuideSite;
import dev.vmc.compiler.check.Dependencies.Term;
import dev.vmc.compiler.diag.CompileException;
import dev.vmc.compiler.parse.ProgramParser;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DependenciesTest {
    private static Dependencies analyse(String source) {
        return Checker.check(ProgramParser.parse("t.vmodel", source)).dependencies();
    }

    @Test
    void aLatentReachesAFactorThroughTwoLevelsOfDerivedValues() {
        Dependencies dependencies = analyse("""
                data { real y; }
                latent { real mu; }
                derived { real a = 2 * mu; real b = a + 1; }
                model { mu ~ normal(0, 1); y ~ normal(b, 1); }
                """);
        Factor likelihood = dependencies.factors().get(1);
        assertEquals(Term.DATA, likelihood.term());
        assertEquals(List.of("mu"), likelihood.latents());
        assertEquals(List.of(new Dependency("mu", NameKind.LATENT, "b")), likelihood.dependencies());
        assertEquals(List.of(new Dependency("mu", NameKind.LATENT, "a")),
                dependencies.definitions().get(1).dependencies());
        assertEquals(dependencies.factors(), dependencies.factorsDependingOn("mu"));
    }

    @Test
    void aLatentNoStatementUsesHasNoFactor() {
        Dependencies dependencies = analyse("""
                latent { real mu; real unused; real only_derived; }
                derived { real nobody_uses_me = exp(only_derived); }
                model { mu ~ normal(0, 1); }
                """);
        assertEquals(List.of("mu", "unused", "only_derived"), dependencies.latents());
        assertEquals(1, dependencies.factorsDependingOn("mu").size());
        assertEquals(List.of(), dependencies.factorsDependingOn("unused"));
        assertEquals(List.of(), dependencies.factorsDependingOn("only_derived"));
        assertTrue(dependencies.describe().contains("latent unused: no factor depends on it\n"),
                dependencies.describe());
        assertThrows(IllegalArgumentException.class, () -> dependencies.factorsDependingOn("nobody_uses_me"));
    }

    @Test
    void indexingALatentWithDataDependsOnTheLatentAlone() {
        Dependencies dependencies = analyse("""
                data { int N; int J; array[N] int<lower=1, upper=J> group; vector[N] y; }
                latent { vector[J] mu; }
                model { mu ~ normal(0, 1); y ~ normal(mu[group], 1); }
                """);
        Factor likelihood = dependencies.factors().get(1);
        assertEquals(List.of(new Dependency("mu", NameKind.LATENT, null)), likelihood.dependencies());
        Expr.Index gather = (Expr.Index) ((Stmt.Sample) likelihood.statement()).args().get(0);
        assertEquals(List.of(), dependencies.latentsOf(gather.indices().get(0)));
        assertEquals(List.of("mu"), dependencies.latentsOf(gather));
    }

    @Test
    void theFirstLatentNamedIsReadLeftToRightPastDefinitions() {
        Dependencies dependencies = analyse("""
                latent { real mu; real k; }
                derived { real theta = mu; }
                model { mu ~ normal(0, 1); k ~ normal(0, 1); target += theta + k + mu; }
                """);
        Factor target = dependencies.factors().get(2);
        Expr value = ((Stmt.TargetAdd) target.statement()).value();
        assertEquals(Term.TARGET, target.term());
        assertEquals("k", dependencies.firstLatentNamedIn(value).orElseThrow());
        assertEquals(List.of("mu", "k"), dependencies.latentsOf(value));
        assertEquals(List.of(new Dependency("mu", NameKind.LATENT, "theta"), new Dependency("k", NameKind.LATENT, null),
                new Dependency("mu", NameKind.LATENT, null)), dependencies.of(value));
    }

    @Test
    void aVariateOfLatentsMakesALatentTermAndOfParamsADataTerm() {
        Dependencies dependencies = analyse("""
                params { real s = 1; }
                latent { real mu; }
                derived { real twice = 2 * mu; }
                model { twice ~ normal(0, 1); s ~ normal(0, 1); }
                """);
        assertEquals(Term.LATENT, dependencies.factors().get(0).term());
        assertEquals(Term.DATA, dependencies.factors().get(1).term());
        assertEquals(List.of(), dependencies.factors().get(1).dependencies());
    }

    @Test
    void aGuideSiteDependsOnGuideParamsThroughGuideLocals() {
        Dependencies dependencies = analyse("""
                latent { real z1; real z2; }
                model { z1 ~ normal(0, 1); z2 ~ normal(z1, 1); }
                guide {
                  params { real m = 0; real<lower=0> s = 1; }
                  z1 ~ normal(m, 1);
                  real c = z1 + s;
                  z2 ~ normal(c, s);
                }
                """);
        List<GuideSite> sites = dependencies.guideSites();
        assertEquals(List.of("z1", "z2"), sites.stream().map(GuideSite::latent).toList());
        assertEquals(List.of(new Dependency("m", NameKind.GUIDE_PARAM, null)), sites.get(0).params());
        assertEquals(List.of(new Dependency("s", NameKind.GUIDE_PARAM, "c"), new Dependency("s", NameKind.GUIDE_PARAM, null)),
                sites.get(1).params());
        assertEquals(List.of("z1"), dependencies.latentsOf(((Stmt.Sample) sites.get(1).statement()).args().get(0)));
    }

    @Test
    void anAutomaticGuideHasNoSites() {
        assertEquals(List.of(), analyse("latent { real mu; } model { mu ~ normal(0, 1); }").guideSites());
    }

    @Test
    void aDefinitionUsingItselfIsAnErrorNotALoop() {
        assertThrows(CompileException.class, () -> analyse("""
                latent { real mu; }
                derived { real a = a + mu; }
                model { mu ~ normal(0, 1); }
                """));
    }

    /**
     * A sum of 10,000 terms is a tree 10,000 deep on its left. The analysis runs on a thread
     * with a small stack, where a walk that recursed along the sum would overflow.
     */
    @Test
    void aTenThousandTermSumNeedsNoDeepStack() throws InterruptedException {
        String terms = "x + ".repeat(9_999);
        CheckedProgram checked = Checker.check(ProgramParser.parse("t.vmodel", "data { real x; }\n"
                + "latent { real mu; real z; }\n"
                + "derived { real d = " + terms + "z; }\n"
                + "model { mu ~ normal(0, 1); z ~ normal(0, 1); target += " + terms + "mu + d; }\n"));
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                Dependencies dependencies = Dependencies.of(checked.program(), checked.symbols());
                outcome.set(dependencies.factorsDependingOn("z").size() + " " + dependencies.factors().get(2).latents());
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "small stack", 256 * 1024);
        small.start();
        small.join();
        assertEquals("2 [mu, z]", String.valueOf(outcome.get()));
    }
}
