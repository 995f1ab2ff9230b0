package dev.vmc.bench;

import dev.vmc.api.BoundModel;
import dev.vmc.api.Vmc;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.data.Json;
import dev.vmc.runtime.data.JsonTree;
import dev.vmc.runtime.infer.Algorithm;
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
 * How close fits come to posteriordb's reference posteriors, with vmc's defaults and with plain
 * ADVI ({@code --algorithm advi}: Adam from the standard start, as Stan's ADVI) for comparison.
 * For each posterior in {@code bench/posteriors} (model.stan as posteriordb has it, data.json, reference.json) and
 * each seed: the worst |mean - reference mean| / reference sd over the reference parameters,
 * the range of sd / reference sd, Pareto k-hat, gradient evaluations and seconds. Run from the
 * repository root: {@code bench/run accuracy [SEEDS]} (3 seeds unless given).
 */
public final class PosteriorAccuracy {
    private static final Path POSTERIORS = Path.of("bench", "posteriors");

    private record Reference(double mean, double sd) {}

    /** One configuration's results over the seeds: worst cases, and means of the costs. */
    private static final class Tally {
        double maxZ;
        String worst = "";
        double minRatio = Double.POSITIVE_INFINITY;
        double maxRatio;
        double maxKhat = Double.NEGATIVE_INFINITY;
        double gradients;
        double seconds;
        int untrusted;

        void add(FitResult fit, Map<String, Reference> reference, double secs, int seeds) {
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
            maxKhat = Math.max(maxKhat, fit.psis().khat());
            gradients += (double) fit.gradientEvaluations() / seeds;
            seconds += secs / seeds;
            untrusted += fit.status().trusted() ? 0 : 1;
        }
    }

    private PosteriorAccuracy() {}

    public static void main(String[] args) throws IOException {
        print(args.length > 0 ? Integer.parseInt(args[0]) : 3);
    }

    static void print(int seeds) throws IOException {
        System.out.printf("%-40s %4s | %7s %-11s %13s %6s %7s %6s %5s | %7s %13s %7s%n", "posterior (seeds 1-" + seeds + ")", "d",
                "max |z|", "worst", "sd ratio", "k-hat", "grads", "s/fit", "bad", "max |z|", "sd ratio", "grads");
        List<Path> dirs = posteriorDirs();
        fit(dirs.get(0), FitOptions.defaults().withSeed(0)); // untimed: the JIT's warm-up is not charged to the first row
        for (Path dir : dirs) {
            System.out.println(row(dir, seeds));
        }
        System.out.println();
        System.out.println("Left of the bar: vmc's defaults. Right: plain ADVI (--algorithm advi: Adam from the standard start,");
        System.out.println("  step-size search, the same stopping rule). z = (mean - reference mean) / reference sd, the worst over");
        System.out.println("  parameters and seeds; sd ratio = sd / reference sd, min-max; k-hat: the largest over seeds;");
        System.out.println("  grads: gradient evaluations per fit (Pathfinder, curvature, steps), mean over seeds; bad: fits not");
        System.out.println("  reported as converged. 1,000 draws per fit; references: posteriordb's draws (bench/posteriors/README.md).");
    }

    private static String row(Path dir, int seeds) throws IOException {
        String name = dir.getFileName().toString();
        Map<String, Reference> reference = reference(dir.resolve("reference.json"));
        Tally auto = new Tally();
        Tally advi = new Tally();
        try {
            for (long seed = 1; seed <= seeds; seed++) {
                FitOptions options = FitOptions.defaults().withSeed(seed);
                long start = System.nanoTime();
                FitResult fit = fit(dir, options);
                auto.add(fit, reference, (System.nanoTime() - start) / 1e9, seeds);
                start = System.nanoTime();
                FitResult plain = fit(dir, options.withAlgorithm(Algorithm.ADVI));
                advi.add(plain, reference, (System.nanoTime() - start) / 1e9, seeds);
            }
        } catch (RuntimeException e) {
            return String.format("%-40s failed: %s", name, e.getMessage());
        }
        return String.format("%-40s %4d | %7.3f %-11s %6.3f-%-6.3f %6.2f %7.0f %6.2f %5d | %7.3g %6.3f-%-6.3f %7.0f", name,
                reference.size(), auto.maxZ, auto.worst, auto.minRatio, auto.maxRatio, auto.maxKhat, auto.gradients,
                auto.seconds, auto.untrusted, advi.maxZ, advi.minRatio, advi.maxRatio, advi.gradients);
    }

    private static FitResult fit(Path dir, FitOptions options) {
        try {
            // posteriordb's own Stan program, unmodified
            BoundModel model = Vmc.compile(dir.resolve("model.stan")).bind(DataSet.read(dir.resolve("data.json")));
            return model.fit(options, null, FitListener.SILENT);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static List<Path> posteriorDirs() throws IOException {
        try (Stream<Path> dirs = Files.list(POSTERIORS)) {
            return dirs.filter(d -> Files.exists(d.resolve("reference.json"))).sorted().toList();
        }
    }

    /** reference.json's parameters: name as in draws.csv -> mean and sd of the reference draws. */
    private static Map<String, Reference> reference(Path file) throws IOException {
        Json.Obj root = (Json.Obj) JsonTree.read(file);
        Map<String, Reference> result = new LinkedHashMap<>();
        ((Json.Obj) root.members().get("parameters")).members().forEach((name, value) -> {
            Map<String, Json> p = ((Json.Obj) value).members();
            result.put(name, new Reference(((Json.Num) p.get("mean")).value(), ((Json.Num) p.get("sd")).value()));
        });
        return result;
    }
}
