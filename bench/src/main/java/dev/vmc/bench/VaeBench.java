package dev.vmc.bench;

import dev.vmc.api.BoundModel;
import dev.vmc.api.CompiledModel;
import dev.vmc.api.Vmc;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.infer.FitListener;
import dev.vmc.runtime.tensor.DataType;
import dev.vmc.runtime.train.EpochRecord;
import dev.vmc.runtime.train.Evaluation;
import dev.vmc.runtime.train.TrainOptions;
import dev.vmc.runtime.train.TrainResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The VAE example (784-400-50-400-784, softplus, Bernoulli, Adam 1e-3, batch 128) on its 8,000
 * training digits, scored on the 2,000 held out: seconds per epoch in float32 and float64, the
 * held-out ELBO and the importance-weighted bound (K = 100) after 5 and 10 epochs; and, when
 * Debian's python3-torch is installed, the same network in plain PyTorch (bench/vae_pytorch.py)
 * in the same invocation, with the ratio. Seconds are the training thread's CPU time per epoch
 * per thread (the median of epochs 2 to the last: the first includes the JIT's warm-up), which
 * a loaded machine disturbs less than wall time; wall time is printed beside it. PyTorch's
 * thread pools (its own and OpenBLAS's) are held to the thread count by their environment.
 */
final class VaeBench {
    private static final Path EXAMPLE = Path.of("examples/vae");
    private static final int[] SCORED = {5, 10};
    /** PyTorch's BLAS is said once, with its first run. */
    private static boolean blasShown;

    private VaeBench() {}

    static void print(int epochs) throws IOException, InterruptedException {
        CompiledModel model = Vmc.compile(EXAMPLE.resolve("vae.vmodel"));
        BoundModel train = model.bind(data("train"));
        BoundModel test = model.bind(data("test"));
        System.out.printf("VAE on examples/vae's digits: 8,000 to train, 2,000 held out; %d epochs, batch 128, Adam 1e-3%n", epochs);
        System.out.println("seconds per epoch: the best and the median of epochs 2 on (the first warms the JIT up), CPU per"
                + " thread; the 1-thread runs alternate vmc and PyTorch twice, so a passing load hits both");
        System.out.printf("%-22s %9s %9s %9s %10s %10s %11s %10s %11s%n", "implementation", "best cpu", "med cpu", "best wall",
                "med wall", "ELBO ep5", "IWAE100 ep5", "ELBO ep10", "IWAE100 ep10");
        Row f32 = vmc(train, test, DataType.FLOAT32, 1, epochs);
        Row torch1 = pytorch(1, epochs);
        if (torch1 != null) {
            f32 = f32.with(vmc(train, null, DataType.FLOAT32, 1, 5));
            torch1 = torch1.with(pytorch(1, 5));
        }
        f32.print("vmc float32, 1 thread");
        if (torch1 == null) {
            System.out.println("PyTorch: not run (needs /usr/bin/python3 with torch: apt-get install python3-torch)");
        } else {
            torch1.print("PyTorch, 1 thread");
        }
        Row f32two = vmc(train, test, DataType.FLOAT32, 2, epochs);
        f32two.print("vmc float32, 2 threads");
        Row torch2 = torch1 == null ? null : pytorch(2, epochs);
        if (torch2 != null) {
            torch2.print("PyTorch, 2 threads");
        }
        vmc(train, null, DataType.FLOAT64, 1, 4).print("vmc float64, 1 thread");
        vmc(train, null, DataType.FLOAT64, 2, 4).print("vmc float64, 2 threads");
        if (torch1 != null) {
            System.out.printf(Locale.ROOT, "vmc float32 / PyTorch, 1 thread: %.2f best, %.2f median (CPU); %.2f best, %.2f median"
                    + " (wall)%n", f32.best(f32.cpu) / torch1.best(torch1.cpu), f32.median(f32.cpu) / torch1.median(torch1.cpu),
                    f32.best(f32.wall) / torch1.best(torch1.wall), f32.median(f32.wall) / torch1.median(torch1.wall));
            System.out.printf(Locale.ROOT, "vmc float32 / PyTorch's fastest run, wall seconds per epoch: %.2f (vmc %d threads,"
                    + " PyTorch %d)%n", Math.min(f32.best(f32.wall), f32two.best(f32two.wall))
                            / Math.min(torch1.best(torch1.wall), torch2.best(torch2.wall)),
                    f32.best(f32.wall) <= f32two.best(f32two.wall) ? 1 : 2,
                    torch1.best(torch1.wall) <= torch2.best(torch2.wall) ? 1 : 2);
            System.out.printf(Locale.ROOT, "held-out ELBO after 5 epochs, vmc minus PyTorch: %+.2f nats per digit%n",
                    f32.elbo[0] - torch1.elbo[0]);
        }
    }

    private static DataSet data(String split) throws IOException {
        return DataSet.merge(List.of(DataSet.read(EXAMPLE.resolve(split + ".json")),
                DataSet.array("x", EXAMPLE.resolve("digits").resolve(split + "-images-idx3-ubyte.gz"))));
    }

    /** One implementation's seconds per epoch (epochs 2 on; CPU per thread) and its scores after 5 and 10 epochs (NaN if not reached). */
    private record Row(double[] cpu, double[] wall, double[] elbo, double[] iwae) {
        /** The epochs of another run of the same implementation added; the scores stay this run's. */
        Row with(Row other) {
            return new Row(concat(cpu, other.cpu), concat(wall, other.wall), elbo, iwae);
        }

        double best(double[] seconds) {
            return Arrays.stream(seconds).min().orElse(Double.NaN);
        }

        double median(double[] seconds) {
            return VaeBench.median(seconds);
        }

        void print(String name) {
            System.out.printf(Locale.ROOT, "%-22s %9.3f %9.3f %9.3f %10.3f %10s %11s %10s %11s%n", name, best(cpu), median(cpu),
                    best(wall), median(wall), f(elbo[0]), f(iwae[0]), f(elbo[1]), f(iwae[1]));
        }

        private static double[] concat(double[] a, double[] b) {
            double[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }

        private static String f(double v) {
            return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
        }
    }

    private static Row vmc(BoundModel train, BoundModel test, DataType type, int threads, int epochs) {
        double[] elbo = {Double.NaN, Double.NaN};
        double[] iwae = {Double.NaN, Double.NaN};
        TrainResult result = train.train(TrainOptions.defaults().withDataType(type).withEpochs(epochs).withThreads(threads), null,
                FitListener.SILENT, (record, parameters) -> {
                    int at = Arrays.binarySearch(SCORED, record.epoch());
                    if (at >= 0 && test != null) {
                        Evaluation.Result scores = test.evaluate(parameters, 100, 0, type, 7);
                        elbo[at] = scores.elbo();
                        iwae[at] = scores.iwae();
                    }
                });
        double[] cpu = result.epochs().stream().skip(1).mapToDouble(r -> r.cpuSeconds() / threads).toArray();
        double[] wall = result.epochs().stream().skip(1).mapToDouble(EpochRecord::seconds).toArray();
        return new Row(cpu, wall, elbo, iwae);
    }

    private static Row pytorch(int threads, int epochs) throws IOException, InterruptedException {
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python)) {
            return null;
        }
        ProcessBuilder builder = new ProcessBuilder(python.toString(), "bench/vae_pytorch.py", "--threads",
                Integer.toString(threads), "--epochs", Integer.toString(epochs)).redirectErrorStream(true);
        // torch.set_num_threads does not reach OpenBLAS's own pool: without these, "1 thread" uses every core
        for (String pool : List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
            builder.environment().put(pool, Integer.toString(threads));
        }
        Process p = builder.start();
        String json = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                all.append(line).append('\n');
                if (line.startsWith("{")) {
                    json = line;
                }
            }
        }
        if (p.waitFor() != 0 || json == null) {
            if (all.toString().contains("No module named")) {
                return null;
            }
            throw new IOException("bench/vae_pytorch.py failed:\n" + all);
        }
        double[] cpu = numbers(json, "epoch_cpu_seconds");
        double[] wall = numbers(json, "epoch_seconds");
        Matcher blas = Pattern.compile("\"blas\": \"([^\"]*)\"").matcher(json);
        if (threads == 1 && blas.find() && !blasShown) {
            blasShown = true;
            System.out.println("PyTorch's BLAS: " + blas.group(1) + (blas.group(1).contains("/blas/") ? " (the reference BLAS:"
                    + " slow; apt-get install libopenblas0-pthread for a fair comparison)" : ""));
        }
        double[] perThread = Arrays.stream(Arrays.copyOfRange(cpu, 1, cpu.length)).map(c -> c / threads).toArray();
        return new Row(perThread, Arrays.copyOfRange(wall, 1, wall.length),
                new double[] {number(json, "elbo_test", "5"), number(json, "elbo_test", "10")},
                new double[] {number(json, "iwae100_test", "5"), number(json, "iwae100_test", "10")});
    }

    private static double[] numbers(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \\[([^\\]]*)\\]").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + key + " in " + json);
        }
        return Arrays.stream(m.group(1).split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
    }

    private static double number(String json, String key, String epoch) {
        Matcher m = Pattern.compile("\"" + key + "\": \\{[^}]*\"" + epoch + "\": ([-0-9.eE]+)").matcher(json);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
