package dev.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --data is needed exactly when the model declares data. */
class NoDataTest {
    @TempDir
    Path tmp;

    private static final String LATENTS = """
            latent {
              real mu;
              real<lower=0> s;
            }
            model {
              mu ~ normal(1, 2);
              s ~ exponential(1);
            }
            """;

    @Test
    void aModelWithoutADataBlockRunsWithoutData() {
        Path model = Cli.write(tmp.resolve("prior.vmodel"), LATENTS);
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run(Cli.concat(new String[] {"run", model.toString(), "--out", out.toString()}, Cli.QUICK));
        assertTrue(r.code() == ExitCode.OK || r.code() == ExitCode.UNTRUSTED, r.all());
        r.assertClean();
        assertTrue(r.out().startsWith("vmc 0.1.0: " + model + ", no data, seed "), r.all());
        assertTrue(Files.isRegularFile(out.resolve("draws.csv")), r.all());
    }

    @Test
    void anEmptyDataBlockNeedsNoData() {
        Path model = Cli.write(tmp.resolve("empty.vmodel"), "data {\n}\n" + LATENTS);
        Cli.Result r = Cli.run(Cli.concat(new String[] {"run", model.toString(), "--out", tmp.resolve("out").toString()},
                Cli.QUICK));
        assertTrue(r.code() == ExitCode.OK || r.code() == ExitCode.UNTRUSTED, r.all());
        r.assertClean();
    }

    @Test
    void dataGivenToAModelWithoutADataBlockIsAccepted() {
        Path model = Cli.write(tmp.resolve("prior.vmodel"), LATENTS);
        Cli.Result r = Cli.run(Cli.concat(new String[] {"run", model.toString(), "--data",
                Cli.EIGHT_SCHOOLS_DATA.toString(), "--out", tmp.resolve("out").toString()}, Cli.QUICK));
        assertTrue(r.code() == ExitCode.OK || r.code() == ExitCode.UNTRUSTED, r.all());
        r.assertClean();
    }

    @Test
    void aModelWithDataStillNeedsItAndSaysWhichVariables() {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", Cli.EIGHT_SCHOOLS.toString(), "--out", out.toString());
        r.assertFails(ExitCode.USAGE, "eight_schools.vmodel has a data block", "J, y, sigma", "--data");
        assertFalse(Files.exists(out));
    }
}
