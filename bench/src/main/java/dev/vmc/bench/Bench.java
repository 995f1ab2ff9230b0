package dev.vmc.bench;

import dev.vmc.api.CompiledModel;
import dev.vmc.api.Vmc;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.infer.FitListener;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;
import dev.vmc.runtime.tensor.Blas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prints the performance table the README quotes: time per optimisation step at 1, 10 and
 * 100 particles, native (ND4J) calls per step, steps and seconds to converge under the
 * default rule, the wall time of a whole {@code bin/vmc run}, and what one elementwise op costs
 * through ND4J and as a Java loop, then {@link PosteriorAccuracy}'s table. Run from the repository
 * root after {@code mvn -q -DskipTests package}: {@code bench/run}; {@code bench/run accuracy} prints
 * only the accuracy table.
 */
public final class Bench {
    private record Example(String name, Path model, Path data) {}

    private static final List<Example> EXAMPLES = List.of(
            new Example("eight_schools", Path.of("examples/eight_schools/eight_schools.vmodel"),
                    Path.of("examples/eight_schools/data.json")),
            new Example("logistic_regression", Path.of("examples/logistic_regression/logistic_regression.vmodel"),
                    Path.of("examples/logistic_regression/data.json")));

    private static final int[] PARTICLES = {1, 10, 100};

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args.length <= 2 && args[0].equals("accuracy")) {
            PosteriorAccuracy.print(args.length == 2 ? Integer.parseInt(args[1]) : 3);
            return;
        } else if (args.length != 0) {
            System.err.println("usage: bench/run [accuracy [SEEDS]]");
            System.exit(2);
        }
        System.out.printf("vmc %s benchmark, %d cores, Java %s%n%n", Vmc.VERSION,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("%-20s %10s %10s %10s %12s %10s %10s %10s%n", "model", "us/step S1", "us/step S10",
                "us/step S100", "native/step", "conv steps", "conv s", "vmc run s");
        for (Example e : EXAMPLES) {
            CompiledModel model = Vmc.compile(e.model());
            DataSet data = DataSet.read(e.data());
            List<String> cells = new ArrayList<>();
            double nativePerStep = 0;
            for (int s : PARTICLES) {
                double[] measured = microsPerStep(model, data, s);
                cells.add(String.format("%.1f", measured[0]));
                nativePerStep = Math.max(nativePerStep, measured[1]);
            }
            FitResult converged = model.fit(data, FitOptions.defaults().withDraws(0), null, FitListener.SILENT);
            double wall = wallSeconds(e);
            System.out.printf("%-20s %10s %10s %10s %12.1f %10d %10.2f %10.2f%n", e.name(), cells.get(0), cells.get(1),
                    cells.get(2), nativePerStep, converged.steps(), converged.seconds(), wall);
        }
        System.out.println();
        System.out.println("us/step: median of 5 runs of the difference between a 6,000- and a 1,000-step fit");
        System.out.println("  (fixed step size, no convergence checks, no draws), so set-up cost cancels.");
        System.out.println("conv: a default fit (step-size search, Stan's rule at tol 0.01), seconds include the search.");
        System.out.println("vmc run: wall time of bin/vmc run with defaults, JVM start to summary, best of 3.");
        System.out.println();
        OpCost.print();
        System.out.println();
        PosteriorAccuracy.print(3);
    }

    /** [microseconds per step, native calls per step] for S particles. */
    private static double[] microsPerStep(CompiledModel model, DataSet data, int particles) {
        FitOptions base = FitOptions.defaults().withParticles(particles).withLearningRate(0.01).withTolerance(0).withDraws(0);
        timeSteps(model, data, base, 3000); // warm up the JIT
        double[] runs = new double[5];
        double nativeCalls = 0;
        for (int r = 0; r < runs.length; r++) {
            long callsBefore = Blas.calls();
            double shortRun = timeSteps(model, data, base, 1000);
            double longRun = timeSteps(model, data, base, 6000);
            nativeCalls = (Blas.calls() - callsBefore) / 7000.0;
            runs[r] = (longRun - shortRun) / 5000 * 1e6;
        }
        java.util.Arrays.sort(runs);
        return new double[] {runs[2], nativeCalls};
    }

    private static double timeSteps(CompiledModel model, DataSet data, FitOptions base, long steps) {
        long start = System.nanoTime();
        model.fit(data, base.withMaxSteps(steps), null, FitListener.SILENT);
        return (System.nanoTime() - start) / 1e9;
    }

    private static double wallSeconds(Example e) throws IOException, InterruptedException {
        double best = Double.POSITIVE_INFINITY;
        Path out = Path.of(System.getProperty("java.io.tmpdir"), "vmc-bench-" + ProcessHandle.current().pid());
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder("bin/vmc", "run", e.model().toString(), "--data", e.data().toString(),
                    "--out", out.toString(), "--overwrite")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("bin/vmc run failed for " + e.name() + "; build with mvn -q -DskipTests package");
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }
}
