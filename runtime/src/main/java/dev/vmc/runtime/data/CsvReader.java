package dev.vmc.runtime.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a table with a header row: each column becomes a vector named by its header
 * (integer if every value is), columns named Stan-style {@code X.1, X.2, ...} are gathered
 * into a matrix X with one column per index, and {@code N} holds the row count unless a
 * column already has that name. NA and NaN read as NaN; empty fields are errors, because
 * a silently missing value would bias a fit.
 */
public final class CsvReader {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    /** Decimal numbers only: Double.parseDouble alone would also accept "0x1p3" and "1d". */
    private static final Pattern REAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvReader() {}

    /**
     * @throws IOException if the file cannot be read
     * @throws DataException if its content is not a table of numbers
     */
    public static DataSet read(Path file) throws IOException {
        return parse(TextFiles.read(file), file.toString());
    }

    /** @param source the file name used in error messages and as {@link DataSet#source()} */
    public static DataSet parse(String text, String source) {
        List<CsvRecords.Record> records = CsvRecords.split(text, source);
        if (records.isEmpty()) {
            throw new DataException(source + ": empty file; expected a header row of column names");
        }
        CsvRecords.Record header = records.get(0);
        List<String> names = header.fields();
        checkHeader(names, header.line(), source);
        List<CsvRecords.Record> rows = records.subList(1, records.size());
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            columns.add(new Column(names.get(c), rows.size()));
        }
        for (int r = 0; r < rows.size(); r++) {
            readRow(rows.get(r), r, columns, source);
        }
        Map<String, DataValue> values = new LinkedHashMap<>();
        if (!names.contains("N") && !MatrixColumns.gathersInto(names, "N")) {
            values.put("N", DataValue.scalar(rows.size(), true));
        }
        values.putAll(MatrixColumns.gather(columns, rows.size(), source + ":" + header.line()));
        return new DataSet(source, values);
    }

    private static void checkHeader(List<String> names, int line, String source) {
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            if (name.isEmpty()) {
                throw new DataException(source + ":" + line + ": column " + (c + 1) + " has no name in the header");
            }
            if (!seen.add(name)) {
                throw new DataException(source + ":" + line + ": column '" + name + "' appears twice in the header");
            }
        }
    }

    private static void readRow(CsvRecords.Record row, int index, List<Column> columns, String source) {
        String where = source + ":" + row.line() + ": row " + (index + 1);
        if (row.fields().size() != columns.size()) {
            throw new DataException(where + " has " + row.fields().size() + " fields, the header has "
                    + columns.size());
        }
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            String field = row.fields().get(c).strip();
            if (field.isEmpty()) {
                throw new DataException(where + ", column '" + column.name + "' is empty"
                        + " (write NA for a missing value)");
            }
            column.set(index, field, where);
        }
    }

    /** One column's values as they are read, and whether all of them were integers. */
    static final class Column {
        final String name;
        final double[] values;
        boolean integer = true;

        Column(String name, int rows) {
            this.name = name;
            this.values = new double[rows];
        }

        void set(int row, String field, String where) {
            if (INTEGER.matcher(field).matches()) {
                values[row] = Double.parseDouble(field);
            } else if (REAL.matcher(field).matches()) {
                values[row] = Double.parseDouble(field);
                integer = false;
            } else {
                values[row] = nonFinite(field, where);
                integer = false;
            }
        }

        /** R writes NA, numpy writes nan and inf, Stan writes NaN and Inf: accept them all. */
        private double nonFinite(String field, String where) {
            switch (field.toLowerCase(Locale.ROOT)) {
                case "na":
                case "nan":
                    return Double.NaN;
                case "inf":
                case "+inf":
                case "infinity":
                case "+infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf":
                case "-infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    throw new DataException(where + ", column '" + name + "': '" + field + "' is not a number");
            }
        }

        DataValue toDataValue() {
            return new DataValue(new int[] {values.length}, values, integer);
        }
    }
}
