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
    void naAndNanReadAsNanAndInfinitiesAreKept() {
        DataValue x = parse("x\nNA\nNaN\nnan\nInf\n-inf\n2\n").get("x").orElseThrow();
        assertTrue(Double.isNaN(x.values()[0]));
        assertTrue(Double.isNaN(x.values()[1]));
        assertTrue(Double.isNaN(x.values()[2]));
        assertEquals(Double.POSITIVE_INFINITY, x.values()[3]);
        assertEquals(Double.NEGATIVE_INFINITY, x.values()[4]);
        assertFalse(x.integer());
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
        assertEquals("data.csv:3: row 2, column 'y' is empty (write NA for a missing value)",
                error("x,y\n1,2\n3,\n"));
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
        assertEquals("data.csv:1: unterminated quoted field", error("\"x\n1\n"));
        assertEquals("data.csv:1: unexpected text after a closing quote", error("\"x\"y\n1\n"));
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
