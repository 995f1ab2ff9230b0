package dev.vmc.cli.report;

import dev.vmc.runtime.data.DataException;
import dev.vmc.runtime.output.DrawsCsv;
import dev.vmc.runtime.output.FitJson;
import dev.vmc.runtime.output.FitRecord;
import dev.vmc.runtime.output.GuideJson;
import dev.vmc.runtime.output.OutputFolder;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run left in its folder, as far as it is there: the report shows what it finds and
 * says what is missing (a run from before fit.json was written has none). Each part is null
 * when its file is absent.
 *
 * @param fit        fit.json: the start, the plan, the messages, the verdict
 * @param guideMeta  guide.json's meta: guide, algorithm, elbo, elbo_se, khat, status, steps
 * @param draws      draws.csv, without log_p__ and log_q__
 * @param trace      elbo.csv
 * @param summary    summary.txt as written: the fit report's lines, the summary table, the point estimates
 * @param missing    the files a run writes that are not there (report.html aside)
 */
public record RunFolder(Path dir, FitRecord fit, Map<String, String> guideMeta, Draws draws, Trace trace, String summary,
        List<String> missing) {

    /** Posterior draws: one row per draw, one value per column. */
    public record Draws(List<String> columns, double[][] values) {}

    /** The ELBO estimate at each recorded step; NaN where the step was skipped. */
    public record Trace(long[] steps, double[] elbo) {}

    /** A folder the report cannot be made from; the message says why, naming the folder or file. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** The files whose presence makes a folder a run folder, in the order the report lists them. */
    static final List<String> RUN_FILES = List.of(OutputFolder.FIT, OutputFolder.DRAWS, OutputFolder.ELBO,
            OutputFolder.GUIDE, OutputFolder.SUMMARY);

    /**
     * @throws Unreadable if {@code dir} does not exist, is not a folder, holds none of a run's
     *     files, or holds one that cannot be read or is not as vmc writes it
     */
    public static RunFolder read(Path dir) throws Unreadable {
        if (!Files.exists(dir)) {
            throw new Unreadable("no such folder: " + dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new Unreadable(dir + " is a file, not a run folder: name the folder vmc run wrote into");
        }
        List<String> missing = new ArrayList<>();
        for (String name : RUN_FILES) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                missing.add(name);
            }
        }
        if (missing.size() == RUN_FILES.size()) {
            throw new Unreadable(dir + " is not a run folder: it holds none of " + String.join(", ", RUN_FILES)
                    + "; name the folder vmc run wrote into");
        }
        Path file = null;
        try {
            file = dir.resolve(OutputFolder.FIT);
            FitRecord fit = missing.contains(OutputFolder.FIT) ? null : FitJson.read(file);
            file = dir.resolve(OutputFolder.GUIDE);
            Map<String, String> meta = missing.contains(OutputFolder.GUIDE) ? null : GuideJson.read(file).meta();
            file = dir.resolve(OutputFolder.DRAWS);
            Draws draws = missing.contains(OutputFolder.DRAWS) ? null : readDraws(file);
            file = dir.resolve(OutputFolder.ELBO);
            Trace trace = missing.contains(OutputFolder.ELBO) ? null : readTrace(file);
            file = dir.resolve(OutputFolder.SUMMARY);
            String summary = missing.contains(OutputFolder.SUMMARY) ? null : text(file).replace("\r\n", "\n");
            return new RunFolder(dir, fit, meta, draws, trace, summary, List.copyOf(missing));
        } catch (DataException e) {
            // the message names the file already
            throw new Unreadable("cannot read " + e.getMessage());
        } catch (IOException e) {
            throw new Unreadable("cannot read " + file + ": " + (e instanceof java.nio.file.AccessDeniedException
                    ? "permission denied" : e.getMessage() != null ? e.getMessage() : e.toString()));
        }
    }

    private static String text(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new DataException(file + ": not UTF-8 text");
        }
    }

    /** draws.csv as {@link DrawsCsv} writes it: a header, then numbers, no quoting. */
    static Draws readDraws(Path file) throws IOException {
        List<String> lines = lines(file);
        if (lines.isEmpty()) {
            throw new DataException(file + ": empty; expected a header of column names");
        }
        List<String> header = List.of(lines.get(0).split(",", -1));
        int logP = header.indexOf(DrawsCsv.LOG_P);
        int logQ = header.indexOf(DrawsCsv.LOG_Q);
        if (logP < 0 || logQ < 0) {
            throw new DataException(file + ": no " + DrawsCsv.LOG_P + " and " + DrawsCsv.LOG_Q
                    + " columns; is this a draws.csv written by vmc?");
        }
        List<Integer> keep = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c != logP && c != logQ) {
                if (header.get(c).isBlank()) {
                    throw new DataException(file + ":1: column " + (c + 1) + " has no name");
                }
                keep.add(c);
                columns.add(header.get(c));
            }
        }
        double[][] values = new double[lines.size() - 1][];
        for (int r = 1; r < lines.size(); r++) {
            String[] fields = lines.get(r).split(",", -1);
            if (fields.length != header.size()) {
                throw new DataException(file + ":" + (r + 1) + ": " + fields.length + " values for " + header.size()
                        + " columns");
            }
            double[] row = new double[keep.size()];
            for (int k = 0; k < row.length; k++) {
                row[k] = number(fields[keep.get(k)], file, r + 1);
            }
            values[r - 1] = row;
        }
        return new Draws(List.copyOf(columns), values);
    }

    /** elbo.csv: {@code step,elbo}, then one row per step. */
    static Trace readTrace(Path file) throws IOException {
        List<String> lines = lines(file);
        if (lines.isEmpty() || !lines.get(0).strip().equals("step,elbo")) {
            throw new DataException(file + ":1: expected the header step,elbo; is this an elbo.csv written by vmc?");
        }
        long[] steps = new long[lines.size() - 1];
        double[] elbo = new double[steps.length];
        for (int r = 1; r < lines.size(); r++) {
            String[] fields = lines.get(r).split(",", -1);
            if (fields.length != 2) {
                throw new DataException(file + ":" + (r + 1) + ": expected step,elbo, found '" + lines.get(r) + "'");
            }
            try {
                steps[r - 1] = Long.parseLong(fields[0].strip());
            } catch (NumberFormatException e) {
                throw new DataException(file + ":" + (r + 1) + ": the step '" + fields[0] + "' is not a whole number");
            }
            elbo[r - 1] = number(fields[1], file, r + 1);
        }
        return new Trace(steps, elbo);
    }

    private static List<String> lines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : text(file).split("\n", -1)) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!l.isBlank()) {
                lines.add(l);
            }
        }
        return lines;
    }

    /** A number as Double.toString writes it (NaN and Infinity included); nothing else. */
    private static double number(String field, Path file, int line) {
        String text = field.strip();
        try {
            if (!text.isEmpty() && !text.endsWith("d") && !text.endsWith("D") && !text.endsWith("f")
                    && !text.endsWith("F")) {
                return Double.parseDouble(text);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DataException(file + ":" + line + ": '" + field + "' is not a number");
    }

    /** The draws' columns that belong to {@code variable}: {@code theta.1 ... theta.8} for theta, {@code mu} for mu. */
    static boolean belongsTo(String column, String variable) {
        return column.equals(variable) || column.startsWith(variable + ".");
    }

    /** The variable a column belongs to: the part of its name before the first dot. */
    static String variableOf(String column) {
        int dot = column.indexOf('.');
        return dot < 0 ? column : column.substring(0, dot);
    }
}
