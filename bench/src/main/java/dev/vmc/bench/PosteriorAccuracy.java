package dev.vmc.bench;

import dev.vmc.api.BoundModel;
import dev.vmc.api.Vmc;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.data.Json;
import dev.vmc.runtime.data.JsonParser;
import dev.vmc.runtime.infer.FitListener;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;
import dev.vmc.runtime.output.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How close default fits come to posteriordb's reference posteriors. For each posterior in
 * {@code bench/posteriors} (model.vmodel, data.json, reference.json) and seeds 1, 2, 3, one fit
 * with default settings through the public API; then, over the reference parameters and the
 * seeds, the worst |vmc mean - reference mean| / reference sd and the range of vmc sd /
 * reference sd. Run from the repository root: {@code bench/run accuracy}.
 */
public final class PosteriorAccuracy {
    private static final Path POSTERIORS = Path.of("bench", "posteriors");
    private static final long[] SEEDS = {1, 2, 3};

    private record Reference(double mean, double sd) {}

    private PosteriorAccuracy() {}

    public static void main(String[] args) throws IOException {
        print();
    }

    static void print() throws IOException {
        System.out.printf("%-40s %7s %9s %-10s %7s %7s %7s %7s%n", "posterior (seeds 1-3)", "params", "max |z|",
                "worst", "sd min", "sd max", "steps", "s/fit");
        List<Path> dirs = posteriorDirs();
        warmUp(dirs.get(0));
        for (Path dir : dirs) {
            System.out.println(row(dir));
        }
        System.out.println();
        System.out.println("z = (vmc mean - reference mean) / reference sd; sd = vmc sd / reference sd; over the");
        System.out.println("  reference parameters and seeds. steps and s/fit (wall time of fit()) are means over the seeds.");
        System.out.println("  References: posteriordb's draws (bench/posteriors/README.md); vmc: 1,000 draws per fit.");
    }

    private static String row(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        Map<String, Reference> reference = reference(dir.resolve("reference.json"));
        double maxZ = 0;
        String worst = "";
        double minRatio = Double.POSITIVE_INFINITY;
        double maxRatio = 0;
        double steps = 0;
        double seconds = 0;
        try {
            BoundModel model = Vmc.compile(dir.resolve("model.vmodel")).bind(DataSet.read(dir.resolve("data.json")));
            for (long seed : SEEDS) {
                long start = System.nanoTime();
                FitResult fit = model.fit(FitOptions.defaults().withSeed(seed), null, FitListener.SILENT);
                seconds += (System.nanoTime() - start) / 1e9 / SEEDS.length;
                steps += (double) fit.steps() / SEEDS.length;
                Map<String, Summary.Row> rows = new LinkedHashMap<>();
                fit.summary().rows().forEach(r -> rows.put(r.name(), r));
                for (Map.Entry<String, Reference> e : reference.entrySet()) {
                    Summary.Row r = rows.get(e.getKey());
                    if (r == null) {
                        throw new IllegalStateException("vmc reports no '" + e.getKey() + "'");
                    }
                    double z = Math.abs(r.mean() - e.getValue().mean()) / e.getValue().sd();
                    if (!(z <= maxZ)) { // NaN counts as worst
                        maxZ = z;
                        worst = e.getKey();
                    }
                    double ratio = r.sd() / e.getValue().sd();
                    minRatio = Math.min(minRatio, ratio);
                    maxRatio = Math.max(maxRatio, ratio);
                }
            }
        } catch (RuntimeException e) {
            return String.format("%-40s failed: %s", name, e.getMessage());
        }
        return String.format("%-40s %7d %9.3g %-10s %7.3g %7.3g %7.0f %7.2f", name, reference.size(), maxZ, worst,
                minRatio, maxRatio, steps, seconds);
    }

    /** One untimed fit, so that the JIT's warm-up is not charged to the first row's seconds. */
    private static void warmUp(Path dir) throws IOException {
        Vmc.compile(dir.resolve("model.vmodel")).bind(DataSet.read(dir.resolve("data.json")))
                .fit(FitOptions.defaults().withSeed(0), null, FitListener.SILENT);
    }

    private static List<Path> posteriorDirs() throws IOException {
        try (Stream<Path> dirs = Files.list(POSTERIORS)) {
            return dirs.filter(d -> Files.exists(d.resolve("reference.json"))).sorted().toList();
        }
    }

    /** reference.json's parameters: name as in draws.csv -> mean and sd of the reference draws. */
    private static Map<String, Reference> reference(Path file) throws IOException {
        Json.Obj root = (Json.Obj) JsonParser.parse(Files.readString(file), file.toString());
        Map<String, Reference> result = new LinkedHashMap<>();
        ((Json.Obj) root.members().get("parameters")).members().forEach((name, value) -> {
            Map<String, Json> p = ((Json.Obj) value).members();
            result.put(name, new Reference(((Json.Num) p.get("mean")).value(), ((Json.Num) p.get("sd")).value()));
        });
        return result;
    }
}
