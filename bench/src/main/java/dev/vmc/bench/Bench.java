package dev.vmc.bench;

import dev.vmc.api.CompiledModel;
import dev.vmc.api.Vmc;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.infer.Algorithm;
import dev.vmc.runtime.infer.FitListener;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;
import dev.vmc.runtime.tensor.Blas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prints the performance table the README quotes: time per optimisation step at 1, 10 and
 * 100 particles, native (ND4J) calls per step, steps and seconds to converge under the
 * default rule, the wall time of a whole {@code bin/vmc run}, Stan's time per step on the large
 * regression, where a shared-matrix product's BLAS path overtakes its Java loops, and what one
 * elementwise op costs through ND4J and as a Java loop, then {@link Estimators}' table of the
 * gradient estimators on the mixture and {@link PosteriorAccuracy}'s table. Run
 * from the repository root after {@code mvn -q -DskipTests package}: {@code bench/run};
 * {@code bench/run MODEL...} for just those rows of the first table; {@code bench/run vae [EPOCHS]} for
 * {@link VaeBench}'s table of the VAE beside PyTorch; {@code bench/run estimators} for
 * {@link Estimators}' table of the gradient estimators on the mixture; {@code bench/run loops} for
 * {@link Loops}' cost of Stan's statements per gradient step; {@code bench/run accuracy [SEEDS [NAME...]]}
 * for just the accuracy table; {@code bench/run network} for {@link Networks}' table (a VAE's networks
 * forward and backward, float32 and float64, against ND4J's gemm); {@code bench/run ode} for {@link OdeBench}'s
 * row (one Lotka-Volterra solve with sensitivities); {@code bench/run data [quick]} for {@link DataReading}'s table (reading a
 * 10,000 x 784 matrix; quick: without the smallest-heap search), which the full run leaves out
 * because it takes minutes.
 */
public final class Bench {
    /**
     * A model to time: its data file, the particle counts to time it at (the large regression
     * only at the cheaper ones), and the steps of the short and long fits whose difference is
     * timed.
     */
    record Example(String name, Path model, Path data, int[] particles, int shortSteps, int longSteps) {}

    private static final int[] PARTICLES = {1, 10, 100};

    /** Stan's figure for the regression when Rscript with rstan is not on this machine. */
    private static final String STAN_RECORDED = "279.4 us/step, recorded 2026-12-01 (rstan 2.21.7, this kind of 2-core machine)";

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("accuracy")) {
            List<String> only = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
            PosteriorAccuracy.print(args.length >= 2 ? Integer.parseInt(args[1]) : 3, only);
            return;
        }
        if (args.length >= 1 && args[0].equals("estimators")) {
            Estimators.print();
            return;
        }
        if (args.length >= 1 && args[0].equals("vae")) {
            VaeBench.print(args.length == 2 ? Integer.parseInt(args[1]) : 10);
            return;
        }
        if (args.length >= 1 && args[0].equals("loops")) {
            Loops.print();
            return;
        }
        if (args.length >= 1 && args[0].equals("network")) {
            Networks.print();
            return;
        }
        if (args.length >= 1 && args[0].equals("ode")) {
            OdeBench.print();
            return;
        }
        if (args.length >= 1 && args[0].equals("data")) {
            DataReading.print(!(args.length == 2 && args[1].equals("quick")));
            return;
        }
        Path scratch = Files.createTempDirectory("vmc-bench");
        try {
            run(List.of(args), scratch.resolve("regression.json"));
        } finally {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void run(List<String> only, Path regressionData) throws Exception {
        Regression.write(regressionData);
        List<Example> examples = List.of(
                new Example("eight_schools", Path.of("examples/eight_schools/eight_schools.vmodel"),
                        Path.of("examples/eight_schools/data.json"), PARTICLES, 1000, 6000),
                new Example("logistic_regression", Path.of("examples/logistic_regression/logistic_regression.vmodel"),
                        Path.of("examples/logistic_regression/data.json"), PARTICLES, 1000, 6000),
                new Example("regression_5000x24", Regression.MODEL, regressionData, new int[] {1, 10}, 1000, 6000));
        System.out.printf("vmc %s benchmark, %d cores, Java %s%n%n", Vmc.VERSION,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("%-20s %10s %10s %10s %12s %10s %10s %10s%n", "model", "us/step S1", "us/step S10",
                "us/step S100", "native/step", "conv steps", "conv s", "vmc run s");
        for (Example e : examples) {
            if (!only.isEmpty() && !only.contains(e.name())) {
                continue;
            }
            CompiledModel model = Vmc.compile(e.model());
            DataSet data = DataSet.read(e.data());
            List<String> cells = new ArrayList<>();
            double nativePerStep = 0;
            for (int s : PARTICLES) {
                if (!contains(e.particles(), s)) {
                    cells.add("-");
                    continue;
                }
                double[] measured = microsPerStep(model, data, s, e.shortSteps(), e.longSteps());
                cells.add(String.format("%.1f", measured[0]));
                nativePerStep = Math.max(nativePerStep, measured[1]);
            }
            FitResult converged = model.fit(data, FitOptions.defaults().withDraws(0), null, FitListener.SILENT);
            double wall = wallSeconds(e);
            System.out.printf("%-20s %10s %10s %10s %12.1f %10d %10.2f %10.2f%n", e.name(), cells.get(0), cells.get(1),
                    cells.get(2), nativePerStep, converged.steps(), converged.seconds(), wall);
        }
        if (!only.isEmpty()) {
            return; // bench/run MODEL...: just those rows
        }
        System.out.printf("%-20s %10s%n", "Stan ADVI regression", stanMicrosPerStep(regressionData));
        System.out.println();
        System.out.println("us/step: median of 5 runs of the difference between a 6,000- and a 1,000-step fit (fixed step");
        System.out.println("  size, no convergence checks, no draws), so set-up cost cancels; '-': not measured (too slow).");
        System.out.println("  regression_5000x24: examples/linear_regression's model on N = 5,000");
        System.out.println("  rows of 24 predictors correlated at 0.9, generated by the bench from a fixed seed.");
        System.out.println("Stan ADVI regression: the same model and data in rstan's vb() at S = 1, measured the same way");
        System.out.println("  by bench/stan/per_step.R when Rscript with rstan is installed, else the recorded figure.");
        System.out.println("conv: a default fit (Pathfinder start, whitened refinement, checks every 50 steps), its steps");
        System.out.println("  and seconds, Pathfinder included.");
        System.out.println("vmc run: wall time of bin/vmc run with defaults, JVM start to summary, best of 3.");
        System.out.println();
        printPaths(examples.subList(0, 2));
        System.out.println();
        Crossover.print();
        System.out.println();
        OpCost.print();
        System.out.println();
        Estimators.print();
        System.out.println();
        VaeBench.print(10);
        System.out.println();
        PosteriorAccuracy.print(3);
    }

    /** What Pathfinder's paths cost in wall time on this machine: what --paths' default rests on. */
    private static void printPaths(List<Example> examples) throws IOException, InterruptedException {
        System.out.printf("%-28s", "vmc run s, by --paths");
        for (Example e : examples) {
            System.out.printf(" %20s", e.name());
        }
        System.out.println();
        for (int paths : new int[] {1, 2, 4}) {
            System.out.printf("%-28s", "--paths " + paths);
            for (Example e : examples) {
                System.out.printf(" %20.2f", wallSeconds(e, "--paths", Integer.toString(paths)));
            }
            System.out.println();
        }
    }

    private static boolean contains(int[] values, int value) {
        return java.util.Arrays.stream(values).anyMatch(v -> v == value);
    }

    /**
     * Runs bench/stan/per_step.R on the regression's data when Rscript with rstan is here
     * (the first run compiles the model, about a minute, then keeps it in bench/target/stan);
     * otherwise the recorded figure.
     */
    private static String stanMicrosPerStep(Path data) throws IOException, InterruptedException {
        boolean haveRstan;
        try {
            Process probe = new ProcessBuilder("Rscript", "-e", "quit(status = if (requireNamespace('rstan', quietly = TRUE)) 0 else 1)")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            haveRstan = probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException notInstalled) {
            haveRstan = false;
        }
        if (!haveRstan) {
            return STAN_RECORDED;
        }
        Process p = new ProcessBuilder("Rscript", "bench/stan/per_step.R", data.toString(), "bench/target/stan")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(900, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return "failed (" + output.strip().lines().reduce((a, b) -> b).orElse("no output") + "); recorded: " + STAN_RECORDED;
        }
        String line = output.lines().filter(l -> l.startsWith("stan_us_per_step ")).findFirst().orElseThrow();
        return line.substring("stan_us_per_step ".length()) + " us/step, measured now with rstan";
    }

    /** [microseconds per step, native calls per step] for S particles. */
    private static double[] microsPerStep(CompiledModel model, DataSet data, int particles, int shortSteps, int longSteps) {
        // plain mean-field ADVI steps, as Stan's are timed: no start to set up, nothing but steps differs
        FitOptions base = FitOptions.defaults().withAlgorithm(Algorithm.ADVI).withParticles(particles).withLearningRate(0.01)
                .withTolerance(0).withDraws(0).withDiagnosticDraws(0);
        timeSteps(model, data, base, 3 * shortSteps); // warm up the JIT
        double[] runs = new double[5];
        double nativeCalls = 0;
        for (int r = 0; r < runs.length; r++) {
            long callsBefore = Blas.calls();
            double shortRun = timeSteps(model, data, base, shortSteps);
            double longRun = timeSteps(model, data, base, longSteps);
            nativeCalls = (Blas.calls() - callsBefore) / (double) (shortSteps + longSteps);
            runs[r] = (longRun - shortRun) / (longSteps - shortSteps) * 1e6;
        }
        java.util.Arrays.sort(runs);
        return new double[] {runs[2], nativeCalls};
    }

    private static double timeSteps(CompiledModel model, DataSet data, FitOptions base, long steps) {
        long start = System.nanoTime();
        model.fit(data, base.withMaxSteps(steps), null, FitListener.SILENT);
        return (System.nanoTime() - start) / 1e9;
    }

    /** The best of three wall times of {@code bin/vmc run} on the example, with any extra options. */
    static double wallSeconds(Example e, String... extra) throws IOException, InterruptedException {
        double best = Double.POSITIVE_INFINITY;
        Path out = Path.of(System.getProperty("java.io.tmpdir"), "vmc-bench-" + ProcessHandle.current().pid());
        List<String> command = new ArrayList<>(List.of("bin/vmc", "run", e.model().toString(), "--data", e.data().toString(),
                "--out", out.toString(), "--overwrite"));
        command.addAll(List.of(extra));
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("bin/vmc run failed for " + e.name() + "; build with mvn -q -DskipTests package");
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }
}
