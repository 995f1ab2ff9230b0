package dev.vmc.cli;

import dev.vmc.runtime.graph.MemoryEstimate;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.infer.Algorithm;
import dev.vmc.runtime.infer.ElboGraph;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.Planner;
import dev.vmc.runtime.infer.PosteriorDraws;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.Model;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The memory a fit will need, estimated before it starts from the model's graph and the
 * options, so that a fit too big for the JVM's heap is refused in a second with what takes the
 * memory and how to raise the heap, not after minutes with an OutOfMemoryError. The fit's
 * stages do not overlap in time, so the need is the data and the guide's parameters, which
 * live throughout, plus the largest stage: Pathfinder's paths, the ascent (its particles'
 * buffers, the checks' 50 draws, the ELBO trace), or the posterior draws. The graph's buffers
 * are counted exactly ({@link MemoryEstimate}); the rest from the sizes the fit's classes
 * allocate. The estimate is of what is sure to be needed: it leaves out the JVM's own
 * overhead, so a fit estimated near the heap may still run out, and that is caught and
 * reported the same way ({@link #outOfMemory}).
 */
final class MemoryCheck {
    /** One thing that takes memory, said the way a user can act on it. */
    record Item(String what, long bytes) {}

    /** Iterates Pathfinder's L-BFGS keeps per path (each a point and a gradient): a typical path's length. */
    private static final int PATH_ITERATES = 100;
    /** Pathfinder's draws per ELBO estimate along a path. */
    private static final int PATHFINDER_DRAWS = 25;
    /** Posterior draws are taken this many at a time (PosteriorDraws). */
    private static final int DRAW_CHUNK = 100;
    /** Rank of a low-rank guide: at most twice Pathfinder's six curvature pairs. */
    private static final int LOW_RANK = 12;
    /** Copies of the guide's parameters a fit keeps: the store, Adam's two moments, the average, the best, the result. */
    private static final int PARAMETER_COPIES = 6;

    /** The estimate of the last check, for the message if the fit runs out of memory anyway. */
    private static volatile MemoryCheck last;

    private final long total;
    private final List<Item> items;
    private final String tooLargeForAnArray;

    private MemoryCheck(long total, List<Item> items, String tooLargeForAnArray) {
        this.total = total;
        this.items = items;
        this.tooLargeForAnArray = tooLargeForAnArray;
    }

    long total() {
        return total;
    }

    List<Item> items() {
        return items;
    }

    /**
     * Estimates the fit of {@code model} with {@code options}; {@code family} is the guide
     * asked for: auto, meanfield, lowrank, fullrank, or explicit (a guide written in the file,
     * counted as mean-field).
     */
    static MemoryCheck estimate(Planner.Plan plan, FitOptions options, String family) {
        Model model = plan.model();
        long coordinates = 0;
        for (LatentSpec latent : model.latents()) {
            coordinates += latent.unconstrainedSize();
        }
        if (coordinates > MemoryEstimate.MAX_ARRAY) {
            return new MemoryCheck(Long.MAX_VALUE, List.of(), String.format(Locale.ROOT, "the latents have %d"
                    + " coordinates in all, more than a Java array can hold (2^31 - 1)", coordinates));
        }
        int d = (int) coordinates;
        boolean initialGuide = options.initial().keySet().stream().anyMatch(k -> k.startsWith("guide."));
        boolean start = options.algorithm() != Algorithm.ADVI && !family.equals("explicit") && !initialGuide;
        // a guide with a start (Pathfinder's, or --init's) is fitted in whitened coordinates, whose
        // graph has more per-particle nodes: the mean-field one of those stands for every family
        GaussianGuide guide = (start || initialGuide) && !family.equals("explicit")
                ? GaussianGuide.of(GaussianGuide.Family.MEANFIELD, GaussianGuide.meanFieldStart(new double[d], ones(d)))
                : GaussianGuide.meanField();
        int particles = options.particlesFor(plan.hasScored());
        ElboGraph elbo = ElboGraph.build(model, plan.automaticGuide(guide), plan, options.estimators(), particles);
        long columns = 2; // log_p__ and log_q__
        for (Map<String, Node> reported : List.of(elbo.reported, elbo.summarised)) {
            for (Node node : reported.values()) {
                columns = MemoryEstimate.add(columns, MemoryEstimate.elements(node, 1));
            }
        }
        int nodes = elbo.graph.nodes().size();
        String tooLarge = null;

        MemoryEstimate train = MemoryEstimate.of(elbo.graph, particles, options.precision());
        MemoryEstimate check = MemoryEstimate.of(elbo.graph, options.evalParticles(), options.precision());
        long perParticle = MemoryEstimate.of(elbo.graph, 2, options.precision()).bytes()
                - MemoryEstimate.of(elbo.graph, 1, options.precision()).bytes();
        if (train.largestArray() > MemoryEstimate.MAX_ARRAY) {
            tooLarge = String.format(Locale.ROOT, "--particles %d needs an array of %d values (%d per particle) for %s,"
                    + " more than a Java array can hold (2^31 - 1); use fewer --particles", particles,
                    train.largestArray(), MemoryEstimate.elements(train.largestNode(), 1), train.largestNode().where());
        }

        boolean full = family.equals("fullrank");
        long guideValues = full ? MemoryEstimate.add(d, MemoryEstimate.multiply(d, d))
                : MemoryEstimate.multiply(d, family.equals("lowrank") || (family.equals("auto") && d > 200) ? 2 + LOW_RANK : 2);
        // a full-rank guide's d x d factor also has, in each executor, its gradient and the masked triangle
        long perExecutorGuide = full ? MemoryEstimate.multiply(MemoryEstimate.multiply(d, d), 4L * Double.BYTES) : 0;

        List<Item> fixed = new ArrayList<>();
        fixed.add(new Item("the data (and the graph's other constants)", MemoryEstimate.constantBytes(elbo.graph)));
        fixed.add(new Item(full ? String.format(Locale.ROOT, "the full-rank guide's %d x %d factor (--guide fullrank),"
                + " with Adam's moments and averages", d, d) : "the guide's parameters, with Adam's moments and averages",
                MemoryEstimate.multiply(guideValues, (long) PARAMETER_COPIES * Double.BYTES)));

        List<List<Item>> stages = new ArrayList<>();
        long trace = MemoryEstimate.multiply(options.tolerance() == 0 ? options.maxSteps()
                : Math.min(options.maxSteps(), 1 << 16), Double.BYTES * 3L / 2);
        Item traceItem = new Item(String.format(Locale.ROOT, "the ELBO trace: %d steps%s", options.maxSteps(),
                options.tolerance() == 0 ? " (--steps with --tol 0)" : ""), trace);
        if (options.tolerance() == 0 && options.maxSteps() > MemoryEstimate.MAX_ARRAY && tooLarge == null) {
            tooLarge = String.format(Locale.ROOT, "--steps %d with --tol 0 records %d ELBO values, more than a Java"
                    + " array can hold (2^31 - 1); use fewer --steps, or a --tol above 0", options.maxSteps(),
                    options.maxSteps());
        }
        Item fullRankBuffers = new Item(String.format(Locale.ROOT, "the full-rank factor's gradient and triangle in"
                + " each of %%d evaluators (%d x %d each)", d, d), perExecutorGuide);
        stages.add(List.of(
                new Item(String.format(Locale.ROOT, "Monte Carlo particles: --particles %d x %s per particle"
                        + " for the model's graph of %d nodes", particles, format(perParticle), nodes),
                        train.bytes()),
                new Item(String.format(Locale.ROOT, "the convergence checks: %d draws of the same graph",
                        options.evalParticles()), check.bytes()),
                new Item(String.format(Locale.ROOT, fullRankBuffers.what(), 2),
                        MemoryEstimate.multiply(perExecutorGuide, 2)),
                traceItem));

        if (start) {
            int threads = Math.min(options.paths(), Runtime.getRuntime().availableProcessors());
            long evaluators = MemoryEstimate.multiply(threads, MemoryEstimate.add(
                    MemoryEstimate.of(elbo.graph, PATHFINDER_DRAWS + 1, options.precision()).bytes(),
                    MemoryEstimate.multiply(d, 2L * PATHFINDER_DRAWS * Double.BYTES)));
            long kept = MemoryEstimate.multiply(options.paths(), MemoryEstimate.add(1024,
                    MemoryEstimate.multiply(d, (2L * PATH_ITERATES + 16) * Double.BYTES)));
            stages.add(List.of(new Item(String.format(Locale.ROOT, "Pathfinder: --paths %d, %d at a time, each"
                    + " keeping its L-BFGS path over %d coordinates", options.paths(), threads, d),
                    MemoryEstimate.add(evaluators, kept))));
        }

        // Draws go to draws.csv as they are made: what is held is log p and log q of every draw
        // behind PSIS (with its weights and a sorted copy), and the summary's block of columns.
        long draws = Math.max(options.draws(), options.diagnosticDraws());
        String drawsOption = options.diagnosticDraws() >= options.draws() ? "--psis-draws" : "--draws";
        int chunk = (int) Math.max(1, Math.min(DRAW_CHUNK, draws));
        long weights = MemoryEstimate.multiply(draws, 4L * Double.BYTES + Integer.BYTES);
        long reported = Math.max(1, options.draws());
        long block = Math.max(1, Math.min(columns, PosteriorDraws.summaryValues() / reported));
        long summary = MemoryEstimate.multiply(MemoryEstimate.multiply(reported, block), Double.BYTES);
        long drawExecutor = MemoryEstimate.of(elbo.graph, chunk, options.precision(), false).bytes();
        if (draws > MemoryEstimate.MAX_ARRAY && tooLarge == null) {
            tooLarge = String.format(Locale.ROOT, "%s %d is more draws than a Java array can hold (2^31 - 1)",
                    drawsOption, draws);
        }
        stages.add(List.of(new Item(String.format(Locale.ROOT, "posterior draws: the model's graph for %d draws at"
                + " a time", chunk), drawExecutor),
                new Item(String.format(Locale.ROOT, "posterior draws: log p and log q of %d (%s) for PSIS, and %d"
                + " draws x %d of the %d columns at a time for the summary (the draws themselves go to draws.csv)",
                draws, drawsOption, reported, block,
                columns), MemoryEstimate.add(weights, summary)),
                new Item(String.format(Locale.ROOT, fullRankBuffers.what(), 1), perExecutorGuide),
                traceItem));

        List<Item> peak = stages.stream().max(Comparator.comparingLong(MemoryCheck::sum)).orElseThrow();
        List<Item> items = new ArrayList<>(fixed);
        items.addAll(peak);
        items.removeIf(i -> i.bytes() == 0);
        items.sort(Comparator.comparingLong(Item::bytes).reversed());
        MemoryCheck estimate = new MemoryCheck(sum(items), List.copyOf(items), tooLarge);
        last = estimate;
        return estimate;
    }

    private static double[] ones(int d) {
        double[] ones = new double[d];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    private static long sum(List<Item> items) {
        long total = 0;
        for (Item i : items) {
            total = MemoryEstimate.add(total, i.bytes());
        }
        return total;
    }

    /** Refuses (exit 2) a fit that needs more than {@code heap} bytes, or an array larger than Java allows. */
    void require(long heap) {
        if (tooLargeForAnArray != null) {
            throw new Failure(ExitCode.USAGE, "vmc: " + tooLargeForAnArray);
        }
        if (total <= heap) {
            return;
        }
        StringBuilder message = new StringBuilder(String.format(Locale.ROOT, "vmc: this fit needs about %s of memory,"
                + " more than the %s the JVM may use (its heap):%n", format(total), format(heap)));
        for (Item item : items) {
            message.append(String.format(Locale.ROOT, "  %9s  %s%n", format(item.bytes()), item.what()));
        }
        message.append("Ask for less (the options above), or raise the heap: ").append(raiseHeap(total));
        throw new Failure(ExitCode.USAGE, message.toString());
    }

    /** The message for an OutOfMemoryError that happened anyway, while doing {@code activity}. */
    static String outOfMemory(String activity, OutOfMemoryError e) {
        long heap = Runtime.getRuntime().maxMemory();
        if (e.getMessage() != null && e.getMessage().contains("array size exceeds VM limit")) {
            return "vmc: out of memory while " + activity + ": an array of more than 2^31 - 1 values was needed, more than"
                    + " Java can hold whatever the heap; make the sizes involved (the data's, the latents',"
                    + " --particles, --draws) smaller";
        }
        StringBuilder message = new StringBuilder("vmc: out of memory while " + activity + ": the JVM may use at most "
                + format(heap) + " (its heap).");
        MemoryCheck estimate = last;
        if (estimate != null) {
            message.append(" vmc had estimated this fit at ").append(format(estimate.total)).append(", mostly ")
                    .append(estimate.items.get(0).what()).append('.');
        }
        message.append("\nAsk for less (fewer --particles, --draws or --psis-draws; smaller data), or raise the heap: ")
                .append(raiseHeap(Math.max(2 * heap, estimate == null ? 0 : estimate.total)));
        return message.toString();
    }

    /** "VMC_JAVA_OPTS=-Xmx12g bin/vmc ...", with room above {@code needed}, and the machine's memory if known. */
    static String raiseHeap(long needed) {
        long gigabytes = Math.max(1, (long) Math.ceil(needed * 1.25 / (1L << 30)));
        String machine = "";
        try {
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os) {
                long total = os.getTotalMemorySize();
                machine = total > 0 && gigabytes * (1L << 30) > total
                        ? ", though this machine has only " + format(total) + ": asking for less is the way"
                        : total > 0 ? " (this machine has " + format(total) + ")" : "";
            }
        } catch (RuntimeException | LinkageError e) {
            // the machine's size is only a courtesy
        }
        return "VMC_JAVA_OPTS=-Xmx" + gigabytes + "g bin/vmc ..." + machine;
    }

    /** Bytes for people: "512 bytes", "3.4 KB", "12 MB", "1.5 GB" (binary units, as -Xmx counts). */
    static String format(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EB";
        }
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes"
                : String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}
