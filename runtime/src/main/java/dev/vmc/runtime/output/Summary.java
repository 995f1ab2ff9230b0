package dev.vmc.runtime.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-column statistics of posterior draws: mean, standard deviation and the 5%, 50% and
 * 95% quantiles, as a table for people ({@link #format()}) and as rows for programs.
 */
public final class Summary {

    public record Row(String name, double mean, double sd, double q5, double q50, double q95) {}

    private static final String[] HEADERS = {"mean", "sd", "5%", "50%", "95%"};

    private final List<Row> rows;

    private Summary(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * @param draws one row per draw, one value per column; a column holding a NaN gets NaN
     *     statistics, so a broken draw is visible rather than quietly averaged in
     */
    public static Summary of(List<String> columns, double[][] draws) {
        if (draws.length == 0) {
            throw new IllegalArgumentException("no draws to summarise");
        }
        List<Row> rows = new ArrayList<>();
        double[] column = new double[draws.length];
        for (int c = 0; c < columns.size(); c++) {
            for (int d = 0; d < draws.length; d++) {
                column[d] = draws[d][c];
            }
            rows.add(row(columns.get(c), column));
        }
        return new Summary(rows);
    }

    /** Rows summarised elsewhere, in their order: a summary built a block of columns at a time. */
    public static Summary ofRows(List<Row> rows) {
        return new Summary(rows);
    }

    /** One column's row, from its every draw (left unchanged). */
    public static Row row(String name, double[] values) {
        double mean = mean(values);
        double sd = standardDeviation(values, mean);
        if (Double.isNaN(mean)) {
            return new Row(name, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Row(name, mean, sd, Quantiles.type7(sorted, 0.05), Quantiles.type7(sorted, 0.5),
                Quantiles.type7(sorted, 0.95));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Two-pass, around the mean, which keeps precision when the mean is large against the sd. */
    private static double standardDeviation(double[] values, double mean) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    public List<Row> rows() {
        return rows;
    }

    /** An aligned table: names left-aligned, numbers right-aligned, ending with a newline. */
    public String format() {
        return format(Integer.MAX_VALUE, null);
    }

    /**
     * The table with a variable of more than {@code rowsPerVariable} rows (a variable: a name up
     * to its first '.') cut to its first {@code shown}, and a line saying how many more are in
     * {@code where}: a terminal shows a mixture's 500 assignments as ten.
     */
    public String format(int rowsPerVariable, String where) {
        int shown = Math.min(rowsPerVariable, 10);
        java.util.Map<String, Integer> sizes = new java.util.HashMap<>();
        rows.forEach(r -> sizes.merge(variable(r.name()), 1, Integer::sum));
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        List<String[]> cells = new ArrayList<>();
        for (Row r : rows) {
            String variable = variable(r.name());
            int size = sizes.get(variable);
            int index = seen.merge(variable, 1, Integer::sum);
            if (size > rowsPerVariable && index > shown) {
                if (index == shown + 1) {
                    cells.add(new String[] {"... " + (size - shown) + " more of " + variable + " in " + where});
                }
                continue;
            }
            cells.add(new String[] {
                r.name(), Significant.format(r.mean()), Significant.format(r.sd()), Significant.format(r.q5()),
                Significant.format(r.q50()), Significant.format(r.q95())
            });
        }
        int nameWidth = 0;
        int[] widths = new int[HEADERS.length];
        for (int k = 0; k < HEADERS.length; k++) {
            widths[k] = Math.max(6, HEADERS[k].length());
        }
        for (String[] line : cells) {
            if (line.length == 1) {
                continue;
            }
            nameWidth = Math.max(nameWidth, line[0].length());
            for (int k = 0; k < HEADERS.length; k++) {
                widths[k] = Math.max(widths[k], line[k + 1].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(" ".repeat(nameWidth));
        for (int k = 0; k < HEADERS.length; k++) {
            out.append("  ").append(padLeft(HEADERS[k], widths[k]));
        }
        out.append('\n');
        for (String[] line : cells) {
            if (line.length == 1) {
                out.append(line[0]).append('\n');
                continue;
            }
            out.append(line[0]).append(" ".repeat(nameWidth - line[0].length()));
            for (int k = 0; k < HEADERS.length; k++) {
                out.append("  ").append(padLeft(line[k + 1], widths[k]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String variable(String column) {
        int dot = column.indexOf('.');
        return dot < 0 ? column : column.substring(0, dot);
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(width - text.length()) + text;
    }

    @Override
    public String toString() {
        return format();
    }
}
