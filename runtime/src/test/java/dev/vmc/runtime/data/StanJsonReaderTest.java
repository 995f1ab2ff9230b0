package dev.vmc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StanJsonReaderTest {

    private static DataSet parse(String json) {
        return StanJsonReader.parse(json, "data.json");
    }

    private static DataValue value(String json, String name) {
        return parse(json).get(name).orElseThrow();
    }

    private static String error(String json) {
        return assertThrows(DataException.class, () -> parse(json)).getMessage();
    }

    @Test
    void integerScalarHasEmptyShape() {
        DataValue n = value("{\"N\": 8}", "N");
        assertArrayEquals(new int[0], n.shape());
        assertArrayEquals(new double[] {8}, n.values());
        assertTrue(n.integer());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"3.0;3.0", "1e2;100", "2.5E-3;0.0025", "-0.5;-0.5", "1E+2;100"})
    void numbersWithPointOrExponentAreReal(String literal, double expected) {
        DataValue v = value("{\"x\": " + literal + "}", "x");
        assertEquals(expected, v.values()[0]);
        assertFalse(v.integer());
    }

    @Test
    void negativeIntegersAndZeroAreIntegers() {
        DataValue v = value("{\"x\": [-3, 0, 17]}", "x");
        assertArrayEquals(new double[] {-3, 0, 17}, v.values());
        assertTrue(v.integer());
    }

    @Test
    void oneRealMakesTheWholeArrayReal() {
        assertFalse(value("{\"x\": [1, 2.5, 3]}", "x").integer());
    }

    @Test
    void vectorsMatricesAndDeeperArraysAreRowMajor() {
        assertArrayEquals(new int[] {3}, value("{\"y\": [1, 2, 3]}", "y").shape());
        DataValue m = value("{\"X\": [[1, 2, 3], [4, 5, 6]]}", "X");
        assertArrayEquals(new int[] {2, 3}, m.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, m.values());
        DataValue a = value("{\"A\": [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]}", "A");
        assertArrayEquals(new int[] {2, 2, 2}, a.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, a.values());
    }

    @Test
    void emptyArraysHaveZeroLength() {
        DataValue empty = value("{\"y\": []}", "y");
        assertArrayEquals(new int[] {0}, empty.shape());
        assertEquals(0, empty.size());
        assertTrue(empty.integer(), "an empty array can fill an int array");
        assertArrayEquals(new int[] {2, 0}, value("{\"X\": [[], []]}", "X").shape());
    }

    @Test
    void nonFiniteStringsBecomeNonFiniteReals() {
        DataValue v = value("{\"x\": [\"NaN\", \"Inf\", \"-Inf\", \"+Inf\", \"Infinity\", \"-Infinity\", 1]}", "x");
        assertTrue(Double.isNaN(v.values()[0]));
        assertEquals(Double.POSITIVE_INFINITY, v.values()[1]);
        assertEquals(Double.NEGATIVE_INFINITY, v.values()[2]);
        assertEquals(Double.POSITIVE_INFINITY, v.values()[3]);
        assertEquals(Double.POSITIVE_INFINITY, v.values()[4]);
        assertEquals(Double.NEGATIVE_INFINITY, v.values()[5]);
        assertFalse(v.integer());
        assertTrue(Double.isNaN(value("{\"s\": \"NaN\"}", "s").values()[0]));
    }

    @Test
    void namesKeepFileOrder() {
        DataSet data = parse("{\"b\": 1, \"a\": 2, \"c\": [3]}");
        assertEquals(List.of("b", "a", "c"), List.copyOf(data.names()));
        assertEquals("data.json", data.source());
        assertTrue(data.get("missing").isEmpty());
    }

    @Test
    void whitespaceEscapesAndByteOrderMarkAreAccepted() {
        DataSet data = parse("\uFEFF \r\n\t{ \"a\\u0062\\\"c\" :\n 1 } \n");
        assertEquals(List.of("ab\"c"), List.copyOf(data.names()));
    }

    @Test
    void raggedMatrixNamesTheRows() {
        assertEquals("data.json: 'X' is ragged: row 3 has 4 values, row 1 has 5",
                error("{\"X\": [[1,2,3,4,5], [1,2,3,4,5], [1,2,3,4]]}"));
    }

    @Test
    void raggedDeeperArraysNameTheElement() {
        assertEquals("data.json: 'A' is ragged: A[2, 2] has 1 values, A[1, 1] has 2",
                error("{\"A\": [[[1, 2], [3, 4]], [[5, 6], [7]]]}"));
        assertEquals("data.json: 'y' is ragged: y[2] is an array but y[1] is a number", error("{\"y\": [1, [2]]}"));
        assertEquals("data.json: 'X' is ragged: row 2 is a number but row 1 is an array",
                error("{\"X\": [[1], 2]}"));
    }

    @Test
    void nonNumberValuesNameTheKey() {
        assertTrue(error("{\"x\": {\"a\": 1}}").contains("'x' is an object"));
        assertTrue(error("{\"flag\": true}").contains("'flag' is true"));
        assertTrue(error("{\"s\": \"abc\"}").contains("'s' is the string \"abc\""));
        assertTrue(error("{\"n\": null}").contains("'n' is null"));
        assertTrue(error("{\"y\": [1, \"two\"]}").contains("'y' has y[2] = the string \"two\""));
    }

    @Test
    void topLevelMustBeAnObject() {
        assertTrue(error("[1, 2]").startsWith("data.json: expected a JSON object"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"a\": [1, 2\n  3]}`|data.json:2:3: expected ',' or ']' in array",
        "`{\"a\": 1 \"b\": 2}`|data.json:1:9: expected ',' or '}' in object",
        "`{\"a\" 1}`|data.json:1:6: expected ':' after key \"a\"",
        "`{a: 1}`|data.json:1:2: expected a string key in object",
        "`{\"a\": 01}`|data.json:1:8: malformed number: leading zeros are not allowed",
        "`{\"a\": 1.}`|data.json:1:9: malformed number: expected a digit after '.'",
        "`{\"a\": 1e}`|data.json:1:9: malformed number: expected a digit in the exponent",
        "`{\"a\": -}`|data.json:1:8: malformed number: expected a digit",
        "`{\"a\": +1}`|data.json:1:7: unexpected character '+', expected a value",
        "`{\"a\": NaN}`|data.json:1:7: bare NaN is not JSON; write it as the string \"NaN\"",
        "`{\"a\": -Infinity}`|data.json:1:7: bare -Infinity is not JSON; write it as the string \"-Infinity\"",
        "`{\"a\": tru}`|data.json:1:7: invalid literal, expected a value such as true",
        "`{\"a\": 1} x`|data.json:1:10: unexpected text after the end of the JSON value",
        "`{\"a\": 1, \"a\": 2}`|data.json:1:10: duplicate key \"a\"",
        "`{\"a\": \"x\\q\"}`|data.json:1:9: invalid escape \\q in string",
        "`{\"a\": \"\\u12G4\"}`|data.json:1:12: invalid hex digit 'G' in \\u escape",
        "`{\"a\": [1, 2`|data.json:1:12: expected ',' or ']' in array (at end of file)",
        "`{\"a\": \"abc`|data.json:1:7: unterminated string",
        "``|data.json:1:1: unexpected end of file, expected a value",
    })
    void malformedJsonIsReportedWithLineAndColumn(String json, String message) {
        assertEquals(message, error(json));
    }

    @Test
    void controlCharactersInStringsAreRejected() {
        assertEquals("data.json:1:4: control character U+000A in string (write it as an escape)",
                error("{\"a\nb\": 1}"));
    }

    @Test
    void hostileNestingIsAnErrorNotAStackOverflow() {
        String deep = "{\"a\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertTrue(error(deep).contains("nested more than"));
    }

    @Test
    void readsFilesAndNamesThemInErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("d.json");
        Files.writeString(file, "{\"J\": 2, \"y\": [1.5, 2]}");
        DataSet data = StanJsonReader.read(file);
        assertEquals(file.toString(), data.source());
        assertArrayEquals(new double[] {1.5, 2}, data.get("y").orElseThrow().values());
        Files.writeString(file, "{\"J\": }");
        assertEquals(file + ":1:7: unexpected character '}', expected a value",
                assertThrows(DataException.class, () -> StanJsonReader.read(file)).getMessage());
        Path missing = dir.resolve("missing.json");
        assertThrows(NoSuchFileException.class, () -> StanJsonReader.read(missing));
    }
}
