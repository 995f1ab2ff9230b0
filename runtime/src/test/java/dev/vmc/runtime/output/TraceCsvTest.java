package dev.vmc.runtime.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCsvTest {
    @Test
    void writesStepAndElbo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("elbo.csv");
        TraceCsv.write(file, new long[] {0, 100, 200}, new double[] {-120.5, -40.25, -39.0});
        assertEquals(List.of("step,elbo", "0,-120.5", "100,-40.25", "200,-39.0"), Files.readAllLines(file));
    }

    @Test
    void lengthsMustMatch(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class,
                () -> TraceCsv.write(dir.resolve("elbo.csv"), new long[] {1}, new double[0]));
    }
}
