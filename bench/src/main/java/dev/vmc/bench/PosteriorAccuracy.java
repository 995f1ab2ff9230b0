package dev.vmc.bench;

import dev.vmc.api.BoundModel;
import dev.vmc.api.Vmc;
import dev.vmc.compiler.diag.CompileException;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How close fits come to posteriordb's reference posteriors, with vmc's defaults and with plain
 * ADVI ({@code --algorithm advi}: Adam from the standard start, as Stan's ADVI) for comparison.
 * For each posterior {@code bench/posteriors/posteriors.txt} lists (model.stan as posteriordb has it,
 * data.json, reference.json) and each seed: the worst |mean - reference mean| / reference sd over
 * the reference parameters, the range of sd / reference sd, Pareto k-hat, gradient evaluations and
 * seconds. A posterior vmc cannot compile or fit gets a row saying so (the error's first line) and
 * the run goes on; a summary line closes the table. Run from the repository root:
 * {@code bench/run accuracy [SEEDS]} (3 seeds unless given).
 */
public final class PosteriorAccuracy {
    private static final Path POSTERIORS = Path.of("bench", "posteriors");
    /** A fit whose worst |z| is below this is counted close to the reference in the summary. */
    private static final double Z_GOOD = 0.3;
    /** Pareto k-hat above this: importance sampling from the fit is not to be trusted. */
    private static final double KHAT_BAD = 0.7;

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

    /** One posterior's line of the table, and what the summary needs of it. */
    private record Row(String name, String text, Tally auto, double seconds) {
        boolean ran() {
            return auto != null;
        }
    }

    private PosteriorAccuracy() {}

    public static void main(String[] args) throws IOException {
        List<String> only = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        print(args.length > 0 ? Integer.parseInt(args[0]) : 3, only);
    }

    static void print(int seeds) throws IOException {
        print(seeds, List.of());
    }

    /** @param only the posteriors to fit, by a part of their names; all of them if empty */
    static void print(int seeds, List<String> only) throws IOException {
        System.out.printf("%-44s %4s | %7s %-11s %13s %6s %7s %6s %5s | %7s %13s %7s%n", "posterior (seeds 1-" + seeds + ")", "d",
                "max |z|", "worst", "sd ratio", "k-hat", "grads", "s/fit", "bad", "max |z|", "sd ratio", "grads");
        List<String> names = listed().stream().filter(n -> only.isEmpty() || only.stream().anyMatch(n::contains)).toList();
        warmUp(names);
        List<Row> rows = new ArrayList<>();
        for (String name : names) {
            Row row = row(POSTERIORS.resolve(name), seeds);
            rows.add(row);
            System.out.println(row.text());
        }
        System.out.println();
        System.out.println("Left of the bar: vmc's defaults. Right: plain ADVI (--algorithm advi: Adam from the standard start,");
        System.out.println("  step-size search, the same stopping rule). z = (mean - reference mean) / reference sd, the worst over");
        System.out.println("  parameters and seeds; sd ratio = sd / reference sd, min-max; k-hat: the largest over seeds;");
        System.out.println("  grads: gradient evaluations per fit (Pathfinder, curvature, steps), mean over seeds; bad: fits not");
        System.out.println("  reported as converged. 1,000 draws per fit; references: posteriordb's draws (bench/posteriors/README.md);");
        System.out.println("  * reference from posteriordb's summary statistics of its draws (mean and mean square), the draws");
        System.out.println("  themselves not being in the snapshot.");
        System.out.println();
        System.out.println(summary(rows));
    }

    /** How many ran, how many came within max |z| < 0.3, which had k-hat > 0.7, and the time taken. */
    static String summary(List<Row> rows) {
        List<Row> ran = rows.stream().filter(Row::ran).toList();
        long close = ran.stream().filter(r -> r.auto().maxZ < Z_GOOD).count();
        List<String> highKhat = ran.stream().filter(r -> r.auto().maxKhat > KHAT_BAD).map(Row::name).toList();
        double total = rows.stream().mapToDouble(Row::seconds).sum();
        String slowest = rows.stream().sorted(Comparator.comparingDouble(Row::seconds).reversed()).limit(3)
                .map(r -> String.format("%s %.0f s", r.name(), r.seconds())).collect(Collectors.joining(", "));
        return String.format("Summary: %d of %d posteriors ran; %d of them within max |z| < %.1f; k-hat > %.1f: %s.%n"
                + "Total %.0f s (both configurations, all seeds); slowest: %s.", ran.size(), rows.size(), close, Z_GOOD,
                KHAT_BAD, highKhat.isEmpty() ? "none" : String.join(", ", highKhat), total, slowest);
    }

    /** Fits the first posterior that compiles once, untimed: the JIT's warm-up is not charged to a row. */
    private static void warmUp(List<String> names) {
        for (String name : names) {
            try {
                fit(POSTERIORS.resolve(name), FitOptions.defaults().withSeed(0));
                return;
            } catch (RuntimeException e) {
                // not compiling, or not fitting: its row says so; warm up on the next
            }
        }
    }

    private static Row row(Path dir, int seeds) throws IOException {
        String name = dir.getFileName().toString();
        Json.Obj referenceFile = (Json.Obj) JsonTree.read(dir.resolve("reference.json"));
        Map<String, Reference> reference = reference(referenceFile);
        String label = name + (isSummaryStatistics(referenceFile) ? " *" : "");
        if (reference.isEmpty()) {
            return new Row(name, String.format("%-44s no reference draws in posteriordb", label), null, 0);
        }
        Tally auto = new Tally();
        Tally advi = new Tally();
        long begin = System.nanoTime();
        try {
            BoundModel model = bind(dir);
            for (long seed = 1; seed <= seeds; seed++) {
                FitOptions options = FitOptions.defaults().withSeed(seed);
                long start = System.nanoTime();
                FitResult fit = model.fit(options, null, FitListener.SILENT);
                auto.add(fit, reference, (System.nanoTime() - start) / 1e9, seeds);
                start = System.nanoTime();
                FitResult plain = model.fit(options.withAlgorithm(Algorithm.ADVI), null, FitListener.SILENT);
                advi.add(plain, reference, (System.nanoTime() - start) / 1e9, seeds);
            }
        } catch (CompileException e) {
            return new Row(name, String.format("%-44s does not compile: %s", label, firstLine(e)), null, seconds(begin));
        } catch (RuntimeException e) {
            return new Row(name, String.format("%-44s failed: %s", label, firstLine(e)), null, seconds(begin));
        }
        String text = String.format("%-44s %4d | %7.3f %-11s %6.3f-%-6.3f %6.2f %7.0f %6.2f %5d | %7.3g %6.3f-%-6.3f %7.0f", label,
                reference.size(), auto.maxZ, auto.worst, auto.minRatio, auto.maxRatio, auto.maxKhat, auto.gradients,
                auto.seconds, auto.untrusted, advi.maxZ, advi.minRatio, advi.maxRatio, advi.gradients);
        return new Row(name, text, auto, seconds(begin));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** An exception's message up to its first line break (a compile error's first diagnostic), or its class. */
    private static String firstLine(RuntimeException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static FitResult fit(Path dir, FitOptions options) {
        return bind(dir).fit(options, null, FitListener.SILENT);
    }

    private static BoundModel bind(Path dir) {
        try {
            // posteriordb's own Stan program, unmodified
            return Vmc.compile(dir.resolve("model.stan")).bind(DataSet.read(dir.resolve("data.json")));
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** posteriors.txt's names, in its order: every posterior the issue names, compiling or not yet. */
    private static List<String> listed() throws IOException {
        return Files.readAllLines(POSTERIORS.resolve("posteriors.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.trim().split("\\s+")[0]).toList();
    }

    /** Whether reference.json was made from posteriordb's summary statistics rather than its draws. */
    private static boolean isSummaryStatistics(Json.Obj referenceFile) {
        return referenceFile.members().get("kind") instanceof Json.Str kind && kind.value().equals("summary statistics");
    }

    /** reference.json's parameters: name as in draws.csv -> mean and sd of the reference draws. */
    private static Map<String, Reference> reference(Json.Obj root) {
        Map<String, Reference> result = new LinkedHashMap<>();
        ((Json.Obj) root.members().get("parameters")).members().forEach((name, value) -> {
            Map<String, Json> p = ((Json.Obj) value).members();
            result.put(name, new Reference(((Json.Num) p.get("mean")).value(), ((Json.Num) p.get("sd")).value()));
        });
        return result;
    }
}
