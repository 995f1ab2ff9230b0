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

    private VaeBench() {}

    static void print(int epochs) throws IOException, InterruptedException {
        CompiledModel model = Vmc.compile(EXAMPLE.resolve("vae.vmodel"));
        BoundModel train = model.bind(data("train"));
        BoundModel test = model.bind(data("test"));
        System.out.printf("VAE on examples/vae's digits: 8,000 to train, 2,000 held out; %d epochs, batch 128, Adam 1e-3%n", epochs);
        System.out.printf("%-22s %10s %10s %12s %12s %12s %12s%n", "implementation", "cpu s/ep", "wall s/ep",
                "ELBO ep5", "IWAE100 ep5", "ELBO ep10", "IWAE100 ep10");
        Row f32 = vmc(train, test, DataType.FLOAT32, 1, epochs);
        f32.print("vmc float32, 1 thread");
        Row f32two = vmc(train, test, DataType.FLOAT32, 2, epochs);
        f32two.print("vmc float32, 2 threads");
        Row f64 = vmc(train, test, DataType.FLOAT64, 1, 3);
        f64.print("vmc float64, 1 thread");
        vmc(train, test, DataType.FLOAT64, 2, 3).print("vmc float64, 2 threads");
        List<Row> torch = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            Row r = pytorch(threads, epochs);
            if (r == null) {
                System.out.println("PyTorch: not run (needs /usr/bin/python3 with torch: apt-get install python3-torch)");
                break;
            }
            r.print("PyTorch, " + threads + " thread" + (threads > 1 ? "s" : ""));
            torch.add(r);
        }
        if (!torch.isEmpty()) {
            System.out.printf(Locale.ROOT, "vmc float32 / PyTorch, seconds per epoch, 1 thread: %.2f (CPU), %.2f (wall)%n",
                    f32.cpu / torch.get(0).cpu, f32.wall / torch.get(0).wall);
            if (torch.size() > 1) {
                System.out.printf(Locale.ROOT, "vmc float32 / PyTorch, seconds per epoch, 2 threads: %.2f (CPU per thread),"
                        + " %.2f (wall)%n", f32two.cpu / torch.get(1).cpu, f32two.wall / torch.get(1).wall);
            }
            System.out.printf(Locale.ROOT, "held-out ELBO after 5 epochs, vmc minus PyTorch: %+.2f nats per digit%n",
                    f32.elbo[0] - torch.get(0).elbo[0]);
        }
    }

    private static DataSet data(String split) throws IOException {
        return DataSet.merge(List.of(DataSet.read(EXAMPLE.resolve(split + ".json")),
                DataSet.array("x", EXAMPLE.resolve("digits").resolve(split + "-images-idx3-ubyte.gz"))));
    }

    /** One implementation's figures: seconds per epoch, and the scores after 5 and 10 epochs (NaN if not reached). */
    private record Row(double cpu, double wall, double[] elbo, double[] iwae) {
        void print(String name) {
            System.out.printf(Locale.ROOT, "%-22s %10.3f %10.3f %12s %12s %12s %12s%n", name, cpu, wall, f(elbo[0]), f(iwae[0]),
                    f(elbo[1]), f(iwae[1]));
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
                    if (at >= 0) {
                        Evaluation.Result scores = test.evaluate(parameters, 100, 0, type, 7);
                        elbo[at] = scores.elbo();
                        iwae[at] = scores.iwae();
                    }
                });
        double[] cpu = result.epochs().stream().skip(1).mapToDouble(r -> r.cpuSeconds() / threads).toArray();
        double[] wall = result.epochs().stream().skip(1).mapToDouble(EpochRecord::seconds).toArray();
        return new Row(median(cpu), median(wall), elbo, iwae);
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
        if (threads == 1 && blas.find()) {
            System.out.println("PyTorch's BLAS: " + blas.group(1) + (blas.group(1).contains("/blas/") ? " (the reference BLAS:"
                    + " slow; apt-get install libopenblas0-pthread for a fair comparison)" : ""));
        }
        return new Row(median(Arrays.copyOfRange(cpu, 1, cpu.length)) / threads,
                median(Arrays.copyOfRange(wall, 1, wall.length)),
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
