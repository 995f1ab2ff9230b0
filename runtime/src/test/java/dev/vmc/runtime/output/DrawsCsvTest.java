package dev.vmc.runtime.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vmc.runtime.data.CsvReader;
import dev.vmc.runtime.data.DataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrawsCsvTest {

    @Test
    void columnNamesAreStanStyleRowMajorAndOneBased() {
        assertEquals(List.of("mu"), DrawsCsv.columnNames("mu", new int[0]));
        assertEquals(List.of("theta.1", "theta.2", "theta.3"), DrawsCsv.columnNames("theta", new int[] {3}));
        assertEquals(List.of("X.1.1", "X.1.2", "X.1.3", "X.2.1", "X.2.2", "X.2.3"),
                DrawsCsv.columnNames("X", new int[] {2, 3}));
        assertEquals(List.of(), DrawsCsv.columnNames("empty", new int[] {0}));
        assertEquals(8, DrawsCsv.columnNames("a", new int[] {2, 2, 2}).size());
        assertEquals("a.2.1.2", DrawsCsv.columnNames("a", new int[] {2, 2, 2}).get(5));
    }

    @Test
    void writesHeaderAndFullPrecisionValues(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("draws.csv");
        double third = 1.0 / 3;
        DrawsCsv.write(file, List.of("mu", "theta.1"), new double[][] {{third, -2.5e-300}, {1e20, Double.NaN}},
                new double[] {-1.25, -2}, new double[] {0.5, 0.75});
        List<String> lines = Files.readAllLines(file);
        assertEquals("mu,theta.1,log_p__,log_q__", lines.get(0));
        assertEquals(third + ",-2.5E-300,-1.25,0.5", lines.get(1));
        assertEquals("1.0E20,NaN,-2.0,0.75", lines.get(2));
        assertEquals(third, Double.parseDouble(lines.get(1).split(",")[0]));
    }

    @Test
    void readsBackAsData(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("draws.csv");
        DrawsCsv.write(file, DrawsCsv.columnNames("theta", new int[] {2}), new double[][] {{1, 2}, {3, 4}},
                new double[2], new double[2]);
        DataSet back = CsvReader.read(file);
        assertArrayEquals(new int[] {2, 2}, back.get("theta").orElseThrow().shape());
        assertArrayEquals(new double[] {1, 2, 3, 4}, back.get("theta").orElseThrow().values());
    }

    @Test
    void mismatchedLengthsAreRejectedWithoutWritingAFile(@TempDir Path dir) {
        Path file = dir.resolve("draws.csv");
        assertThrows(IllegalArgumentException.class,
                () -> DrawsCsv.write(file, List.of("a"), new double[][] {{1}}, new double[2], new double[1]));
        assertThrows(IllegalArgumentException.class,
                () -> DrawsCsv.write(file, List.of("a"), new double[][] {{1, 2}}, new double[1], new double[1]));
        assertEquals(false, Files.exists(file));
    }
}
