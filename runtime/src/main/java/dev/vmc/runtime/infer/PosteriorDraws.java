package dev.vmc.runtime.infer;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.Precision;
import dev.vmc.runtime.output.DrawsCsv;
import dev.vmc.runtime.output.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws from a fitted guide, each with every reported value on its constrained scale and with
 * log p and log q (so that importance-sampling diagnostics can be computed from them). The
 * draws of a seed can be made again, identically, so they never need to be held: a first pass
 * keeps only log p and log q, and later passes replay the draws that are reported.
 */
public record PosteriorDraws(List<String> columns, double[][] values, double[] logP, double[] logQ) {
    /**
     * Draws are taken this many at a time: enough to batch, few enough to bound memory and to
     * keep products at the sizes the training steps use.
     */
    private static final int CHUNK = 100;
    /**
     * Values the summary holds at once: an eighth of the heap, at most 64 MB of doubles, so
     * that the summary's share stays small beside the fit's in any heap.
     */
    public static int summaryValues() {
        return (int) Math.max(1 << 16, Math.min(1 << 23, Runtime.getRuntime().maxMemory() / 8 / Double.BYTES));
    }

    /** What a replay hands over for each reported draw: its values (a reused array), log p and log q. */
    interface Consumer {
        void draw(double[] values, double logP, double logQ);
    }

    /** The columns of the draws a sink gets: the latents and derived quantities. */
    static List<String> columns(ElboGraph elbo) {
        return columns(elbo.reported);
    }

    /** The columns the summary gets: the sink's, then those summarised only. */
    private static List<String> summaryColumns(ElboGraph elbo) {
        List<String> all = new ArrayList<>(columns(elbo.reported));
        all.addAll(columns(elbo.summarised));
        return all;
    }

    private static List<String> columns(Map<String, Node> nodes) {
        List<String> columns = new ArrayList<>();
        for (Map.Entry<String, Node> e : nodes.entrySet()) {
            columns.addAll(DrawsCsv.columnNames(e.getKey(), e.getValue().shape));
        }
        return List.copyOf(columns);
    }

    /** log p and log q of the first {@code count} draws of the seed, as {logP, logQ}. */
    static double[][] weights(ElboGraph elbo, ParameterStore store, int count, long seed, Precision precision) {
        double[] logP = new double[count];
        double[] logQ = new double[count];
        int[] each = new int[count];
        java.util.Arrays.fill(each, 1);
        int[] next = {0};
        replay(elbo, store, seed, precision, each, null, (values, p, q) -> {
            logP[next[0]] = p;
            logQ[next[0]++] = q;
        });
        return new double[][] {logP, logQ};
    }

    /**
     * Makes the seed's draws again and hands draw i to the consumer {@code counts[i]} times, in
     * draw order, stopping after the last draw counted. With {@code row} null only log p and
     * log q are read; otherwise {@code row} (one slot per column) receives the values.
     */
    static void replay(ElboGraph elbo, ParameterStore store, long seed, Precision precision, int[] counts, double[] row,
            Consumer consumer) {
        int last = counts.length - 1;
        while (last >= 0 && counts[last] == 0) {
            last--;
        }
        SplittableRandom random = new SplittableRandom(seed);
        Executor executor = null;
        for (int start = 0; start <= last; start += CHUNK) {
            int n = Math.min(CHUNK, counts.length - start);
            if (executor == null || executor.particles() != n) {
                executor = Executor.forwardOnly(elbo.graph, n, store, random, precision);
                if (row == null) {
                    executor.computeOnly(elbo.logP, elbo.logQ); // the same draws, without what only the report needs
                }
            }
            executor.forward();
            for (int s = 0; s < n && start + s <= last; s++) {
                if (counts[start + s] == 0) {
                    continue;
                }
                if (row != null) {
                    fillRow(elbo, executor, s, row);
                }
                double p = perParticle(executor, elbo.logP, s);
                double q = perParticle(executor, elbo.logQ, s);
                for (int k = 0; k < counts[start + s]; k++) {
                    consumer.draw(row, p, q);
                }
            }
        }
    }

    /**
     * Hands the reported draws (draw i {@code counts[i]} times) to the sink and summarises them.
     * The summary's exact quantiles need a column's every value, so it collects as many columns
     * at a time as {@link #summaryValues} values allow, replaying the draws once per block: one
     * pass for most models, and bounded memory for the largest. Null when nothing is reported.
     */
    static Summary report(ElboGraph elbo, ParameterStore store, long seed, Precision precision, int[] counts,
            DrawsSink sink) {
        return report(elbo, store, seed, precision, counts, sink, summaryValues());
    }

    /** As above, holding at most {@code summaryValues} values at once. */
    static Summary report(ElboGraph elbo, ParameterStore store, long seed, Precision precision, int[] counts,
            DrawsSink sink, int summaryValues) {
        List<String> drawn = columns(elbo);
        List<String> columns = summaryColumns(elbo);
        sink.begin(drawn);
        int rows = java.util.Arrays.stream(counts).sum();
        int width = columns.size();
        if (rows == 0) {
            return null;
        }
        double[] row = new double[width];
        double[] sinkRow = drawn.size() == width ? row : new double[drawn.size()];
        int block = (int) Math.max(1, Math.min(width, summaryValues / rows));
        List<Summary.Row> summary = new ArrayList<>();
        for (int from = 0; from == 0 || from < width; from += block) {
            int first = from;
            int to = Math.min(width, from + block);
            double[][] values = new double[to - from][rows]; // column-major: no per-draw array
            int[] next = {0};
            replay(elbo, store, seed, precision, counts, row, (v, p, q) -> {
                int d = next[0]++;
                for (int c = first; c < to; c++) {
                    values[c - first][d] = v[c];
                }
                if (first == 0) {
                    if (sinkRow != v) {
                        System.arraycopy(v, 0, sinkRow, 0, sinkRow.length);
                    }
                    sink.draw(sinkRow, p, q);
                }
            });
            for (int c = from; c < to; c++) {
                summary.add(Summary.row(columns.get(c), values[c - from]));
            }
        }
        return Summary.ofRows(summary);
    }

    private static void fillRow(ElboGraph elbo, Executor executor, int s, double[] row) {
        int column = fill(elbo.reported, executor, s, row, 0);
        fill(elbo.summarised, executor, s, row, column);
    }

    private static int fill(Map<String, Node> nodes, Executor executor, int s, double[] row, int column) {
        for (Node node : nodes.values()) {
            int width = node.modelSize();
            // a reported value that does not depend on the latents is the same for every draw
            System.arraycopy(executor.value(node).data, node.batched ? s * width : 0, row, column, width);
            column += width;
        }
        return column;
    }

    private static double perParticle(Executor executor, Node node, int s) {
        return executor.value(node).data[node.batched ? s : 0];
    }

    /** A sink that keeps every draw: what the Java API returns when no sink is given. */
    static final class Collector implements DrawsSink {
        private List<String> columns = List.of();
        private final List<double[]> rows = new ArrayList<>();
        private final List<double[]> weights = new ArrayList<>();

        public void begin(List<String> columns) {
            this.columns = columns;
        }

        public void draw(double[] values, double logP, double logQ) {
            rows.add(values.clone());
            weights.add(new double[] {logP, logQ});
        }

        PosteriorDraws draws() {
            double[] p = new double[rows.size()];
            double[] q = new double[rows.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = weights.get(i)[0];
                q[i] = weights.get(i)[1];
            }
            return new PosteriorDraws(columns, rows.toArray(new double[0][]), p, q);
        }
    }
}
