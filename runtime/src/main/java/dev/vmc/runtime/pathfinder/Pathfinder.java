package dev.vmc.runtime.pathfinder;

import dev.vmc.runtime.diagnose.Estimate;
import dev.vmc.runtime.model.LogDensity;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pathfinder (Zhang, Carpenter, Gelman and Vehtari, JMLR 2022): independent L-BFGS paths from
 * random starts, each proposing the Gaussian along its path with the best ELBO; the best of all
 * paths wins. Paths run on their own threads, each with its own random stream split from the
 * seed in path order, so the result does not depend on scheduling. Paths that end far apart
 * are reported: a sign of several modes.
 */
public final class Pathfinder {
    /**
     * @param paths         independent paths
     * @param history       curvature pairs kept (the paper's J)
     * @param elboDraws     draws per ELBO estimate along a path (the paper's K)
     * @param maxIterations most L-BFGS iterations per path
     */
    public record Options(int paths, int history, int elboDraws, int maxIterations) {
        public static Options defaults(int paths) {
            return new Options(paths, 6, 25, Lbfgs.MAX_ITERATIONS);
        }
    }

    /** Two paths' Gaussians centred this many of the best one's sds apart count as different modes. */
    private static final double DISAGREEMENT_SDS = 3;

    private final List<SinglePath.Outcome> outcomes;
    private final List<String> names;
    private final int best;

    private Pathfinder(List<SinglePath.Outcome> outcomes, List<String> names) {
        this.outcomes = outcomes;
        this.names = names;
        int b = -1;
        for (int p = 0; p < outcomes.size(); p++) {
            if (outcomes.get(p).best() != null && (b < 0 || outcomes.get(p).elbo().mean() > outcomes.get(b).elbo().mean())) {
                b = p;
            }
        }
        this.best = b;
    }

    public static Pathfinder run(LogDensity density, Options options, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        List<SplittableRandom> streams = new ArrayList<>();
        for (int p = 0; p < options.paths(); p++) {
            streams.add(root.split());
        }
        List<SinglePath.Outcome> outcomes = new ArrayList<>();
        if (options.paths() == 1) {
            outcomes.add(SinglePath.run(density, options, streams.get(0)));
        } else {
            int threads = Math.min(options.paths(), Runtime.getRuntime().availableProcessors());
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "vmc-pathfinder");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<SinglePath.Outcome>> futures = new ArrayList<>();
                for (SplittableRandom stream : streams) {
                    futures.add(pool.submit(() -> SinglePath.run(density, options, stream)));
                }
                for (Future<SinglePath.Outcome> f : futures) {
                    outcomes.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Pathfinder ran", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return new Pathfinder(outcomes, density.coordinateNames());
    }

    /** Whether any path found a Gaussian at all. */
    public boolean found() {
        return best >= 0;
    }

    /** The winning Gaussian; only when {@link #found}. */
    PathGaussian gaussian() {
        return outcomes.get(best).best();
    }

    public Estimate elbo() {
        return found() ? outcomes.get(best).elbo() : new Estimate(Double.NEGATIVE_INFINITY, Double.NaN);
    }

    public double[] mean() {
        return gaussian().mean();
    }

    public long gradientEvaluations() {
        return outcomes.stream().mapToLong(SinglePath.Outcome::gradientEvaluations).sum();
    }

    public long densityEvaluations() {
        return outcomes.stream().mapToLong(SinglePath.Outcome::densityEvaluations).sum();
    }

    /** Whether some path's log density rose without bound. */
    public boolean unbounded() {
        return outcomes.stream().anyMatch(o -> o.lbfgs().unbounded());
    }

    /** The coordinate that moved furthest along an unbounded path, by name; null if no path was unbounded. */
    public String runaway() {
        for (SinglePath.Outcome o : outcomes) {
            if (o.lbfgs().unbounded()) {
                List<Lbfgs.Point> points = o.lbfgs().points();
                double[] first = points.get(0).x();
                double[] last = points.get(points.size() - 1).x();
                int far = 0;
                for (int i = 1; i < last.length; i++) {
                    far = Math.abs(last[i] - first[i]) > Math.abs(last[far] - first[far]) ? i : far;
                }
                return names.get(far);
            }
        }
        return null;
    }

    /** Why the first path that found nothing found nothing; null if every path found a Gaussian. */
    public String failure() {
        for (SinglePath.Outcome o : outcomes) {
            if (o.best() == null) {
                return o.lbfgs().stop();
            }
        }
        return null;
    }

    /** One line per path: iterations, why L-BFGS stopped, the best Gaussian's iterate and ELBO. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        for (int p = 0; p < outcomes.size(); p++) {
            SinglePath.Outcome o = outcomes.get(p);
            int iterations = Math.max(0, o.lbfgs().points().size() - 1);
            String elbo = o.best() == null ? "no usable Gaussian"
                    : String.format("best ELBO %.4g (se %.2g) at iteration %d", o.elbo().mean(), o.elbo().standardError(), o.iteration());
            lines.add(String.format("path %d: %d L-BFGS iterations, %s; %s%s", p + 1, iterations, o.lbfgs().stop(), elbo,
                    p == best && outcomes.size() > 1 ? " (kept)" : ""));
        }
        return lines;
    }

    /**
     * A sentence naming a path whose Gaussian is centred far from the best one's, in the best
     * one's sds, or null when all paths agree.
     */
    public String disagreement() {
        if (!found()) {
            return null;
        }
        PathGaussian top = gaussian();
        double[] centre = top.mean();
        double[] variances = top.variances();
        String worst = null;
        double worstDistance = DISAGREEMENT_SDS;
        for (int p = 0; p < outcomes.size(); p++) {
            PathGaussian q = outcomes.get(p).best();
            if (p == best || q == null) {
                continue;
            }
            double[] other = q.mean();
            for (int i = 0; i < centre.length; i++) {
                double distance = Math.abs(other[i] - centre[i]) / Math.sqrt(variances[i]);
                if (distance > worstDistance) {
                    worstDistance = distance;
                    worst = String.format("path %d ended %.3g sds from the kept path in %s (ELBO %.4g against %.4g)",
                            p + 1, distance, names.get(i), outcomes.get(p).elbo().mean(), elbo().mean());
                }
            }
        }
        return worst == null ? null : worst + ": the posterior may have several modes; vmc keeps the path with the best ELBO";
    }
}
