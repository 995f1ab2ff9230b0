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
import dev.vmc.runtime.infer.Resampling;
import dev.vmc.runtime.output.GuideJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code vmc run FILE --data DATA}: fit, print the plan, progress and summary, write the outputs. */
final class RunCommand {
    static final String SUMMARY = "Fit a model to data by variational inference.";

    Path file;
    Path data;
    long steps = FitOptions.defaults().maxSteps();
    double tolerance = FitOptions.defaults().tolerance();
    long seed = FitOptions.DEFAULT_SEED;
    int particles = FitOptions.defaults().particles();
    Double learningRate;
    String guide;
    String algorithm = Algorithm.AUTO.label;
    int paths = FitOptions.DEFAULT_PATHS;
    int draws = FitOptions.defaults().draws();
    int psisDraws = FitOptions.defaults().diagnosticDraws();
    String resampling = Resampling.AUTO.label;
    Path out;
    boolean overwrite;
    String precision = "float64";
    Path init;
    boolean report;

    Options commandLine() {
        return new Options("run", SUMMARY, "the .vmodel file")
                .option("--data", "DATA", "data: Stan-style .json or .csv", v -> data = Path.of(v))
                .option("--steps", "N", "most optimisation steps (default " + steps + ")",
                        v -> steps = Options.wholeNumber("--steps", v, Long.MAX_VALUE))
                .option("--tol", "X", "a check that moves the ELBO by less than X nats is no progress; 0 runs all"
                        + " --steps without checks (default " + tolerance + ")", v -> tolerance = Options.number("--tol", v))
                .option("--algorithm", "A", "auto (Pathfinder start, then refinement), pathfinder (the start alone) or"
                        + " advi (no start, as Stan) (default " + algorithm + ")", v -> algorithm = v)
                .option("--paths", "N", "Pathfinder paths, run in parallel (default " + paths + ")",
                        v -> paths = Math.toIntExact(Options.wholeNumber("--paths", v, Integer.MAX_VALUE)))
                .option("--seed", "S", "random seed (default " + seed + ")", v -> seed = Options.wholeNumber("--seed", v, Long.MAX_VALUE))
                .option("--particles", "S", "Monte Carlo draws per step (default " + particles + ")",
                        v -> particles = Math.toIntExact(Options.wholeNumber("--particles", v, Integer.MAX_VALUE)))
                .option("--lr", "X", "Adam step size (default: 0.05 in whitened coordinates; searched without a start)",
                        v -> learningRate = Options.number("--lr", v))
                .option("--guide", "G", "auto, meanfield, lowrank or fullrank: use that automatic guide, whatever the file says",
                        v -> guide = v)
                .option("--draws", "N", "posterior draws to write (default " + draws + ")",
                        v -> draws = Math.toIntExact(Options.wholeNumber("--draws", v, Integer.MAX_VALUE)))
                .option("--psis-draws", "N", "draws behind the Pareto k-hat and the final ELBO; at least --draws are used"
                        + " (default " + psisDraws + ")",
                        v -> psisDraws = Math.toIntExact(Options.wholeNumber("--psis-draws", v, Integer.MAX_VALUE)))
                .option("--psis-resample", "R", "auto (where Pareto k-hat says it is reliable), always or never: write"
                        + " draws resampled by their Pareto-smoothed importance weights (default " + resampling + ")",
                        v -> resampling = v)
                .option("--out", "DIR", "output folder (default: vmc-out/MODEL/run-N, a new one each run)", v -> out = Path.of(v))
                .flag("--overwrite", "allow replacing the outputs of an earlier run in --out", () -> overwrite = true)
                .option("--precision", "P", "float64 (default) or float32: every value, gradient and parameter rounded"
                        + " to float32 as it is stored", v -> precision = v)
                .option("--init", "FILE", "start from the guide in a guide.json written by an earlier run, not Pathfinder",
                        v -> init = Path.of(v))
                .flag("--report", "also write report.html, a one-page HTML report of the fit, into the output folder",
                        () -> report = true);
    }

    /** Parses the arguments after {@code run} and runs; help or the version is printed instead when asked for. */
    static int main(java.util.List<String> args) {
        RunCommand command = new RunCommand();
        command.file = command.commandLine().parse(args, "--data");
        return command.file == null ? ExitCode.OK : command.call();
    }

    int call() {
        if (!precision.equals("float64") && !precision.equals("float32")) {
            throw new Failure(ExitCode.USAGE, "vmc: --precision must be float64 or float32, got '" + precision + "'");
        }
        if (guide != null && !List.of("auto", "meanfield", "lowrank", "fullrank").contains(guide)) {
            throw new Failure(ExitCode.USAGE, "vmc: --guide must be auto, meanfield, lowrank or fullrank, got '" + guide + "'");
        }
        if (!List.of("auto", "always", "never").contains(resampling)) {
            throw new Failure(ExitCode.USAGE, "vmc: --psis-resample must be auto, always or never, got '" + resampling + "'");
        }
        if (!List.of("auto", "pathfinder", "advi").contains(algorithm)) {
            throw new Failure(ExitCode.USAGE, "vmc: --algorithm must be auto, pathfinder or advi, got '" + algorithm + "'");
        }
        Phases.end("command line");
        CompiledModel model = Sources.compile(file);
        Phases.end("parse and check");
        DataSet dataSet = readData();
        Phases.end("data read");
        BoundModel bound = bind(model, dataSet);
        FitOptions options = options();
        Outputs outputs = Outputs.prepare(out, file, overwrite);
        Phases.end("bind, options, output folder");
        ProgressLine progress = new ProgressLine(System.out, System.console() != null);
        RunLog log = new RunLog(progress); // keeps the start, the plan and the messages for fit.json
        System.out.println("vmc " + dev.vmc.api.Vmc.VERSION + ": " + file + " with " + data + ", seed " + seed);
        FitResult result;
        try {
            result = bound.fit(options, guide, log);
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
        Phases.end("fit");
        String report = FitReport.format(result);
        System.out.print(report);
        System.out.println();
        String summary = (result.draws().columns().isEmpty() ? "no latents: the parameters below are point estimates\n"
                : result.summary().format()) + PointEstimates.format(result.pointEstimates());
        System.out.print(summary);
        Phases.end("summary");
        outputs.write(result, report + "\n" + summary);
        String more = log.write(outputs.folder(), result, file, data, seed, this.report);
        System.out.println();
        System.out.println("wrote " + outputs.folder() + ": draws.csv, elbo.csv, guide.json, summary.txt" + more);
        Phases.end("output files");
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
                .withResampling(Resampling.of(resampling)).withAlgorithm(Algorithm.of(algorithm)).withPaths(paths)
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
