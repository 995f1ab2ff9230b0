package dev.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programs a hostile new user might write: each is a model error (exit 3) at its place, with
 * the line and a caret, found by {@code vmc check}; never an internal error or a stack trace.
 */
class HostileProgramTest {
    @TempDir
    Path tmp;

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(tmp.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertModelError(Cli.Result r, String where, String message) {
        r.assertCode(ExitCode.MODEL);
        assertTrue(r.err().contains(where + ": " + message), r.all());
        assertTrue(r.err().lines().anyMatch(l -> l.strip().equals("^")), "no caret\n" + r.all());
        assertFalse(r.err().contains("Exception") || r.err().contains("internal error"), r.all());
    }

    @Test
    void aByteThatIsNotUtf8IsAModelErrorAtItsPlace() {
        byte[] latin1 = "latent { real mu; }\nmodel {\n  // caf\u00e9\n  mu ~ normal(0, 1);\n}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = write("b.vmodel", latin1);
        assertModelError(Cli.run("check", file.toString()), "b.vmodel:3:9", "the byte 0xE9 ('\u00e9' in Latin-1) is not UTF-8");
    }

    @Test
    void constantSizesBoundsAndInitialValuesAreCheckedWithoutData() {
        Path file = Cli.write(tmp.resolve("c.vmodel"), """
                latent {
                  real<lower=sqrt(-1)> mu;
                  vector[-1] z;
                }
                model {
                  mu ~ normal(0, 5);
                }
                guide {
                  params {
                    real<lower=0> s = -1;
                  }
                  mu ~ normal(0, s);
                }
                """);
        Cli.Result r = Cli.run("check", file.toString());
        assertModelError(r, "c.vmodel:2:14", "'mu' has <lower=sqrt(-1)>, which is NaN (not a number)");
        assertTrue(r.err().contains("c.vmodel:3:10: 'z' has size -1; a size must be a whole number >= 0"), r.all());
        assertTrue(r.err().contains("c.vmodel:10:23: guide param 's' starts at -1, outside its bounds <lower=0>"), r.all());
    }

    @Test
    void literalsThatDoNotFitAreModelErrors() {
        Path file = Cli.write(tmp.resolve("l.vmodel"), "latent {\n  real mu;\n}\nmodel {\n"
                + "  mu ~ normal(99999999999999999999, 1e400);\n}\n");
        Cli.Result r = Cli.run("check", file.toString());
        assertModelError(r, "l.vmodel:5:15", "integer literal 99999999999999999999 is too large: an int is at most"
                + " 2147483647; if a real number is meant, write it as one: 1e20");
        assertTrue(r.err().contains("l.vmodel:5:37: real literal 1e400 is too large"), r.all());
    }

    @Test
    void sizesThatNeedDataAreDataErrorsNamingTheDeclaration() {
        Path file = Cli.write(tmp.resolve("d.vmodel"), """
                data {
                  int N;
                }
                latent {
                  real mu;
                  vector[N * N] z;
                }
                model {
                  mu ~ normal(0, 1);
                }
                """);
        Path data = Cli.write(tmp.resolve("d.json"), "{\"N\": 100000}");
        Cli.Result r = Cli.run("run", file.toString(), "--data", data.toString(), "--out", tmp.resolve("o").toString());
        r.assertCode(ExitCode.DATA);
        assertTrue(r.err().contains("latent 'z' (d.vmodel:6:17) has size N * N = 10000000000; a size must be at most"
                + " 2147483647"), r.all());
        assertFalse(r.err().contains("internal error"), r.all());
    }

    @Test
    void deepNestingIsAModelErrorAndALongSumRuns() {
        Path deep = Cli.write(tmp.resolve("deep.vmodel"), "latent {\n  real a;\n}\nmodel {\n  a ~ normal(0, 1);\n"
                + "  target += " + "(".repeat(5000) + "a" + ")".repeat(5000) + ";\n}\n");
        assertModelError(Cli.run("check", deep.toString()), "deep.vmodel:6:269", "expression nested too deeply");
        Path sum = Cli.write(tmp.resolve("sum.vmodel"), "latent {\n  real a;\n}\nmodel {\n  a ~ normal(0, 1);\n"
                + "  target += " + String.join(" + ", java.util.Collections.nCopies(10_000, "0 * a")) + ";\n}\n");
        Cli.run("check", sum.toString()).assertCode(ExitCode.OK);
    }

    @Test
    void fitFailuresNameFunctionsAsTheLanguageDoes() {
        Path file = Cli.write(tmp.resolve("f.vmodel"), """
                latent {
                  real mu;
                }
                model {
                  mu ~ normal(0, 1);
                  target += log(-square(mu));
                }
                """);
        Path data = Cli.write(tmp.resolve("f.json"), "{}");
        Cli.Result r = Cli.run("run", file.toString(), "--data", data.toString(), "--out", tmp.resolve("o").toString(),
                "--algorithm", "pathfinder", "--paths", "1");
        r.assertCode(ExitCode.FIT);
        assertTrue(r.err().contains("target += log(-square(mu)); (log)"), r.all());
        assertFalse(r.all().contains("(LOG)"), r.all());
    }

    @Test
    void aFolderIsAUsageErrorThatSaysSo() {
        Cli.Result r = Cli.run("check", tmp.toString());
        r.assertCode(ExitCode.USAGE);
        assertTrue(r.err().contains("is a folder, not a .vmodel file"), r.all());
    }
}
