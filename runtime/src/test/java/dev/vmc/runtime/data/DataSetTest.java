package dev.vmc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSetTest {

    private static DataValue of(Object value) {
        return DataSet.of(Map.of("x", value)).get("x").orElseThrow();
    }

    private static void assertValue(DataValue v, int[] shape, double[] values, boolean integer) {
        assertArrayEquals(shape, v.shape());
        assertArrayEquals(values, v.values());
        assertEquals(integer, v.integer());
    }

    @Test
    void boxedIntegersAreIntScalars() {
        assertValue(of(3), new int[0], new double[] {3}, true);
        assertValue(of(4L), new int[0], new double[] {4}, true);
        assertValue(of((short) 5), new int[0], new double[] {5}, true);
    }

    @Test
    void boxedRealsAreRealScalars() {
        assertValue(of(2.5), new int[0], new double[] {2.5}, false);
        assertValue(of(0.5f), new int[0], new double[] {0.5}, false);
        assertValue(of(3.0), new int[0], new double[] {3}, false);
    }

    @Test
    void primitiveArraysAreVectors() {
        assertValue(of(new int[] {1, 2}), new int[] {2}, new double[] {1, 2}, true);
        assertValue(of(new long[] {3, 4}), new int[] {2}, new double[] {3, 4}, true);
        assertValue(of(new double[] {1.5, 2}), new int[] {2}, new double[] {1.5, 2}, false);
        // an empty array has no non-integer element, so it may fill an int array too
        assertValue(of(new double[0]), new int[] {0}, new double[0], true);
    }

    @Test
    void rectangularTwoDimensionalArraysAreMatrices() {
        assertValue(of(new int[][] {{1, 2, 3}, {4, 5, 6}}), new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6}, true);
        assertValue(of(new double[][] {{1.5}, {2.5}}), new int[] {2, 1}, new double[] {1.5, 2.5}, false);
    }

    @Test
    void raggedArraysAreAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> of(new double[][] {{1, 2}, {3}}));
        assertEquals("'x' is ragged: row 2 has 1 values, row 1 has 2", e.getMessage());
    }

    @Test
    void nestedListsOfNumbers() {
        assertValue(of(List.of(1, 2, 3)), new int[] {3}, new double[] {1, 2, 3}, true);
        assertValue(of(List.of(1, 2.5)), new int[] {2}, new double[] {1, 2.5}, false);
        assertValue(of(List.of(List.of(1, 2), List.of(3, 4))), new int[] {2, 2}, new double[] {1, 2, 3, 4}, true);
        assertValue(of(List.of()), new int[] {0}, new double[0], true);
    }

    @Test
    void dataValuesPassThrough() {
        DataValue v = DataValue.scalar(1.5, false);
        assertSame(v, of(v));
    }

    @Test
    void unsupportedTypesNameTheKeyAndTheType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> of("abc"));
        assertTrue(e.getMessage().startsWith("data 'x' has unsupported type java.lang.String"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> of(List.of(1, "two")));
        assertTrue(e.getMessage().startsWith("data 'x': x[2] is a java.lang.String"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> of(Arrays.asList(1, null)));
        assertTrue(e.getMessage().startsWith("data 'x': x[2] is null"), e.getMessage());
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("y", null);
        e = assertThrows(IllegalArgumentException.class, () -> DataSet.of(withNull));
        assertEquals("data 'y' is null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> of(1L << 60));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    void mapOrderAndSourceAreKept() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("N", 2);
        map.put("y", new double[] {1, 2});
        DataSet data = DataSet.of(map);
        assertEquals(List.of("N", "y"), List.copyOf(data.names()));
        assertEquals("map", data.source());
        assertFalse(data.get("z").isPresent());
    }

    @Test
    void readChoosesTheFormatByExtension(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("d.JSON");
        Files.writeString(json, "{\"a\": 1}");
        assertTrue(DataSet.read(json).get("a").isPresent());
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "a\n1\n");
        assertTrue(DataSet.read(csv).get("N").isPresent());
        Path other = dir.resolve("d.R");
        Files.writeString(other, "a <- 1");
        DataException e = assertThrows(DataException.class, () -> DataSet.read(other));
        assertTrue(e.getMessage().contains(".json") && e.getMessage().contains(".csv"), e.getMessage());
    }

    /** Every IOException from read() carries a complete message the command line prints as it is. */
    @Test
    void aDirectoryOrAMissingFileIsNamedAsSuch(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("data.json"));
        java.nio.file.FileSystemException e = assertThrows(java.nio.file.FileSystemException.class,
                () -> DataSet.read(folder));
        assertEquals(folder + ": is a directory, not a data file", e.getMessage());
        Path missing = dir.resolve("missing.csv");
        e = assertThrows(java.nio.file.NoSuchFileException.class, () -> DataSet.read(missing));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void emptyFilesAreDataErrors(@TempDir Path dir) throws IOException {
        Path json = Files.writeString(dir.resolve("d.json"), "");
        assertEquals(json + ": the file is empty; expected a JSON object {\"name\": value, ...}",
                assertThrows(DataException.class, () -> DataSet.read(json)).getMessage());
        Path csv = Files.writeString(dir.resolve("d.csv"), "\n");
        assertEquals(csv + ": empty file; expected a header row of column names",
                assertThrows(DataException.class, () -> DataSet.read(csv)).getMessage());
    }
}
