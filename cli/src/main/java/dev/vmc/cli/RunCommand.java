package dev.vmc.cli;

import dev.vmc.api.BoundModel;
import dev.vmc.api.CompiledModel;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.graph.EvaluationException;
import dev.vmc.runtime.graph.Precision;
import dev.vmc.runtime.infer.Algorithm;
import dev.vmc.runtime.infer.FitException;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;
import dev.vmc.runtime.infer.InitialValuesException;
import dev.vmc.runtime.output.GuideJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
            description = "a check that gains less than X nats of ELBO is no progress; 0 runs all --steps without checks (default ${DEFAULT-VALUE})")
    double tolerance = FitOptions.defaults().tolerance();

    @Option(names = "--algorithm", paramLabel = "A",
            description = "auto (Pathfinder start, then refinement), pathfinder (the start alone) or advi (no start, as Stan) (default ${DEFAULT-VALUE})")
    String algorithm = Algorithm.AUTO.label;

    @Option(names = "--paths", paramLabel = "N", description = "Pathfinder paths, run in parallel (default ${DEFAULT-VALUE})")
    int paths = FitOptions.DEFAULT_PATHS;

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default ${DEFAULT-VALUE})")
    long seed = FitOptions.DEFAULT_SEED;

    @Option(names = "--particles", paramLabel = "S", description = "Monte Carlo draws per step (default ${DEFAULT-VALUE})")
    int particles = FitOptions.defaults().particles();

    @Option(names = "--lr", paramLabel = "X", description = "Adam step size (default: searched for)")
    Double learningRate;

    @Option(names = "--guide", paramLabel = "G",
            description = "auto, meanfield, lowrank or fullrank: use that automatic guide, whatever the file says")
    String guide;

    @Option(names = "--draws", paramLabel = "N", description = "posterior draws to write (default ${DEFAULT-VALUE})")
    int draws = FitOptions.defaults().draws();

    @Option(names = "--psis-draws", paramLabel = "N",
            description = "draws behind the Pareto k-hat and the final ELBO; at least --draws are used (default ${DEFAULT-VALUE})")
    int psisDraws = FitOptions.defaults().diagnosticDraws();

    @Option(names = "--psis-resample", description = "write draws resampled by their Pareto-smoothed importance weights")
    boolean psisResample;

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
        if (guide != null && !List.of("auto", "meanfield", "lowrank", "fullrank").contains(guide)) {
            throw new Failure(ExitCode.USAGE, "vmc: --guide must be auto, meanfield, lowrank or fullrank, got '" + guide + "'");
        }
        if (!List.of("auto", "pathfinder", "advi").contains(algorithm)) {
            throw new Failure(ExitCode.USAGE, "vmc: --algorithm must be auto, pathfinder or advi, got '" + algorithm + "'");
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
        } catch (IllegalArgumentException e) {
            progress.closeLine();
            throw new Failure(ExitCode.USAGE, "vmc: " + e.getMessage());
        }
        progress.closeLine();
        String report = FitReport.format(result);
        System.out.print(report);
        System.out.println();
        String summary = (result.draws().columns().isEmpty() ? "no latents: the parameters below are point estimates\n"
                : result.summary().format()) + PointEstimates.format(result.pointEstimates());
        System.out.print(summary);
        outputs.write(result, report + "\n" + summary);
        System.out.println();
        System.out.println("wrote " + outputs.folder() + ": draws.csv, elbo.csv, guide.json, summary.txt");
        if (!result.status().trusted()) {
            System.err.println("vmc: warning: " + result.stopReason());
            return ExitCode.UNTRUSTED;
        }
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
        if (steps < 0 || particles < 1 || draws < 1 || psisDraws < 0 || paths < 1
                || (learningRate != null && !(learningRate > 0)) || tolerance < 0) {
            throw new Failure(ExitCode.USAGE, "vmc: --steps, --tol and --psis-draws must not be negative;"
                    + " --particles, --draws, --paths and --lr must be positive");
        }
        FitOptions options = FitOptions.defaults().withMaxSteps(steps).withTolerance(tolerance).withSeed(seed)
                .withParticles(particles).withLearningRate(learningRate).withDraws(draws).withDiagnosticDraws(psisDraws)
                .withPsisResample(psisResample).withAlgorithm(Algorithm.of(algorithm)).withPaths(paths)
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
