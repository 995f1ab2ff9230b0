package dev.vmc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    private static DataSet parse(String csv) {
        return CsvReader.parse(csv, "data.csv");
    }

    private static String error(String csv) {
        return assertThrows(DataException.class, () -> parse(csv)).getMessage();
    }

    @Test
    void eachColumnIsAVectorAndNCountsTheRows() {
        DataSet data = parse("x,y\n1,2.5\n2,3.5\n3,-1e-2\n");
        assertEquals(List.of("N", "x", "y"), List.copyOf(data.names()));
        DataValue x = data.get("x").orElseThrow();
        assertArrayEquals(new int[] {3}, x.shape());
        assertArrayEquals(new double[] {1, 2, 3}, x.values());
        assertTrue(x.integer());
        DataValue y = data.get("y").orElseThrow();
        assertArrayEquals(new double[] {2.5, 3.5, -0.01}, y.values());
        assertFalse(y.integer());
        DataValue n = data.get("N").orElseThrow();
        assertArrayEquals(new int[0], n.shape());
        assertEquals(3, n.values()[0]);
        assertTrue(n.integer());
    }

    @Test
    void aColumnNamedNIsKeptAsIs() {
        DataSet data = parse("N,x\n7,1\n8,2\n");
        assertArrayEquals(new double[] {7, 8}, data.get("N").orElseThrow().values());
    }

    @Test
    void dottedColumnsAreGatheredIntoAMatrixInPlace() {
        DataSet data = parse("y,X.2,X.1,X.3,z\n0,12,11,13,5\n1,22,21,23,6\n");
        assertEquals(List.of("N", "y", "X", "z"), List.copyOf(data.names()));
        DataValue x = data.get("X").orElseThrow();
        assertArrayEquals(new int[] {2, 3}, x.shape());
        assertArrayEquals(new double[] {11, 12, 13, 21, 22, 23}, x.values());
        assertTrue(x.integer());
        assertTrue(data.get("X.1").isEmpty());
    }

    @Test
    void gappedMatrixColumnsAreAnError() {
        assertEquals("data.csv:1: there is a column X.3 but no column X.2; columns X.1 to X.3 are gathered into"
                + " a matrix and must all be present", error("X.1,X.3\n1,2\n"));
    }

    @Test
    void aPlainColumnClashingWithAMatrixIsAnError() {
        assertTrue(error("X,X.1\n1,2\n").startsWith("data.csv:1: column 'X' clashes with the columns X.1"));
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        DataSet data = parse("\"a,b\",\"say \"\"hi\"\"\"\n\"1\",2\n");
        assertArrayEquals(new double[] {1}, data.get("a,b").orElseThrow().values());
        assertTrue(data.get("say \"hi\"").isPresent());
        assertTrue(parse("\"two\nlines\",x\n1,2\n").get("two\nlines").isPresent());
    }

    @Test
    void nanAndInfinitiesAreKeptForTheBinderToJudge() {
        DataValue x = parse("x\nNaN\nnan\nInf\n-inf\n+Infinity\n2\n").get("x").orElseThrow();
        assertTrue(Double.isNaN(x.values()[0]));
        assertTrue(Double.isNaN(x.values()[1]));
        assertEquals(Double.POSITIVE_INFINITY, x.values()[2]);
        assertEquals(Double.NEGATIVE_INFINITY, x.values()[3]);
        assertEquals(Double.POSITIVE_INFINITY, x.values()[4]);
        assertFalse(x.integer());
    }

    /** NA means missing, and vmc has none: an error that says so, rather than a NaN the binder then rejects. */
    @Test
    void naIsAMissingValueAndAnError() {
        assertEquals("data.csv:3: row 2, column 'y' is NA; vmc has no missing values: fill it in, leave the row out,"
                + " or drop the column if the model does not use it", error("x,y\n1,2\n3,NA\n"));
    }

    @Test
    void crlfLineEndingsBlankLinesAndSpacesAreTolerated() {
        DataSet data = parse("\uFEFFa , b\r\n 1, 2 \r\n\r\n3,4\r\n\r\n");
        assertArrayEquals(new double[] {1, 3}, data.get("a").orElseThrow().values());
        assertArrayEquals(new double[] {2, 4}, data.get("b").orElseThrow().values());
    }

    @Test
    void headerOnlyGivesEmptyColumns() {
        DataSet data = parse("x,y\n");
        assertArrayEquals(new int[] {0}, data.get("x").orElseThrow().shape());
        assertEquals(0, data.get("N").orElseThrow().values()[0]);
    }

    @Test
    void emptyFieldsNameRowAndColumn() {
        assertEquals("data.csv:3: row 2, column 'y' is empty; vmc has no missing values: fill it in, leave the row out,"
                + " or drop the column if the model does not use it", error("x,y\n1,2\n3,\n"));
    }

    @Test
    void wrongFieldCountsNameTheLine() {
        assertEquals("data.csv:3: row 2 has 3 fields, the header has 2", error("x,y\n1,2\n3,4,5\n"));
    }

    @Test
    void nonNumbersNameRowAndColumn() {
        assertEquals("data.csv:2: row 1, column 'x': 'abc' is not a number", error("x\nabc\n"));
        assertEquals("data.csv:2: row 1, column 'x': '0x10' is not a number", error("x\n0x10\n"));
    }

    @Test
    void lineNumbersCountLineBreaksInsideQuotes() {
        assertEquals("data.csv:4: row 2, column 'x\ny': 'oops' is not a number",
                error("\"x\ny\",z\n1,2\noops,3\n"));
    }

    @Test
    void headerProblemsAreErrors() {
        assertEquals("data.csv: empty file; expected a header row of column names", error(""));
        assertEquals("data.csv:1: column 'x' appears twice in the header", error("x,x\n1,2\n"));
        assertEquals("data.csv:1: column 2 has no name in the header", error("x,\n1,2\n"));
        assertEquals("data.csv:1: unterminated quoted field (the quote opened here is never closed)", error("\"x\n1\n"));
        assertEquals("data.csv:1: unexpected text 'y' after a closing quote", error("\"x\"y\n1\n"));
    }

    @Test
    void numbersBeyondADoubleAreErrorsNotInfinity() {
        assertEquals("data.csv:3: row 2, column 'x': '1e400' is beyond the range of a double (about 1.8e308)",
                error("x\n1\n1e400\n"));
    }

    @Test
    void integersBeyondLongKeepTheirIntegerness() {
        DataValue x = parse("x\n12345678901234567890\n-3\n").get("x").orElseThrow();
        assertEquals(1.2345678901234567e19, x.values()[0]);
        assertTrue(x.integer(), "the binder, not the reader, says it is too large for an int");
    }

    @Test
    void aQuoteLeftOpenOnTheLastLineIsAnError() {
        assertEquals("data.csv:3: unterminated quoted field (the quote opened here is never closed)",
                error("x,y\n1,2\n\"3,4\n"));
        assertEquals("data.csv:2: unterminated quoted field (the quote opened here is never closed)", error("x\n\"1"));
    }

    @Test
    void crlfLinesAreCountedOnce() {
        assertEquals("data.csv:4: row 3, column 'x': 'oops' is not a number", error("x\r\n1\r\n2\r\noops\r\n"));
    }

    @Test
    void raggedRowsNameTheLine() {
        assertEquals("data.csv:3: row 2 has 1 fields, the header has 2", error("x,y\n1,2\n3\n"));
    }

    @Test
    void blankLinesAnywhereAreSkippedButNotBlankFields() {
        DataSet data = parse("x,y\n\n1,2\n   \n3,4\n");
        assertArrayEquals(new double[] {1, 3}, data.get("x").orElseThrow().values());
        assertEquals("data.csv:2: row 1, column 'y' is empty; vmc has no missing values: fill it in, leave the row out,"
                + " or drop the column if the model does not use it", error("x,y\n1, \n"));
    }

    @Test
    void bigTablesReadRowMajor() {
        StringBuilder csv = new StringBuilder("y,X.1,X.2,X.3\n");
        int rows = 70_000; // more than one chunk of DoubleChunks
        for (int r = 0; r < rows; r++) {
            csv.append(r).append(',').append(r * 3).append(',').append(r * 3 + 1).append(',').append(r * 3 + 2).append('\n');
        }
        DataSet data = parse(csv.toString());
        double[] x = data.get("X").orElseThrow().values();
        assertEquals(3 * rows, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(i, x[i]);
        }
        assertEquals(rows, data.get("N").orElseThrow().values()[0]);
    }

    @Test
    void filesWithAByteOrderMarkOrBadBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("d.csv");
        Files.write(file, "\uFEFFy\r\n1\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertArrayEquals(new double[] {1}, CsvReader.read(file).get("y").orElseThrow().values());
        Files.write(file, new byte[] {'y', '\n', '1', '\n', (byte) 0xe9, '\n'});
        assertEquals(file + ":3: not UTF-8 text (the byte 0xE9, '\u00e9' in Latin-1); save the file as UTF-8",
                assertThrows(DataException.class, () -> CsvReader.read(file)).getMessage());
        Files.write(file, new byte[] {'y', '\n', '1', '\n', (byte) 0xc3});
        assertEquals(file + ":3: not UTF-8 text (the file ends inside a character); save the file as UTF-8",
                assertThrows(DataException.class, () -> CsvReader.read(file)).getMessage());
    }

    @Test
    void readsFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("d.csv");
        Files.writeString(file, "y\n1\n0\n");
        DataSet data = CsvReader.read(file);
        assertEquals(file.toString(), data.source());
        assertArrayEquals(new double[] {1, 0}, data.get("y").orElseThrow().values());
    }
}
