package dev.vmc.runtime.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a table with a header row: each column becomes a vector named by its header
 * (integer if every value is), columns named Stan-style {@code X.1, X.2, ...} are gathered
 * into a matrix X with one column per index, and {@code N} holds the row count unless a
 * column already has that name. FastCSV splits the records (RFC 4180: quoted fields may hold
 * commas, doubled quotes and line breaks); each field goes straight into its variable's
 * numbers, so no table of strings is ever held.
 */
public final class CsvReader {
    private CsvReader() {}

    /**
     * @throws IOException if the file cannot be read
     * @throws DataException if its content is not a table of numbers
     */
    public static DataSet read(Path file) throws IOException {
        // A strict decoder: bytes that are not UTF-8 are an error, not silently replaced.
        try (Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder()), 1 << 16)) {
            return read(in, file.toString());
        } catch (CharacterCodingException e) {
            throw notUtf8(file, e);
        } catch (UncheckedIOException e) { // FastCSV's iterator wraps what the reader throws
            if (e.getCause() instanceof CharacterCodingException bad) {
                throw notUtf8(file, bad);
            }
            throw e.getCause();
        }
    }

    private static DataException notUtf8(Path file, CharacterCodingException e) {
        return FirstBadByte.in(file, e);
    }

    /** @param source the file name used in error messages and as {@link DataSet#source()} */
    public static DataSet parse(String text, String source) {
        try {
            return read(new StringReader(text), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string has nothing to fail reading
        }
    }

    private static DataSet read(Reader text, String source) throws IOException {
        skipByteOrderMark(text);
        QuoteTracker in = new QuoteTracker(text);
        try (de.siegmar.fastcsv.reader.CsvReader<CsvRecord> csv = de.siegmar.fastcsv.reader.CsvReader.builder()
                .allowExtraFields(true).allowMissingFields(true) // counted here, for a message with the row
                .trimWhitespacesAroundQuotes(true)
                .ofCsvRecord(in)) {
            Records records = new Records(csv.iterator(), in, source);
            CsvRecord header = records.next();
            if (header == null) {
                throw new DataException(source + ": empty file; expected a header row of column names");
            }
            List<String> names = new ArrayList<>();
            header.getFields().forEach(f -> names.add(f.strip()));
            String headerPlace = source + ":" + header.getStartingLineNumber();
            checkHeader(names, headerPlace);
            CsvTable table = new CsvTable(names, MatrixColumns.plan(names, headerPlace));
            int rows = 0;
            for (CsvRecord row; (row = records.next()) != null; ) {
                rows++;
                table.add(row.getFields(), source + ":" + row.getStartingLineNumber() + ": row " + rows);
            }
            Map<String, DataValue> values = new LinkedHashMap<>();
            if (!names.contains("N") && !MatrixColumns.gathersInto(names, "N")) {
                values.put("N", DataValue.scalar(rows, true));
            }
            values.putAll(table.values(rows, source));
            return new DataSet(source, values);
        }
    }

    /** Excel and other spreadsheet exports start with one; FastCSV sees it only in byte streams. */
    private static void skipByteOrderMark(Reader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
    }

    /** FastCSV's records without blank ones (editors leave blank lines at the end), and its errors as vmc's. */
    private record Records(Iterator<CsvRecord> iterator, QuoteTracker quotes, String source) {
        private static final Pattern LINE = Pattern.compile(".*started in line (\\d+).*");

        /** The next record that is not blank, or null at the end. */
        CsvRecord next() {
            try {
                while (iterator.hasNext()) {
                    CsvRecord record = iterator.next();
                    // An unclosed quote runs to the end of the file, so its record is the last.
                    if (!iterator.hasNext() && quotes.unclosedQuoteLine() > 0) {
                        throw new DataException(source + ":" + quotes.unclosedQuoteLine()
                                + ": unterminated quoted field (the quote opened here is never closed)");
                    }
                    if (record.getFieldCount() > 1 || !record.getField(0).isBlank()) {
                        return record;
                    }
                }
                return null;
            } catch (CsvParseException e) {
                Matcher line = LINE.matcher(e.getMessage());
                String place = source + ":" + (line.matches() ? line.group(1) : "1");
                String detail = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
                Matcher after = AFTER_QUOTE.matcher(detail);
                throw new DataException(place + ": " + (after.matches() ? "unexpected text " + after.group(1)
                        + " after a closing quote" : detail), e);
            }
        }

        private static final Pattern AFTER_QUOTE = Pattern.compile("Unexpected character after closing quote: ('.') .*");
    }

    private static void checkHeader(List<String> names, String where) {
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            if (name.isEmpty()) {
                throw new DataException(where + ": column " + (c + 1) + " has no name in the header");
            }
            if (!seen.add(name)) {
                throw new DataException(where + ": column '" + name + "' appears twice in the header");
            }
        }
    }
}
