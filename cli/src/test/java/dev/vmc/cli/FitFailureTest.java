package dev.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.output.OutputFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model whose ELBO is never finite: exit 5, naming the statement responsible. */
class FitFailureTest {
    @TempDir
    Path tmp;

    private Path model;
    private Path data;

    private Cli.Result run(String... extra) {
        model = Cli.write(tmp.resolve("neg_sigma.vmodel"), """
                data {
                  real y;
                }
                latent {
                  real mu;
                }
                model {
                  mu ~ normal(0, 1);
                  y ~ normal(mu, -1);
                }
                """);
        data = Cli.write(tmp.resolve("y.json"), "{\"y\": 1.5}");
        return Cli.run(Cli.concat(new String[] {"run", model.toString(), "--data", data.toString(),
                "--out", tmp.resolve("out").toString()}, extra));
    }

    private void assertFailsAtLine9(Cli.Result r) {
        r.assertCode(ExitCode.FIT);
        assertTrue(r.err().contains("fit failed"), r.all());
        assertTrue(r.err().contains("neg_sigma.vmodel:9"), "message should name the statement\n" + r.all());
        assertTrue(r.err().contains("y ~ normal(mu, -1)"), r.all());
        assertFalse(r.err().contains("internal error"), r.all());
        for (String file : OutputFolder.FILES) {
            assertFalse(Files.exists(tmp.resolve("out").resolve(file)), file + " written by a failed fit");
        }
    }

    @Test
    void withAGivenStepSize() {
        assertFailsAtLine9(run("--lr", "0.1"));
    }

    @Test
    void withTheStepSizeSearch() {
        // Bug: without --lr, StepSizeSearch swallows each candidate's FitException and throws a
        // generic "every step size from 1.0 down to 0.01 failed ..." that names no statement.
        assertFailsAtLine9(run());
    }
}
