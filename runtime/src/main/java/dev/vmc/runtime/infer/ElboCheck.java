package dev.vmc.runtime.infer;

import dev.vmc.runtime.diagnose.Estimate;
import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.Precision;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The ELBO at given parameters, estimated always with the same draws: successive checks then
 * differ only through the parameters, so Monte Carlo noise can neither fake progress nor hide
 * a fall. The executor and its buffers are made once; each check copies the parameters in.
 */
final class ElboCheck {
    private final ElboGraph elbo;
    private final ParameterStore parameters;
    private final Replay random;
    private final Executor executor;
    private final double[] terms;
    private long evaluations;

    ElboCheck(ElboGraph elbo, ParameterStore like, int particles, long seed, Precision precision) {
        this.elbo = elbo;
        this.parameters = like.copy();
        this.random = new Replay(seed);
        this.executor = new Executor(elbo.graph, particles, parameters, random, precision).computeOnly(elbo.terms);
        this.terms = new double[particles];
    }

    Estimate at(ParameterStore values) {
        parameters.copyFrom(values);
        random.rewind();
        executor.forward();
        evaluations += terms.length;
        double[] data = executor.value(elbo.terms).data;
        for (int s = 0; s < terms.length; s++) {
            terms[s] = elbo.terms.batched ? data[s] : data[0];
        }
        return Estimate.of(terms);
    }

    long evaluations() {
        return evaluations;
    }

    /** A random stream that can be started over from its seed. */
    private static final class Replay implements RandomGenerator {
        private final long seed;
        private SplittableRandom stream;

        Replay(long seed) {
            this.seed = seed;
            rewind();
        }

        void rewind() {
            stream = new SplittableRandom(seed);
        }

        @Override
        public long nextLong() {
            return stream.nextLong();
        }

        @Override
        public double nextDouble() {
            return stream.nextDouble();
        }

        @Override
        public double nextGaussian() {
            return stream.nextGaussian();
        }
    }
}
