package dev.vmc.cli;

import dev.vmc.api.BoundModel;
import dev.vmc.api.CompiledModel;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.graph.EvaluationException;
import dev.vmc.runtime.graph.Precision;
import dev.vmc.runtime.infer.FitException;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;
import dev.vmc.runtime.infer.InitialValuesException;
import dev.vmc.runtime.output.GuideJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vmc run FILE --data DATA}: fit, print the plan, progress and summary, write the outputs. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Fit a model to data by variational inference.")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the .vmodel file")
    Path file;

    @Option(names = "--data", required = true, paramLabel = "DATA", description = "data: Stan-style .json or .csv")
    Path data;

    @Option(names = "--steps", paramLabel = "N", description = "most optimisation steps (default ${DEFAULT-VALUE})")
    long steps = FitOptions.defaults().maxSteps();

    @Option(names = "--tol", paramLabel = "X",
            description = "stop when the relative ELBO change falls below X; 0 runs all --steps (default ${DEFAULT-VALUE})")
    double tolerance = FitOptions.defaults().tolerance();

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default ${DEFAULT-VALUE})")
    long seed = FitOptions.DEFAULT_SEED;

    @Option(names = "--particles", paramLabel = "S", description = "Monte Carlo draws per step (default ${DEFAULT-VALUE})")
    int particles = FitOptions.defaults().particles();

    @Option(names = "--lr", paramLabel = "X", description = "Adam step size (default: searched for)")
    Double learningRate;

    @Option(names = "--guide", paramLabel = "G",
            description = "meanfield or fullrank: use that automatic guide, whatever the file says")
    String guide;

    @Option(names = "--draws", paramLabel = "N", description = "posterior draws to write (default ${DEFAULT-VALUE})")
    int draws = FitOptions.defaults().draws();

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: vmc-out/MODEL/run-N, a new one each run)")
    Path out;

    @Option(names = "--overwrite", description = "allow replacing the outputs of an earlier run in --out")
    boolean overwrite;

    @Option(names = "--precision", paramLabel = "P",
            description = "float64 (default) or float32: every value, gradient and parameter rounded to float32 as it is stored")
    String precision = "float64";

    @Option(names = "--init", paramLabel = "FILE", description = "start from the parameters in a guide.json written by an earlier run")
    Path init;

    @Override
    public Integer call() {
        if (!precision.equals("float64") && !precision.equals("float32")) {
            throw new Failure(ExitCode.USAGE, "vmc: --precision must be float64 or float32, got '" + precision + "'");
        }
        if (guide != null && !guide.equals("meanfield") && !guide.equals("fullrank")) {
            throw new Failure(ExitCode.USAGE, "vmc: --guide must be meanfield or fullrank, got '" + guide + "'");
        }
        CompiledModel model = Sources.compile(file);
        BoundModel bound = bind(model, readData());
        FitOptions options = options();
        Outputs outputs = Outputs.prepare(out, file, overwrite);
        ProgressLine progress = new ProgressLine(System.out, System.console() != null);
        System.out.println("vmc " + dev.vmc.api.Vmc.VERSION + ": " + file + " with " + data + ", seed " + seed);
        FitResult result;
        try {
            result = bound.fit(options, guide, progress);
        } catch (InitialValuesException e) {
            progress.closeLine();
            throw new Failure(ExitCode.USAGE, "vmc: --init " + init + ": " + e.getMessage());
        } catch (EvaluationException e) {
            progress.closeLine();
            throw new Failure(ExitCode.DATA, "vmc: " + e.getMessage());
        } catch (FitException e) {
            progress.closeLine();
            throw new Failure(ExitCode.FIT, "vmc: fit failed: " + e.getMessage());
        }
        progress.closeLine();
        String rates = result.steps() == 0 ? "none: no steps taken"
                : result.learningRate() == result.finalLearningRate() ? Double.toString(result.learningRate())
                : result.learningRate() + " -> " + result.finalLearningRate();
        System.out.printf("ELBO %.4f after %d steps (step size %s) in %.2f s%n",
                result.finalElbo(), result.steps(), rates, result.seconds());
        System.out.println();
        String summary = (result.draws().columns().isEmpty() ? "no latents: the parameters below are point estimates\n"
                : result.summary().format()) + PointEstimates.format(result.pointEstimates());
        System.out.print(summary);
        outputs.write(result, summary, model.guideFamily());
        System.out.println();
        System.out.println("wrote " + outputs.folder() + ": draws.csv, elbo.csv, guide.json, summary.txt");
        return ExitCode.OK;
    }

    private static BoundModel bind(CompiledModel model, DataSet data) {
        try {
            return model.bind(data);
        } catch (dev.vmc.runtime.data.DataException e) {
            throw new Failure(ExitCode.DATA, e.getMessage());
        }
    }

    private DataSet readData() {
        if (!Files.isRegularFile(data)) {
            throw new Failure(ExitCode.USAGE, "vmc: no such data file: " + data);
        }
        try {
            return DataSet.read(data);
        } catch (dev.vmc.runtime.data.DataException e) {
            throw new Failure(ExitCode.DATA, e.getMessage());
        } catch (IOException e) {
            throw new Failure(ExitCode.USAGE, "vmc: cannot read " + data + ": " + e.getMessage());
        }
    }

    private FitOptions options() {
        if (steps < 0 || particles < 1 || draws < 1 || (learningRate != null && !(learningRate > 0)) || tolerance < 0) {
            throw new Failure(ExitCode.USAGE,
                    "vmc: --steps and --tol must not be negative; --particles, --draws and --lr must be positive");
        }
        FitOptions options = FitOptions.defaults().withMaxSteps(steps).withTolerance(tolerance).withSeed(seed)
                .withParticles(particles).withLearningRate(learningRate).withDraws(draws)
                .withPrecision(precision.equals("float32") ? Precision.SINGLE : Precision.DOUBLE);
        if (init != null) {
            try {
                options = options.withInitial(GuideJson.read(init).params());
            } catch (java.nio.file.NoSuchFileException e) {
                throw new Failure(ExitCode.USAGE, "vmc: --init: no such file: " + init);
            } catch (IOException | RuntimeException e) {
                throw new Failure(ExitCode.USAGE, "vmc: cannot read --init " + init + ": " + e.getMessage());
            }
        }
        return options;
    }
}
