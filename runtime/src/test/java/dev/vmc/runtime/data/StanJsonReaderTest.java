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
        assertEquals("data.json:1:34: 'X' is ragged: row 3 has 4 values, row 1 has 5",
                error("{\"X\": [[1,2,3,4,5], [1,2,3,4,5], [1,2,3,4]]}"));
    }

    @Test
    void raggedDeeperArraysNameTheElement() {
        assertEquals("data.json:1:35: 'A' is ragged: A[2, 2] has 1 values, A[1, 1] has 2",
                error("{\"A\": [[[1, 2], [3, 4]], [[5, 6], [7]]]}"));
        assertEquals("data.json:1:11: 'y' is ragged: y[2] is an array but y[1] is a number", error("{\"y\": [1, [2]]}"));
        assertEquals("data.json:1:13: 'X' is ragged: row 2 is a number but row 1 is an array",
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
        assertEquals("data.json:1:1: expected a JSON object {\"name\": value, ...} at the top level, found an array",
                error("[1, 2]"));
        assertEquals("data.json:2:3: expected a JSON object {\"name\": value, ...} at the top level, found the number 7",
                error("\n  7"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"a\": [1, 2\n  3]}`|data.json:2:3: expected ',' or ']' in array",
        "`{\"a\": 1 \"b\": 2}`|data.json:1:9: expected ',' or '}' in object",
        "`{\"a\" 1}`|data.json:1:6: expected ':' after key \"a\"",
        "`{a: 1}`|data.json:1:2: expected a string key in object",
        "`{\"a\": 01}`|data.json:1:8: malformed number: leading zeros are not allowed",
        "`{\"a\": 1.}`|data.json:1:8: malformed number: expected a digit after '.'",
        "`{\"a\": 1e}`|data.json:1:8: malformed number: expected a digit in the exponent",
        "`{\"a\": -}`|data.json:1:8: malformed number: expected a digit",
        "`{\"a\": +1}`|data.json:1:7: malformed number: JSON numbers have no leading '+'",
        "`{\"a\": tru}`|data.json:1:7: unrecognized word 'tru', expected a value (a number, a string in double quotes,"
                + " an array, an object, true, false or null)",
        "`{\"a\": [1, tru]}`|data.json:1:11: unrecognized word 'tru', expected a value (a number, a string in double"
                + " quotes, an array, an object, true, false or null)",
        "`{\"a\": 1} x`|data.json:1:10: unexpected text after the end of the JSON value",
        "`{\"a\": 1, \"a\": 2}`|data.json:1:10: duplicate key \"a\" (first at line 1, column 2)",
        "`{\"a\": \"x\\q\"}`|data.json:1:10: invalid escape \\q in string",
        "`{\"a\": \"\\u12G4\"}`|data.json:1:12: invalid hex digit 'G' in \\u escape",
        "`{\"a\": [1, 2`|data.json:1:12: unexpected end of file: the array opened at line 1, column 7 is not closed",
        "`{\"a\": 1,\n \"b\": 2`|data.json:2:8: unexpected end of file: the object opened at line 1, column 1 is not closed",
        "`{\"a\": \"abc`|data.json:1:7: unterminated string",
        "`{\"a\": [1, 2]]`|data.json:1:13: unexpected ']': the object opened at line 1, column 1 is closed with '}'",
        "`{\"a\": 1 // note\n}`|data.json:1:9: unexpected '/': JSON has no comments",
        "`{\"a\": [1,]}`|data.json:1:10: unexpected character ']', expected a value",
        "`{\"a\": 1} {}`|data.json:1:10: unexpected text after the end of the JSON value",
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

    /** The advice for bare NaN names a spelling the reader then accepts; the binder judges whether the model uses it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "NaN|vmc has no missing values: leave the element out (a variable the model does not use may hold the string \"NaN\", as CmdStan writes it)",
        "Infinity|data the model uses must be finite (a variable the model does not use may hold the string \"Infinity\", as CmdStan writes it)",
        "-Infinity|data the model uses must be finite (a variable the model does not use may hold the string \"-Infinity\", as CmdStan writes it)",
    })
    void bareNonFiniteAdviceMatchesWhatIsRead(String word, String advice) {
        assertEquals("data.json:1:11: bare " + word + " is not JSON, and " + advice, error("{\"a\": [1, " + word + "]}"));
        String spelled = advice.replaceAll(".*the string \"([^\"]*)\".*", "$1");
        double read = value("{\"a\": [1, \"" + spelled + "\"]}", "a").values()[1];
        assertTrue(Double.isNaN(read) || Double.isInfinite(read), spelled + " read as " + read);
    }

    @Test
    void missingValuesAreNamedAsSuch() {
        String noMissing = "vmc has no missing values: leave the element out (and its sizes with it) or give a number";
        assertEquals("data.json:1:11: 'y' has y[2] = null; " + noMissing, error("{\"y\": [1, null]}"));
        assertEquals("data.json:1:7: 'y' is the string \"NA\"; " + noMissing, error("{\"y\": \"NA\"}"));
        assertEquals("data.json:1:11: 'y' has y[2] = the string \"nan\"; non-finite values are spelled \"NaN\", \"Inf\""
                + " and \"-Inf\" (though a value the model uses must be finite)", error("{\"y\": [1, \"nan\"]}"));
    }

    @Test
    void numbersBeyondADoubleAreErrorsNotInfinity() {
        assertEquals("data.json:1:7: 'x' is 1e400, beyond the range of a double (about 1.8e308)", error("{\"x\": 1e400}"));
        assertEquals("data.json:1:12: 'X' has X[1, 2] = -2E+999, beyond the range of a double (about 1.8e308)",
                error("{\"X\": [[1, -2E+999]]}"));
        String huge = "9".repeat(400);
        assertEquals("data.json:1:7: 'n' is " + huge + ", beyond the range of a double (about 1.8e308)",
                error("{\"n\": " + huge + "}"));
        assertEquals(0.0, value("{\"x\": 1e-400}", "x").values()[0], "underflow to zero, as Stan reads it");
    }

    /** Integers beyond an int stay integers here; the binder says they are too large for an int. */
    @Test
    void largeIntegersKeepTheirIntegerness() {
        DataValue big = value("{\"n\": 3000000000}", "n");
        assertEquals(3e9, big.values()[0]);
        assertTrue(big.integer());
    }

    @Test
    void emptyFilesAndOtherTopLevelsAreNamed() {
        assertEquals("data.json: the file is empty; expected a JSON object {\"name\": value, ...}", error(""));
        assertEquals("data.json: the file is empty; expected a JSON object {\"name\": value, ...}", error(" \r\n\t"));
        assertEquals("data.json:1:1: expected a JSON object {\"name\": value, ...} at the top level, found the string \"x\"",
                error("\"x\""));
    }

    @Test
    void crlfLineEndingsCountAsOneLine() {
        assertEquals("data.json:3:2: expected ',' or ']' in array", error("{\"a\": [1,\r\n 2\r\n 3]}"));
    }

    @Test
    void filesWithAByteOrderMarkCrlfOrBadBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("d.json");
        Files.write(file, ("\uFEFF{\"J\": 2,\r\n \"y\": [1, 2]}\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertArrayEquals(new double[] {1, 2}, StanJsonReader.read(file).get("y").orElseThrow().values());
        Files.write(file, new byte[] {'{', '"', 'a', (byte) 0xff, '"', ':', '1', '}'});
        String message = assertThrows(DataException.class, () -> StanJsonReader.read(file)).getMessage();
        assertTrue(message.startsWith(file + ":1:") && message.contains("not UTF-8 text"), message);
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
