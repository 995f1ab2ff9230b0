package dev.vmc.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.tensor.Tensor;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The estimate of an executor's buffers tracks what the executor really allocates, and never overflows. */
class MemoryEstimateTest {
    /** A regression's shape: a data matrix times a per-particle coefficient vector, a normal log density summed. */
    private static Graph regression(int rows, int columns) {
        Graph g = new Graph();
        Tensor x = new Tensor(new int[] {rows, columns});
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = Math.sin(i);
        }
        Node data = g.constant(x);
        Node loc = g.parameter("loc", new Tensor(new int[] {columns}));
        Node logScale = g.parameter("log_scale", new Tensor(new int[] {columns}));
        Node beta = g.add(loc, g.mul(g.exp(logScale), g.noise(Leaf.Noise.Kind.NORMAL, columns)));
        Node eta = g.matmul(data, beta);
        Node logp = g.neg(g.sum(g.mul(eta, eta)));
        g.meanOverParticles(g.add(logp, g.sum(logScale)));
        return g;
    }

    private static long allocatedBy(Runnable r) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        r.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }

    @Test
    void tracksWhatAnExecutorAllocates() {
        Graph g = regression(200, 5);
        ParameterStore store = ParameterStore.initial(g);
        for (int particles : new int[] {1000, 4000}) {
            long measured = allocatedBy(() -> new Executor(g, particles, store, new SplittableRandom(1)));
            long estimated = MemoryEstimate.of(g, particles, Precision.DOUBLE).bytes();
            assertTrue(estimated > 0.7 * measured && estimated < 1.5 * measured,
                    particles + " particles: estimated " + estimated + " bytes, measured " + measured);
        }
    }

    /** A forward-only executor (posterior draws) has no gradient buffers, and the estimate knows it. */
    @Test
    void tracksAForwardOnlyExecutorAtAboutHalf() {
        Graph g = regression(200, 5);
        ParameterStore store = ParameterStore.initial(g);
        int particles = 4000;
        long full = allocatedBy(() -> new Executor(g, particles, store, new SplittableRandom(1)));
        long measured = allocatedBy(() -> Executor.forwardOnly(g, particles, store, new SplittableRandom(1), Precision.DOUBLE));
        long estimated = MemoryEstimate.of(g, particles, Precision.DOUBLE, false).bytes();
        assertTrue(estimated > 0.7 * measured && estimated < 1.5 * measured,
                "estimated " + estimated + " bytes, measured " + measured);
        assertTrue(measured < 0.7 * full, "forward only " + measured + " bytes against " + full);
        Executor e = Executor.forwardOnly(g, 2, store, new SplittableRandom(1), Precision.DOUBLE);
        e.forward();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> e.backward(g.nodes().get(g.nodes().size() - 1)));
    }

    @Test
    void growsLinearlyInTheParticles() {
        Graph g = regression(30, 3);
        long one = MemoryEstimate.of(g, 1, Precision.DOUBLE).bytes();
        long two = MemoryEstimate.of(g, 2, Precision.DOUBLE).bytes();
        long hundred = MemoryEstimate.of(g, 100, Precision.DOUBLE).bytes();
        assertEquals(one + 99 * (two - one), hundred);
        // single precision copies the constants: the 30 x 3 data matrix
        assertEquals(30 * 3 * 8, MemoryEstimate.of(g, 1, Precision.SINGLE).bytes() - one);
        assertEquals(30 * 3 * 8, MemoryEstimate.constantBytes(g));
    }

    @Test
    void aParticleCountBeyondJavasArraysIsReportedNotThrown() {
        Graph g = regression(1000, 4);
        MemoryEstimate e = MemoryEstimate.of(g, 2_000_000_000, Precision.DOUBLE);
        assertTrue(e.largestArray() > MemoryEstimate.MAX_ARRAY, "largest " + e.largestArray());
        assertEquals(2_000_000_000L * 1000, e.largestArray(), "the per-particle product of 1000 rows");
        assertTrue(e.bytes() > 16_000_000_000_000L, "bytes " + e.bytes());
        assertEquals(Long.MAX_VALUE, MemoryEstimate.multiply(Long.MAX_VALUE / 2, 3));
        assertEquals(Long.MAX_VALUE, MemoryEstimate.add(Long.MAX_VALUE - 1, 2));
    }
}
