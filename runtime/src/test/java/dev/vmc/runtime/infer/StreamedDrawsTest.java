package dev.vmc.runtime.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.GaussianTarget;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.Precision;
import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.output.Summary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Draws handed to a sink as they are made are the draws a fit would keep, and summarised the same. */
class StreamedDrawsTest {
    private final GaussianTarget target = GaussianTarget.conditioned(5, 10, 3);

    /** A sink that records what it is given, copying each reused row. */
    private static final class Recorder implements DrawsSink {
        List<String> columns;
        final List<double[]> rows = new ArrayList<>();

        public void begin(List<String> columns) {
            this.columns = columns;
        }

        public void draw(double[] values, double logP, double logQ) {
            double[] row = java.util.Arrays.copyOf(values, values.length + 2);
            row[values.length] = logP;
            row[values.length + 1] = logQ;
            rows.add(row);
        }
    }

    @Test
    void aSinkGetsExactlyTheDrawsAFitKeeps() {
        for (Resampling resampling : Resampling.values()) {
            FitOptions options = FitOptions.defaults().withSeed(4).withDraws(700).withResampling(resampling);
            FitResult kept = Fitter.fit(target, GuideChoice.automatic(), options, FitListener.SILENT);
            Recorder sink = new Recorder();
            FitResult streamed = Fitter.fit(target, GuideChoice.automatic(), options, FitListener.SILENT, sink);
            assertNull(streamed.draws(), "streamed draws are not kept");
            assertEquals(kept.draws().columns(), sink.columns);
            assertEquals(700, sink.rows.size());
            for (int i = 0; i < 700; i++) {
                double[] row = sink.rows.get(i);
                int width = row.length - 2;
                assertArrayEquals(kept.draws().values()[i], java.util.Arrays.copyOf(row, width), "draw " + i);
                assertEquals(kept.draws().logP()[i], row[width]);
                assertEquals(kept.draws().logQ()[i], row[width + 1]);
            }
            assertEquals(kept.summary().format(), streamed.summary().format());
            assertEquals(kept.summary().format(),
                    Summary.of(kept.draws().columns(), kept.draws().values()).format(), "the summary is of the kept draws");
        }
    }

    @Test
    void aSummaryBuiltBlockByBlockIsTheSame() {
        ElboGraph elbo = ElboGraph.build(target, GaussianGuide.fullRank());
        ParameterStore store = ParameterStore.initial(elbo.graph);
        int[] counts = new int[300];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i % 3; // repeats and gaps, as after resampling
        }
        Recorder whole = new Recorder();
        Summary one = PosteriorDraws.report(elbo, store, 77, Precision.DOUBLE, counts, whole);
        Recorder blocks = new Recorder();
        int rows = java.util.Arrays.stream(counts).sum();
        Summary many = PosteriorDraws.report(elbo, store, 77, Precision.DOUBLE, counts, blocks, 2 * rows);
        assertEquals(one.format(), many.format());
        assertEquals(rows, blocks.rows.size(), "the sink sees each draw once, whatever the blocks");
        assertTrue(one.rows().size() == 5, "five columns");
    }
}
