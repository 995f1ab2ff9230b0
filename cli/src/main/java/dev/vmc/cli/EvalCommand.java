package dev.vmc.cli;

import dev.vmc.api.BoundModel;
import dev.vmc.api.CompiledModel;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.graph.EvaluationException;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.output.AtomicFiles;
import dev.vmc.runtime.output.GuideJson;
import dev.vmc.runtime.output.ImageGrid;
import dev.vmc.runtime.output.OutputFolder;
import dev.vmc.runtime.tensor.DataType;
import dev.vmc.runtime.train.Evaluation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code vmc eval FILE --params PARAMS --data DATA}: scores a trained model on data it was not
 * trained on, per datum, and pictures its reconstructions and its prior's draws.
 */
final class EvalCommand {
    static final String SUMMARY = "Score a trained model on held-out data: its ELBO and split, IWAE, active units.";

    Path file;
    Path params;
    final DataArguments data = new DataArguments();
    int iwae = 100;
    int pictures = 16;
    String imageShape;
    long seed = FitOptions.DEFAULT_SEED;
    Path out;
    boolean overwrite;
    String precision = "float32";
    int localSteps = dev.vmc.runtime.train.TrainOptions.SCORING_LOCAL_STEPS;
    double localRate = dev.vmc.runtime.train.TrainOptions.DEFAULT_LOCAL_LEARNING_RATE;

    Options commandLine() {
        Options o = new Options("eval", SUMMARY, "the .vmodel (or Stan .stan) file").synopsis("vmc eval FILE --params PARAMS --data DATA [OPTIONS]");
        return o.option("--params", "FILE", "the trained parameters: a training run's params.json", "none (required)",
                        v -> params = o.path("--params", v))
                .repeatable("--data", "DATA", "the data to score, usually held out from training: JSON, CSV or"
                        + " NAME=PATH for an IDX array, as vmc run reads them", "none (required)", v -> data.add(v, o))
                .option("--iwae", "K", "draws per datum for the importance-weighted log-likelihood", Integer.toString(iwae),
                        v -> iwae = (int) o.wholeNumber("--iwae", v, 1, 100_000))
                .option("--pictures", "N", "data to picture with their reconstructions, and prior draws to decode; 0 for"
                        + " none", Integer.toString(pictures), v -> pictures = (int) o.wholeNumber("--pictures", v, 0, 1024))
                .option("--image-shape", "HxW", "each picture's height and width", "square, from the data's row length",
                        v -> imageShape = v)
                .option("--seed", "S", "everything random derives from it", Long.toString(seed),
                        v -> seed = o.wholeNumber("--seed", v, Long.MIN_VALUE, Long.MAX_VALUE))
                .option("--precision", "P", "the networks' storage: float32 or float64", precision,
                        v -> precision = o.choice("--precision", v, List.of("float32", "float64"), Map.of()))
                .option("--local-steps", "K", "Adam steps on each batch's per-datum guide parameters before it is scored"
                        + " (a guide with such parameters: two-step or semi-amortised)", Integer.toString(localSteps),
                        v -> localSteps = (int) o.wholeNumber("--local-steps", v, 0, 1_000_000))
                .option("--local-lr", "X", "their step size", Double.toString(localRate),
                        v -> localRate = o.number("--local-lr", v, 0, false))
                .option("--out", "DIR", "output folder", "vmc-out/MODEL/run-N, a new one each run", v -> out = o.path("--out", v))
                .flag("--overwrite", "allow replacing an earlier run's files in --out", () -> overwrite = true)
                .epilogue(Main.EXIT_CODES);
    }

    static int main(List<String> args) {
        EvalCommand command = new EvalCommand();
        command.file = command.commandLine().parse(args);
        return command.file == null ? ExitCode.OK : command.call();
    }

    int call() {
        if (params == null || data.isEmpty()) {
            throw new Failure(ExitCode.USAGE, "vmc: eval needs --params (a training run's params.json) and --data\nTry 'vmc eval --help'.");
        }
        InputFiles.check(file, "", "a .vmodel file");
        CompiledModel model = Sources.compile(file);
        InputFiles.check(params, "--params", "a params.json file");
        ParameterStore trained;
        try {
            trained = ParameterStore.of(GuideJson.read(params).params());
        } catch (IOException e) {
            throw new Failure(ExitCode.USAGE, "vmc: cannot read --params " + params + ": " + InputFiles.reason(e));
        } catch (RuntimeException e) {
            throw new Failure(ExitCode.USAGE, "vmc: cannot read --params " + params + ": " + e.getMessage());
        }
        BoundModel bound = RunCommand.bind(model, data.read());
        DataType type = precision.equals("float64") ? DataType.FLOAT64 : DataType.FLOAT32;
        System.out.println("vmc " + dev.vmc.api.Vmc.VERSION + ": eval " + file + " with " + params + " on " + data + ", seed " + seed);
        Evaluation.Result r;
        try {
            r = bound.evaluate(trained, iwae, pictures, type, seed, localSteps, localRate);
        } catch (dev.vmc.runtime.data.DataException e) {
            throw new Failure(ExitCode.DATA, "vmc: " + e.getMessage());
        } catch (EvaluationException e) {
            throw new Failure(ExitCode.DATA, "vmc: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Failure(ExitCode.USAGE, "vmc: " + e.getMessage());
        }
        String report = format(r);
        System.out.print(report);
        try (Outputs outputs = Outputs.prepare(out, file, overwrite)) {
            List<String> files = new ArrayList<>(List.of(OutputFolder.EVAL, OutputFolder.SUMMARY));
            outputs.expecting(files);
            outputs.write(OutputFolder.EVAL, f -> AtomicFiles.write(f, json(r)));
            outputs.write(OutputFolder.SUMMARY, f -> AtomicFiles.write(f, report));
            List<String> written = new ArrayList<>(files);
            if (r.pictures() != null && r.pictures().originals().length > 0) {
                int[] shape = shape(r.pictures().originals()[0].length);
                ImageGrid.Layout layout = ImageGrid.Layout.of(shape[0], shape[1], Math.min(8, r.pictures().originals().length)).scaled(2);
                List<double[]> both = new ArrayList<>();
                double[][] o = r.pictures().originals();
                double[][] rec = r.pictures().reconstructions();
                for (int start = 0; start < o.length; start += layout.columns()) {
                    int end = Math.min(o.length, start + layout.columns());
                    both.addAll(Arrays.asList(o).subList(start, end));
                    both.addAll(Arrays.asList(rec).subList(start, end));
                }
                outputs.write(OutputFolder.RECONSTRUCTIONS, f -> ImageGrid.write(f, both, layout, true));
                written.add(OutputFolder.RECONSTRUCTIONS);
                if (r.pictures().samples() != null) {
                    outputs.write(OutputFolder.SAMPLES, f -> ImageGrid.write(f, Arrays.asList(r.pictures().samples()), layout, true));
                    written.add(OutputFolder.SAMPLES);
                }
            }
            if (r.pictures() != null && r.pictures().notes() != null) {
                System.out.println(r.pictures().notes());
            }
            outputs.completed();
            System.out.println();
            System.out.println("wrote " + outputs.folder() + ": " + String.join(", ", written));
        }
        return ExitCode.OK;
    }

    private int[] shape(int values) {
        if (imageShape != null) {
            String[] parts = imageShape.toLowerCase(Locale.ROOT).split("x");
            try {
                int h = Integer.parseInt(parts[0].trim());
                int w = Integer.parseInt(parts[1].trim());
                if (parts.length == 2 && h > 0 && w > 0 && h * w == values) {
                    return new int[] {h, w};
                }
            } catch (RuntimeException e) {
                // reported below
            }
            throw new Failure(ExitCode.USAGE, "vmc: --image-shape " + imageShape + ": give HxW with H * W = " + values
                    + ", the values per datum");
        }
        int side = (int) Math.round(Math.sqrt(values));
        if (side * side != values) {
            throw new Failure(ExitCode.USAGE, "vmc: each datum has " + values + " values, not a square: give --image-shape HxW,"
                    + " or --pictures 0");
        }
        return new int[] {side, side};
    }

    static String format(Evaluation.Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "per datum, over %,d data:%n", r.data()));
        out.append(String.format(Locale.ROOT, "  ELBO                          %10.3f  = reconstruction %.3f - KL %.3f (%s)%n",
                r.elbo(), r.reconstruction(), r.kl(), r.klMethod()));
        out.append(String.format(Locale.ROOT, "  log-likelihood, IWAE K = %-5d %10.3f  (importance-weighted bound; at least the ELBO"
                + " in expectation)%n", r.particles(), r.iwae()));
        if (!Double.isNaN(r.encoderElbo())) {
            out.append(String.format(Locale.ROOT, "  ELBO of the encoder alone     %10.3f  (amortisation gap %.3f: what %d local steps"
                    + " per datum add)%n", r.encoderElbo(), r.elbo() - r.encoderElbo(), r.localSteps()));
        }
        if (r.activeUnits() >= 0) {
            out.append(String.format(Locale.ROOT, "  active units                  %4d of %d (average KL above %s nats)%n",
                    r.activeUnits(), r.klPerUnit().length, Evaluation.ACTIVE));
        }
        if (r.burdaActive() >= 0) {
            out.append(String.format(Locale.ROOT, "  units that vary with x        %4d (variance of q's mean across the data above %s,"
                    + " Burda et al.'s activity)%n", r.burdaActive(), Evaluation.ACTIVE));
        }
        if (!Double.isNaN(r.mutualInformation())) {
            out.append(String.format(Locale.ROOT, "  mutual information I(x; z)    %10.3f  (at most log N = %.3f)%n",
                    r.mutualInformation(), Math.log(Math.min(r.data(), 5000))));
            out.append(String.format(Locale.ROOT, "  KL(q(z) || p(z)), aggregate   %10.3f  (KL = I(x; z) + this: the ELBO surgery)%n",
                    r.marginalKl()));
        }
        if (r.activeUnits() >= 0 && r.activeUnits() < r.klPerUnit().length) {
            out.append(String.format(Locale.ROOT, "warning: %d of %d latent units are inactive (their q matches the prior):"
                    + " posterior collapse; fewer latent dimensions, KL annealing (--anneal) or a smaller --beta may help%n",
                    r.klPerUnit().length - r.activeUnits(), r.klPerUnit().length));
        }
        return out.toString();
    }

    private static String json(Evaluation.Result r) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"data\": ").append(r.data()).append(",\n");
        out.append("  \"elbo\": ").append(num(r.elbo())).append(",\n");
        out.append("  \"reconstruction\": ").append(num(r.reconstruction())).append(",\n");
        out.append("  \"kl\": ").append(num(r.kl())).append(",\n");
        out.append("  \"kl_method\": \"").append(r.klMethod().replace("\"", "'")).append("\",\n");
        out.append("  \"iwae_k\": ").append(r.particles()).append(",\n");
        out.append("  \"iwae\": ").append(num(r.iwae())).append(",\n");
        out.append("  \"active_units\": ").append(r.activeUnits()).append(",\n");
        out.append("  \"varying_units\": ").append(r.burdaActive()).append(",\n");
        out.append("  \"kl_per_unit\": ").append(r.klPerUnit() == null ? "null" : Arrays.stream(r.klPerUnit())
                .mapToObj(EvalCommand::num).collect(java.util.stream.Collectors.joining(", ", "[", "]"))).append(",\n");
        out.append("  \"mutual_information\": ").append(num(r.mutualInformation())).append(",\n");
        out.append("  \"marginal_kl\": ").append(num(r.marginalKl())).append(",\n");
        out.append("  \"encoder_elbo\": ").append(num(r.encoderElbo())).append(",\n");
        out.append("  \"local_steps\": ").append(r.localSteps()).append("\n}\n");
        return out.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }
}
