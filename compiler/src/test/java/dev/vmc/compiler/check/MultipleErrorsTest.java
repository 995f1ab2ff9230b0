package dev.vmc.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vmc.compiler.diag.CompileException;
import dev.vmc.compiler.diag.Diagnostic;
import dev.vmc.compiler.parse.ProgramParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipleErrorsTest {

    private static List<String> errors(String source) {
        CompileException e = assertThrows(CompileException.class,
                () -> Checker.check(ProgramParser.parse("m.vmodel", source)));
        return e.diagnostics().stream().map(d -> d.pos() + " " + d.message()).toList();
    }

    @Test
    void reportsEveryIndependentErrorInOneFile() {
        String source = """
                data {
                  int N;
                  int K;
                  vector[N] y = 0;
                }
                params {
                  real<lower=0> noise;
                }
                latent {
                  vector[N] a;
                  vector[K] b;
                  int<lower=-1> z;
                }
                model {
                  vector[N] c = a + b;
                  real d = undefined_thing * 2;
                  a ~ normall(0, 1);
                  b ~ normal(0, 1, 2);
                  z ~ poisson(3);
                }
                guide fulrank;
                """;
        List<String> errors = errors(source);
        assertEquals(List.of(
                "4:17 data 'y' cannot have a value: data comes from the data file",
                "7:17 param 'noise' needs a value: 'real<lower=0> noise = ...;'",
                "15:19 cannot add vector[N] and vector[K]",
                "16:12 undeclared name 'undefined_thing'",
                "17:7 unknown distribution 'normall'; did you mean 'normal'?",
                "18:7 normal takes 2 arguments (mu, sigma), got 3",
                "19:3 latent 'z' is declared int<lower=-1>, but poisson is a distribution over integers >= 0, so some of its"
                        + " values are impossible; declare it int<lower=0>",
                "21:7 unknown guide 'fulrank'; did you mean 'fullrank'? Use 'guide auto;' (the default),"
                        + " 'guide meanfield;', 'guide lowrank;', 'guide fullrank;' or a guide block"), errors);
    }

    @Test
    void anErrorIsReportedOnceNotAgainByWhatIsBuiltOnIt() {
        String source = """
                data { int N; vector[N] x; }
                model {
                  vector[N] v = exp(mystery) + x * 2;
                  real s = sum(v .* mystery2) + dot_product(v, x);
                  x ~ normal(v, s);
                }
                """;
        assertEquals(List.of(
                "3:21 undeclared name 'mystery'",
                "4:21 undeclared name 'mystery2'"), errors(source));
    }

    @Test
    void aDuplicateIsReportedAtTheSecondDeclaration() {
        String source = """
                data { real y; }
                latent { real mu; }
                model {
                  real mu = 2;
                  real y = 1;
                  mu ~ normal(y, 1);
                }
                """;
        assertEquals(List.of(
                "4:8 'mu' is already declared at line 2 (as a latent); every name in a program must be different",
                "5:8 'y' is already declared at line 1 (as data); every name in a program must be different"),
                errors(source));
    }

    @Test
    void guideErrorsAreAllReported() {
        String source = """
                data { real y; }
                params { real w = 0; }
                latent { real mu; real<lower=0> tau; real<lower=0, upper=1> p; }
                model { mu ~ normal(w, tau); p ~ beta(1, 1); y ~ normal(mu, 1); }
                guide {
                  params { real m = 0; }
                  mu ~ normal(m + w, 1);
                  y ~ normal(0, 1);
                  p ~ normal(0, 1);
                  mu ~ normal(0, 1);
                }
                """;
        assertEquals(List.of(
                "5:1 guide has no ~ statement for latent 'tau'",
                "7:19 the guide cannot use param 'w'; guide statements may use guide params, guide locals, data and latents sampled earlier in the guide",
                "8:3 'y' is not a latent; the guide samples only latents",
                "9:7 guide for 'p' is normal, whose support is the real line, but p is declared <lower=0, upper=1>; use uniform, or drop the guide block to use the automatic guide",
                "10:3 latent 'mu' is sampled twice in the guide (first at line 7)"), errors(source));
    }

    @Test
    void diagnosticsCarryTheFileName() {
        CompileException e = assertThrows(CompileException.class,
                () -> Checker.check(ProgramParser.parse("eight.vmodel", "model { real x = y; }\n")));
        Diagnostic d = e.diagnostics().get(0);
        assertEquals("eight.vmodel", d.file());
        assertEquals("eight.vmodel:1:18: undeclared name 'y'\nmodel { real x = y; }\n                 ^", e.getMessage());
    }
}
