package dev.vmc.runtime.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gathers CSV columns named the way Stan and R name matrix columns ({@code X.1, X.2, X.3})
 * into one matrix {@code X} of shape [rows, 3], so a design matrix can live in a table.
 */
final class MatrixColumns {
    /** An identifier, a dot, and a 1-based index without leading zeros. */
    private static final Pattern INDEXED = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\.([1-9][0-9]{0,8})");

    private MatrixColumns() {}

    static boolean gathersInto(List<String> names, String base) {
        return names.stream().anyMatch(n -> base.equals(baseOf(n)));
    }

    /**
     * The columns as data values in header order, with each X.k group in place of its
     * first column.
     *
     * @param where "file:line" of the header, for errors about the group as a whole
     */
    static Map<String, DataValue> gather(List<CsvReader.Column> columns, int rows, String where) {
        Map<String, TreeMap<Integer, CsvReader.Column>> groups = new LinkedHashMap<>();
        for (CsvReader.Column column : columns) {
            String base = baseOf(column.name);
            if (base != null) {
                groups.computeIfAbsent(base, b -> new TreeMap<>()).put(indexOf(column.name), column);
            }
        }
        Map<String, DataValue> out = new LinkedHashMap<>();
        for (CsvReader.Column column : columns) {
            String base = baseOf(column.name);
            if (base == null) {
                if (groups.containsKey(column.name)) {
                    throw new DataException(where + ": column '" + column.name + "' clashes with the columns "
                            + column.name + ".1, " + column.name + ".2, ..., which are gathered into a matrix named "
                            + column.name);
                }
                out.put(column.name, column.toDataValue());
            } else if (!out.containsKey(base)) {
                out.put(base, matrix(base, groups.get(base), rows, where));
            }
        }
        return out;
    }

    private static DataValue matrix(String base, TreeMap<Integer, CsvReader.Column> byIndex, int rows, String where) {
        int width = byIndex.lastKey();
        for (int k = 1; k <= width; k++) {
            if (!byIndex.containsKey(k)) {
                throw new DataException(where + ": there is a column " + base + "." + width + " but no column "
                        + base + "." + k + "; columns " + base + ".1 to " + base + "." + width
                        + " are gathered into a matrix and must all be present");
            }
        }
        double[] values = new double[rows * width];
        boolean integer = true;
        for (int k = 1; k <= width; k++) {
            CsvReader.Column column = byIndex.get(k);
            integer &= column.integer;
            for (int r = 0; r < rows; r++) {
                values[r * width + (k - 1)] = column.values[r];
            }
        }
        return new DataValue(new int[] {rows, width}, values, integer);
    }

    private static String baseOf(String name) {
        Matcher m = INDEXED.matcher(name);
        return m.matches() ? m.group(1) : null;
    }

    private static int indexOf(String name) {
        Matcher m = INDEXED.matcher(name);
        if (!m.matches()) {
            throw new IllegalStateException(name);
        }
        return Integer.parseInt(m.group(2));
    }
}
