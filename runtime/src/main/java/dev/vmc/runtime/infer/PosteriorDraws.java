package dev.vmc.runtime.infer;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.Precision;
import dev.vmc.runtime.output.DrawsCsv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Draws from a fitted guide, each with every reported value on its constrained scale and with
 * log p and log q (so that importance-sampling diagnostics can be computed later).
 */
public record PosteriorDraws(List<String> columns, double[][] values, double[] logP, double[] logQ) {
    /**
     * Draws are taken this many at a time: enough to batch, few enough to bound memory and to
     * keep products at the sizes the training steps use.
     */
    private static final int CHUNK = 100;

    static PosteriorDraws sample(ElboGraph elbo, ParameterStore store, int count, RandomGenerator random,
            Precision precision) {
        List<String> columns = new ArrayList<>();
        for (Map.Entry<String, Node> e : elbo.reported.entrySet()) {
            columns.addAll(DrawsCsv.columnNames(e.getKey(), e.getValue().shape));
        }
        double[][] values = new double[count][columns.size()];
        double[] logP = new double[count];
        double[] logQ = new double[count];
        Executor executor = null;
        for (int start = 0; start < count; start += CHUNK) {
            int n = Math.min(CHUNK, count - start);
            if (executor == null || executor.particles() != n) {
                executor = new Executor(elbo.graph, n, store, random, precision);
            }
            executor.forward();
            int column = 0;
            for (Node node : elbo.reported.values()) {
                int width = node.modelSize();
                double[] data = executor.value(node).data;
                for (int s = 0; s < n; s++) {
                    // a reported value that does not depend on the latents is the same for every draw
                    int offset = node.batched ? s * width : 0;
                    System.arraycopy(data, offset, values[start + s], column, width);
                }
                column += width;
            }
            copyPerParticle(executor, elbo.logP, logP, start, n);
            copyPerParticle(executor, elbo.logQ, logQ, start, n);
        }
        return new PosteriorDraws(List.copyOf(columns), values, logP, logQ);
    }

    /** The first {@code n} draws. */
    public PosteriorDraws first(int n) {
        return new PosteriorDraws(columns, Arrays.copyOf(values, n), Arrays.copyOf(logP, n), Arrays.copyOf(logQ, n));
    }

    /** The draws at the given indices, in that order (repeats allowed: a resample). */
    public PosteriorDraws rows(int[] indices) {
        double[][] v = new double[indices.length][];
        double[] p = new double[indices.length];
        double[] q = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            v[i] = values[indices[i]];
            p[i] = logP[indices[i]];
            q[i] = logQ[indices[i]];
        }
        return new PosteriorDraws(columns, v, p, q);
    }

    private static void copyPerParticle(Executor executor, Node node, double[] into, int start, int n) {
        double[] data = executor.value(node).data;
        for (int s = 0; s < n; s++) {
            into[start + s] = node.batched ? data[s] : data[0];
        }
    }
}
