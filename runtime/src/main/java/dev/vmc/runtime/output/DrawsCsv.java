package dev.vmc.runtime.output;

import dev.vmc.runtime.infer.DrawsSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes posterior draws as CSV, one row per draw, with Stan's column naming so the file
 * reads straight into R, pandas, ArviZ or posterior, followed by each draw's log density
 * under the model ({@code log_p__}) and under the guide ({@code log_q__}).
 */
public final class DrawsCsv {
    public static final String LOG_P = "log_p__";
    public static final String LOG_Q = "log_q__";

    private DrawsCsv() {}

    /**
     * The CSV columns of a value of the given shape, Stan-style: {@code mu} for a scalar,
     * {@code theta.1 ... theta.8} for a vector, {@code X.1.1, X.1.2, ...} for a matrix
     * (row-major, indices 1-based). A shape with a zero dimension has no columns.
     */
    public static List<String> columnNames(String name, int[] shape) {
        List<String> names = new ArrayList<>();
        appendNames(name, shape, 0, names);
        return names;
    }

    private static void appendNames(String prefix, int[] shape, int dim, List<String> into) {
        if (dim == shape.length) {
            into.add(prefix);
            return;
        }
        for (int i = 1; i <= shape[dim]; i++) {
            appendNames(prefix + "." + i, shape, dim + 1, into);
        }
    }

    /**
     * @param draws one row per draw, one value per column
     * @param logP log density of each draw under the model
     * @param logQ log density of each draw under the guide
     */
    public static void write(Path file, List<String> columns, double[][] draws, double[] logP, double[] logQ)
            throws IOException {
        if (logP.length != draws.length || logQ.length != draws.length) {
            throw new IllegalArgumentException(draws.length + " draws but " + logP.length + " log_p and "
                    + logQ.length + " log_q values");
        }
        try (Stream stream = open(file)) {
            stream.begin(columns);
            for (int d = 0; d < draws.length; d++) {
                if (draws[d].length != columns.size()) {
                    throw new IllegalArgumentException("draw " + (d + 1) + " has " + draws[d].length
                            + " values for " + columns.size() + " columns");
                }
                stream.draw(draws[d], logP[d], logQ[d]);
            }
            stream.commit();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Starts writing draws.csv to {@code file}: draws as a fit makes them, in place at {@link Stream#commit}. */
    public static Stream open(Path file) throws IOException {
        return new Stream(AtomicFiles.open(file));
    }

    /**
     * Draws written as they come, never held: a fit's {@link DrawsSink}. The file appears,
     * whole, at {@link #commit}; closed without it, nothing is left behind.
     */
    public static final class Stream implements DrawsSink, AutoCloseable {
        private final AtomicFiles.Pending file;
        private final StringBuilder line = new StringBuilder();

        private Stream(AtomicFiles.Pending file) {
            this.file = file;
        }

        @Override
        public void begin(List<String> columns) {
            for (String column : columns) {
                if (column.contains(",") || column.contains("\"") || column.contains("\n")) {
                    throw new IllegalArgumentException("column name " + column + " would need CSV quoting");
                }
            }
            put(String.join(",", columns) + (columns.isEmpty() ? "" : ",") + LOG_P + "," + LOG_Q + "\n");
        }

        @Override
        public void draw(double[] values, double logP, double logQ) {
            line.setLength(0);
            for (double v : values) {
                append(line, v).append(',');
            }
            line.append(logP).append(',').append(logQ).append('\n');
            put(line);
        }

        /**
         * A whole number (a discrete latent's draw) as an integer, which is also several times
         * faster to write; anything else by Double.toString, the shortest text that reads back
         * to the same double.
         */
        private static StringBuilder append(StringBuilder line, double v) {
            long whole = (long) v;
            if (whole == v && Math.abs(v) < 1e15 && (whole != 0 || 1 / v > 0)) {
                return line.append(whole);
            }
            return line.append(v);
        }

        private void put(CharSequence text) {
            try {
                file.writer().append(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void commit() throws IOException {
            file.commit();
        }

        @Override
        public void close() {
            file.close();
        }
    }
}
