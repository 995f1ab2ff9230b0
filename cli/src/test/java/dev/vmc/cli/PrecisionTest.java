package dev.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --precision float32: every reported value is a float32, and the summary agrees with float64's. */
class PrecisionTest {
    @TempDir
    Path tmp;

    @Test
    void float32DrawsAreFloat32ValuesCloseToTheFloat64Fit() {
        Cli.runEightSchools(tmp.resolve("single"), "--precision", "float32").assertCode(ExitCode.OK);
        Cli.runEightSchools(tmp.resolve("double")).assertCode(ExitCode.OK);
        Cli.Table single = Cli.readCsv(tmp.resolve("single").resolve("draws.csv"));
        Cli.Table exact = Cli.readCsv(tmp.resolve("double").resolve("draws.csv"));
        for (double[] row : single.rows()) {
            for (double v : row) {
                assertTrue(v == (float) v, v + " is not a float32");
            }
        }
        // same seed, same draws of noise: the two fits differ only by rounding, far below the posterior sd
        assertEquals(exact.mean("mu"), single.mean("mu"), 0.01 * exact.sd("mu"));
        assertEquals(exact.mean("tau"), single.mean("tau"), 0.01 * exact.sd("tau"));
    }

    @Test
    void unknownPrecisionIsAUsageError() {
        Cli.Result r = Cli.runEightSchools(tmp.resolve("out"), "--precision", "float16");
        r.assertCode(ExitCode.USAGE);
        assertTrue(r.err().contains("--precision must be float64 or float32"), r.all());
    }
}
