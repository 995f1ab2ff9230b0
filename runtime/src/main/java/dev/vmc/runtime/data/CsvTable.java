package dev.vmc.runtime.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers of a CSV table as its rows arrive, each variable's in row-major order (a
 * matrix's row is assembled, then appended), with whether all of them were integers.
 */
final class CsvTable {
    private static final String NO_MISSING = "vmc has no missing values: fill it in, leave the row out,"
            + " or drop the column if the model does not use it";

    private final List<String> names;
    private final MatrixColumns.Layout layout;
    private final DoubleChunks[] values;
    private final double[][] row;
    private final boolean[] integer;

    CsvTable(List<String> names, MatrixColumns.Layout layout) {
        this.names = names;
        this.layout = layout;
        int count = layout.variables().size();
        values = new DoubleChunks[count];
        row = new double[count][];
        integer = new boolean[count];
        for (int v = 0; v < count; v++) {
            values[v] = new DoubleChunks();
            row[v] = new double[layout.variables().get(v).valuesPerRow()];
            integer[v] = true;
        }
    }

    /** @param where "file:line: row r", the start of every message about this row */
    void add(List<String> fields, String where) {
        if (fields.size() != names.size()) {
            throw new DataException(where + " has " + fields.size() + " fields, the header has " + names.size());
        }
        for (int c = 0; c < fields.size(); c++) {
            int v = layout.variable()[c];
            row[v][layout.offset()[c]] = number(fields.get(c).strip(), c, v, where);
        }
        for (int v = 0; v < values.length; v++) {
            values[v].addAll(row[v]);
        }
    }

    private double number(String field, int column, int variable, String where) {
        DecimalText.Kind kind = DecimalText.kind(field);
        if (kind == DecimalText.Kind.NOT_A_NUMBER) {
            integer[variable] = false;
            return nonFinite(field, column, where);
        }
        integer[variable] &= kind == DecimalText.Kind.INTEGER;
        double value = DecimalText.value(field, kind);
        if (Double.isInfinite(value)) {
            throw new DataException(where + ", column '" + names.get(column) + "': '" + field
                    + "' is beyond the range of a double (about 1.8e308)");
        }
        return value;
    }

    /** numpy writes nan and inf, Stan NaN and Inf: all read, for the binder to judge if the model uses them. */
    private double nonFinite(String field, int column, String where) {
        String place = where + ", column '" + names.get(column) + "'";
        switch (field.toLowerCase(Locale.ROOT)) {
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
            case "":
                throw new DataException(place + " is empty; " + NO_MISSING);
            case "na":
                throw new DataException(place + " is NA; " + NO_MISSING);
            default:
                throw new DataException(place + ": '" + field + "' is not a number");
        }
    }

    /** The variables in header order, each as a vector, or a matrix of {@code rows} rows. */
    Map<String, DataValue> values(int rows, String source) {
        Map<String, DataValue> out = new LinkedHashMap<>();
        for (int v = 0; v < values.length; v++) {
            MatrixColumns.Variable variable = layout.variables().get(v);
            int[] shape = variable.width() == 0 ? new int[] {rows} : new int[] {rows, variable.width()};
            out.put(variable.name(), new DataValue(shape, values[v].toArray(source + ": '" + variable.name() + "'"),
                    integer[v]));
        }
        return out;
    }
}
