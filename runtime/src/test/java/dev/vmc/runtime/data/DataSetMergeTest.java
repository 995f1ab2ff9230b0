package dev.vmc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several data files as one set, and an array file bound to a name. */
class DataSetMergeTest {
    @TempDir
    Path dir;

    private Path images() throws IOException {
        return Files.write(dir.resolve("train-images-idx3-ubyte.gz"),
                IdxReaderTest.gzip(IdxReaderTest.idx(0x08, new int[] {2, 2, 2}, new byte[] {0, 1, 1, 0, 1, 1, 0, 0})));
    }

    @Test
    void anArrayFileFillsTheNamedVariable() throws IOException {
        Path file = images();
        DataSet set = DataSet.array("x", file);
        assertEquals(List.of("x"), List.copyOf(set.names()));
        assertArrayEquals(new int[] {2, 2, 2}, set.get("x").orElseThrow().shape());
        assertEquals(file.toString(), set.source());
        assertEquals(file.toString(), set.sourceOf("x").orElseThrow());
    }

    @Test
    void mergedSetsKeepEachValuesFileAndTheOrderGiven() throws IOException {
        Path json = Files.writeString(dir.resolve("sizes.json"), "{\"N\": 2, \"D\": 4}");
        Path idx = images();
        DataSet merged = DataSet.merge(List.of(DataSet.read(json), DataSet.array("x", idx)));
        assertEquals(List.of("N", "D", "x"), List.copyOf(merged.names()));
        assertEquals(json.toString(), merged.sourceOf("D").orElseThrow());
        assertEquals(idx.toString(), merged.sourceOf("x").orElseThrow());
        assertEquals(json + ", " + idx, merged.source());
        assertEquals(2, merged.sourceCount());
    }

    @Test
    void aNameInTwoFilesIsAnErrorNamingBoth() throws IOException {
        Path a = Files.writeString(dir.resolve("a.json"), "{\"N\": 2, \"x\": [1, 2]}");
        Path b = images();
        DataException e = assertThrows(DataException.class,
                () -> DataSet.merge(List.of(DataSet.read(a), DataSet.array("x", b))));
        assertEquals("'x' is given twice, by " + a + " and by " + b + "; give each variable in one data file only",
                e.getMessage());
    }

    @Test
    void anIdxFileWithoutANameSaysHowToNameIt() throws IOException {
        Path idx = images();
        String message = assertThrows(DataException.class, () -> DataSet.read(idx)).getMessage();
        assertEquals(idx + ": an IDX file holds one array and no variable name; say which variable it fills: --data x="
                + idx + " on the command line, DataSet.array(\"x\", path) from Java", message);
    }

    @Test
    void aNamedFileMustBeAnArrayFile() throws IOException {
        Path json = Files.writeString(dir.resolve("d.json"), "{\"N\": 2}");
        String message = assertThrows(DataException.class, () -> DataSet.array("x", json)).getMessage();
        assertEquals(json + ": x=FILE takes one array file, IDX (.idx, or MNIST's *-ubyte, either with .gz); a .json"
                + " file names its own variables: give it without x=", message);
        assertThrows(NoSuchFileException.class, () -> DataSet.array("x", dir.resolve("none.idx")));
    }

    @Test
    void oneSetMergesToItself() {
        DataSet one = DataSet.of(java.util.Map.of("N", 3));
        assertEquals(one, DataSet.merge(List.of(one)));
    }
}
