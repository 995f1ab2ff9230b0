package dev.vmc.runtime.train;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.Precision;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The executors a training step runs on: one, or one per thread (data-parallel: each holds its
 * share of the minibatch, all read the one parameter store, and the step averages their
 * gradients). Each has its own random stream, split from the seed in a fixed order, so a run
 * gives the same numbers for the same seed and thread count.
 */
final class Workers implements AutoCloseable {
    final List<Executor> executors = new ArrayList<>();
    /** Runs workers 1.. while the calling thread runs worker 0; null for one worker. */
    final ExecutorService pool;
    private final List<Thread> threads = new ArrayList<>();
    private final ThreadMXBean clock = ManagementFactory.getThreadMXBean();

    Workers(Objective objective, ParameterStore store, TrainOptions options, SplittableRandom noise) {
        int count = options.threads();
        for (int t = 0; t < count; t++) {
            executors.add(new Executor(objective.elbo.graph, options.particles(), store, t == 0 ? noise : noise.split(),
                    Precision.DOUBLE, options.dataType()).computeOnly(objective.root, objective.elboValue));
        }
        threads.add(Thread.currentThread());
        pool = count == 1 ? null : Executors.newFixedThreadPool(count - 1, task -> {
            Thread thread = new Thread(task, "vmc-train-worker");
            thread.setDaemon(true);
            synchronized (threads) {
                threads.add(thread);
            }
            return thread;
        });
    }

    int count() {
        return executors.size();
    }

    /** Runs {@code task} for every worker's index, at once, and waits for all. */
    void each(IntConsumer task) {
        List<Future<?>> others = new ArrayList<>();
        for (int t = 1; t < executors.size(); t++) {
            int index = t;
            others.add(pool.submit(() -> task.accept(index)));
        }
        task.accept(0);
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    /** A one-value node's mean over the workers. */
    double mean(Node node) {
        double sum = 0;
        for (Executor e : executors) {
            sum += e.value(node).item();
        }
        return sum / executors.size();
    }

    /** CPU time of every thread that has run a worker, in nanoseconds. */
    long cpuNanos() {
        long total = 0;
        synchronized (threads) {
            for (Thread t : threads) {
                long ns = clock.getThreadCpuTime(t.getId());
                total += Math.max(ns, 0);
            }
        }
        return total;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
