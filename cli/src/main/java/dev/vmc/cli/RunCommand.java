package dev.vmc.cli;

import dev.vmc.api.BoundModel;
import dev.vmc.api.CompiledModel;
import dev.vmc.compiler.ast.Decl;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.graph.EvaluationException;
import dev.vmc.runtime.graph.Precision;
import dev.vmc.runtime.infer.Algorithm;
import dev.vmc.runtime.infer.FitException;
import dev.vmc.runtime.infer.EstimatorChoice;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.Planner;
import dev.vmc.runtime.infer.FitResult;
import dev.vmc.runtime.infer.InitialValuesException;
import dev.vmc.runtime.infer.Resampling;
import dev.vmc.runtime.output.GuideJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code vmc run FILE [--data DATA]...}: fit, print the plan, progress and summary, write the outputs. */
final class RunCommand {
    static final String SUMMARY = "Fit a model to data by variational inference.";

    private static final List<String> ALGORITHMS = List.of("auto", "pathfinder", "advi");
    private static final List<String> GUIDES = List.of("auto", "meanfield", "lowrank", "fullrank");
    private static final List<String> RESAMPLING = List.of("auto", "always", "never");
    private static final List<String> PRECISIONS = List.of("float64", "float32");
    private static final List<String> BASELINES = List.of("auto", "leave-one-out", "average", "none");

    private static final String OUTPUTS = String.join("\n",
            "Outputs, in --out or a new vmc-out/MODEL/run-N, each written atomically (never half a file):",
            "  draws.csv    posterior draws, written as they are made, one row per draw: the latents and",
            "               derived values (Stan's names), then log_p__ and log_q__",
            "  elbo.csv     step,elbo: the ELBO estimate of every step",
            "  guide.json   the fitted guide's parameters and the fit's verdict; --init reads it back",
            "  summary.txt  the fit's report as printed, the summary table and any point estimates",
            "  fit.json     the run as data: its command, plan, checks, verdict and summary (vmc report reads it)",
            "  report.html  with --report: a one-page report of the fit (charts of the ELBO, k-hat, marginals)",
            "Training by minibatches writes instead params.json (the trained global parameters, which vmc eval",
            "reads), epochs.csv (each epoch's train and held-out ELBO and seconds) and summary.txt.",
            "A folder is locked while a run writes into it, and an earlier run's files are replaced only with",
            "--overwrite.");

    private static final String MEMORY = Options.wrap("", "Memory: a fit's needs are estimated before it starts, and"
            + " one that needs more than the JVM's heap is refused (exit 2) with what takes the memory. Raise the"
            + " heap with VMC_JAVA_OPTS, e.g. VMC_JAVA_OPTS=-Xmx8g bin/vmc run ... (the heap is now "
            + MemoryCheck.format(Runtime.getRuntime().maxMemory()) + ").", 0);

    Path file;
    final DataArguments data = new DataArguments();
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
    EstimatorChoice estimators = EstimatorChoice.automatic();
    Integer epochs;
    Integer batchSize;
    final DataArguments heldOut = new DataArguments("--held-out");
    double beta = 1;
    long anneal;
    dev.vmc.runtime.train.KlSchedule klSchedule;
    Integer iwae;
    int localSteps = dev.vmc.runtime.train.TrainOptions.DEFAULT_LOCAL_STEPS;
    double localRate = dev.vmc.runtime.train.TrainOptions.DEFAULT_LOCAL_LEARNING_RATE;
    int threads = 1;
    private boolean precisionGiven;

    Options commandLine() {
        Options o = new Options("run", SUMMARY, "the .vmodel (or Stan .stan) file").synopsis("vmc run FILE [--data DATA]... [OPTIONS]");
        return o.repeatable("--data", "DATA", "the data: Stan-style JSON (.json, as CmdStan reads) or CSV (.csv, one"
                        + " column per variable); or NAME=PATH, one array file for the variable NAME: IDX (.idx or"
                        + " MNIST's *-ubyte, either with .gz), whose N x 28 x 28 fills a declared N x 784 row by row."
                        + " May be given more than once; a variable in two files is an error. Needed when the model"
                        + " has a data block", "none",
                        v -> data.add(v, o))
                .option("--algorithm", "A", "auto: a Pathfinder start, then refinement in coordinates whitened by it;"
                        + " pathfinder: the start alone; advi: no start, Adam from the standard initialisation, as"
                        + " Stan's ADVI", algorithm,
                        v -> algorithm = o.choice("--algorithm", v, ALGORITHMS, Map.of(
                                "meanfield", CmdStanHints.algorithm(v, "CmdStan's algorithm=" + v, o::has),
                                "fullrank", CmdStanHints.algorithm(v, "CmdStan's algorithm=" + v, o::has))))
                .option("--guide", "G", "auto, meanfield, lowrank or fullrank: that automatic guide, whatever the"
                        + " file says", "the file's, else auto",
                        v -> guide = o.choice("--guide", v, GUIDES, Map.of(
                                "advi", "--guide names the guide's family; advi is an --algorithm",
                                "pathfinder", "--guide names the guide's family; pathfinder is an --algorithm")))
                .option("--paths", "N", "Pathfinder paths, run in parallel; the best ELBO wins", Integer.toString(paths),
                        v -> paths = (int) o.wholeNumber("--paths", v, 1, Integer.MAX_VALUE))
                .option("--steps", "N", "most optimisation steps", Long.toString(steps),
                        v -> steps = o.wholeNumber("--steps", v, 0, Long.MAX_VALUE))
                .option("--tol", "X", "a check (every 50 steps) that moves the ELBO by less than X nats counts as no"
                        + " progress; 0 runs exactly --steps with no checks", Double.toString(tolerance),
                        v -> tolerance = o.number("--tol", v, 0, true))
                .option("--seed", "S", "everything random derives from it: same seed, same numbers", Long.toString(seed),
                        v -> seed = o.wholeNumber("--seed", v, Long.MIN_VALUE, Long.MAX_VALUE))
                .option("--particles", "S", "Monte Carlo draws per gradient step", "1, or 10 when some latent takes the"
                        + " score function",
                        v -> particles = (int) o.wholeNumber("--particles", v, 1, Integer.MAX_VALUE))
                .option("--estimator", "E", "how each discrete latent's gradient is found: auto (enumerate small"
                        + " supports, the score function otherwise), score, enumerate, or reparam; for every latent, or"
                        + " per latent as z=score,k=enumerate", "auto",
                        v -> estimators = EstimatorFlags.parse(v, estimators, o))
                .option("--enumerate-up-to", "K", "auto enumerates a discrete latent with at most K values per element",
                        Integer.toString(EstimatorChoice.DEFAULT_ENUMERATE_UP_TO),
                        v -> estimators = estimators.withEnumerateUpTo(
                                (int) o.wholeNumber("--enumerate-up-to", v, 1, Integer.MAX_VALUE)))
                .option("--baseline", "B", "the score function's baseline: auto (leave-one-out with several particles,"
                        + " else a decaying average), leave-one-out, average or none", "auto",
                        v -> estimators = estimators.withBaseline(EstimatorChoice.Baseline.of(
                                o.choice("--baseline", v, BASELINES, Map.of("loo", "did you mean leave-one-out?")))))
                .option("--lr", "X", "Adam's step size", "0.05 in whitened coordinates; searched without a start",
                        v -> learningRate = o.number("--lr", v, 0, false))
                .option("--draws", "N", "posterior draws to write", Integer.toString(draws),
                        v -> draws = (int) o.wholeNumber("--draws", v, 1, Integer.MAX_VALUE))
                .option("--psis-draws", "N", "draws behind the final ELBO and Pareto k-hat (at least --draws are used)",
                        Integer.toString(psisDraws),
                        v -> psisDraws = (int) o.wholeNumber("--psis-draws", v, 0, Integer.MAX_VALUE))
                .option("--psis-resample", "R", "auto: resample the draws by their Pareto-smoothed importance weights"
                        + " where k-hat says that is reliable; always; never: the guide's own draws", resampling,
                        v -> resampling = o.choice("--psis-resample", v, RESAMPLING, Map.of(
                                "yes", "did you mean always?", "true", "did you mean always?",
                                "no", "did you mean never?", "false", "did you mean never?")))
                .option("--out", "DIR", "output folder", "vmc-out/MODEL/run-N, a new one each run",
                        v -> out = o.path("--out", v))
                .flag("--overwrite", "allow replacing an earlier run's files in --out", () -> overwrite = true)
                .option("--precision", "P", "float64, or float32: every value, gradient and parameter rounded to float32"
                        + " as it is stored; when training by minibatches, the networks' storage (float32 unless given)",
                        precision,
                        v -> precision = precision(o.choice("--precision", v, PRECISIONS, Map.of(
                                "double", "did you mean float64?", "single", "did you mean float32?",
                                "float", "did you mean float32?", "f64", "did you mean float64?",
                                "f32", "did you mean float32?"))))
                .option("--init", "FILE", "start from the guide in an earlier run's guide.json instead of Pathfinder"
                        + " (with --steps 0, just draw from it)", "none", v -> init = o.path("--init", v))
                .option("--epochs", "E", "train by minibatches for E passes over the data (a model with a plate;"
                        + " the default for one with latents on its plate)", "10 when training",
                        v -> epochs = (int) o.wholeNumber("--epochs", v, 1, Integer.MAX_VALUE))
                .option("--batch-size", "B", "rows of the plate per training step; the plated terms are scaled by N / B",
                        Integer.toString(dev.vmc.runtime.train.TrainOptions.DEFAULT_BATCH),
                        v -> batchSize = (int) o.wholeNumber("--batch-size", v, 1, Integer.MAX_VALUE))
                .repeatable("--held-out", "DATA", "data the training does not see, scored after each epoch (ELBO per"
                        + " datum, split into reconstruction and KL); given as --data is", "none", v -> heldOut.add(v, o))
                .option("--beta", "X", "weight on the KL term while training (beta-VAE); 1 is the ELBO", "1",
                        v -> beta = o.number("--beta", v, 0, true))
                .option("--anneal", "T", "KL annealing: the KL weight rises linearly from 0 to --beta over the first T"
                        + " steps", "0 (none)", v -> anneal = o.wholeNumber("--anneal", v, 0, Long.MAX_VALUE))
                .option("--kl-schedule", "S", "the KL weight by step, as points step:weight joined by straight lines,"
                        + " e.g. 0:0,2000:1,4000:0.5", "none", v -> klSchedule = klSchedule(o, v))
                .option("--iwae", "K", "train on the importance-weighted bound with K draws per datum instead of the ELBO",
                        "none", v -> iwae = (int) o.wholeNumber("--iwae", v, 1, 100_000))
                .option("--local-steps", "K", "with per-datum guide parameters: Adam steps on a batch's before each"
                        + " training step (two-step BBVI; semi-amortised with an encoder)", Integer.toString(localSteps),
                        v -> localSteps = (int) o.wholeNumber("--local-steps", v, 0, 1_000_000))
                .option("--local-lr", "X", "their step size", Double.toString(localRate),
                        v -> localRate = o.number("--local-lr", v, 0, false))
                .option("--threads", "T", "training threads, each on an equal share of every batch", "1",
                        v -> threads = (int) o.wholeNumber("--threads", v, 1, 256))
                .flag("--report", "also write report.html, a one-page HTML report of the fit (vmc report DIR makes one"
                        + " later)", () -> report = true)
                .epilogue(OUTPUTS)
                .epilogue(Main.EXIT_CODES)
                .epilogue(MEMORY);
    }

    /** Parses the arguments after {@code run} and runs; help or the version is printed instead when asked for. */
    static int main(List<String> args) {
        RunCommand command = new RunCommand();
        command.file = command.commandLine().parse(args);
        return command.file == null ? ExitCode.OK : command.call();
    }

    int call() {
        Phases.end("command line");
        Main.doing("parsing and checking " + file);
        InputFiles.check(file, "", "a .vmodel file");
        CompiledModel model = Sources.compile(file);
        Phases.end("parse and check");
        DataSet dataSet = readData(model);
        Phases.end("data read");
        Main.doing("checking the data against " + file.getFileName());
        BoundModel bound = bind(model, dataSet);
        if (trains(bound)) {
            return train(model, bound);
        }
        FitOptions options = options();
        Phases.end("bind and options");
        Main.doing("estimating the memory the fit needs");
        Planner.Plan plan;
        try {
            String family = guide != null ? guide : model.guideFamily();
            // the fit plans again; this catches a bad --estimator first
            plan = Planner.plan(bound.model(), options.estimators(), family.equals("explicit"));
        } catch (IllegalArgumentException e) {
            throw new Failure(ExitCode.USAGE, "vmc: " + e.getMessage());
        } catch (FitException e) {
            throw new Failure(ExitCode.FIT, "vmc: fit failed: " + e.getMessage());
        }
        MemoryCheck.estimate(plan, options, guide != null ? guide : model.guideFamily())
                .require(Runtime.getRuntime().maxMemory());
        Phases.end("memory estimate");
        Main.doing("preparing the output folder");
        try (Outputs outputs = Outputs.prepare(out, file, overwrite)) {
            Phases.end("output folder");
            return fitAndWrite(bound, options, outputs);
        }
    }

    /** Minibatch training: asked for, or the only sensible fit of a model with latents on its plate. */
    private boolean trains(BoundModel bound) {
        return epochs != null || batchSize != null || !heldOut.isEmpty() || iwae != null || bound.minibatchesPossible();
    }

    private int train(CompiledModel model, BoundModel bound) {
        BoundModel scored = null;
        if (!heldOut.isEmpty()) {
            scored = bind(model, heldOut.read());
        }
        dev.vmc.runtime.train.KlSchedule kl = klSchedule != null ? klSchedule
                : dev.vmc.runtime.train.KlSchedule.warmUp(beta, anneal);
        dev.vmc.runtime.train.TrainOptions options = dev.vmc.runtime.train.TrainOptions.defaults()
                .withEpochs(epochs != null ? epochs : 10)
                .withBatchSize(batchSize != null ? batchSize : dev.vmc.runtime.train.TrainOptions.DEFAULT_BATCH)
                .withLearningRate(learningRate != null ? learningRate : dev.vmc.runtime.train.TrainOptions.DEFAULT_LEARNING_RATE)
                .withSeed(seed).withParticles(iwae != null ? iwae : particles == FitOptions.AUTO_PARTICLES ? 1 : particles)
                .withIwae(iwae != null).withKl(kl).withLocalSteps(localSteps).withLocalLearningRate(localRate)
                .withThreads(threads)
                .withDataType(precisionGiven && precision.equals("float64") ? dev.vmc.runtime.tensor.DataType.FLOAT64
                        : dev.vmc.runtime.tensor.DataType.FLOAT32);
        try (Outputs outputs = Outputs.prepare(out, file, overwrite)) {
            return TrainRun.run(file, data.isEmpty() ? "no data" : data.toString(), bound, scored, options, outputs);
        }
    }

    private String precision(String chosen) {
        precisionGiven = true;
        return chosen;
    }

    private static dev.vmc.runtime.train.KlSchedule klSchedule(Options o, String text) {
        try {
            return dev.vmc.runtime.train.KlSchedule.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Failure(ExitCode.USAGE, "vmc: --kl-schedule " + text + ": " + e.getMessage());
        }
    }

    private int fitAndWrite(BoundModel bound, FitOptions options, Outputs outputs) {
        ProgressLine progress = new ProgressLine(System.out, System.console() != null);
        RunLog log = new RunLog(progress); // keeps the start, the plan and the messages for fit.json
        System.out.println("vmc " + dev.vmc.api.Vmc.VERSION + ": " + file + (!data.isEmpty() ? " with " + data : ", no data")
                + ", seed " + seed);
        Main.doing("fitting");
        FitResult result;
        try {
            result = bound.fit(options, guide, log, outputs.draws());
        } catch (UncheckedIOException e) {
            throw outputs.drawsFailed(e.getCause());
        } catch (InitialValuesException e) {
            throw new Failure(ExitCode.USAGE, "vmc: --init " + init + ": " + e.getMessage());
        } catch (EvaluationException e) {
            throw new Failure(ExitCode.DATA, "vmc: " + e.getMessage());
        } catch (FitException e) {
            throw new Failure(ExitCode.FIT, "vmc: fit failed: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Failure(ExitCode.USAGE, "vmc: " + e.getMessage());
        } finally {
            progress.closeLine();
        }
        Phases.end("fit");
        Main.doing("summarising the draws");
        String report = FitReport.format(result);
        System.out.print(report);
        System.out.println();
        boolean none = result.summary().rows().isEmpty();
        String noLatents = "no latents: the parameters below are point estimates\n";
        String points = PointEstimates.format(result.pointEstimates());
        String summary = (none ? noLatents : result.summary().format()) + points;
        // a terminal shows a variable of more than 50 values by its first ten; summary.txt has all
        System.out.print((none ? noLatents : result.summary().format(50, "summary.txt")) + points);
        Phases.end("summary");
        Main.doing("writing the outputs to " + outputs.folder());
        outputs.write(result, report + "\n" + summary);
        String more = log.write(outputs, result, file, data.toString(), seed, this.report);
        System.out.println();
        System.out.println("wrote " + outputs.folder() + ": draws.csv, elbo.csv, guide.json, summary.txt" + more);
        Phases.end("output files");
        if (!result.status().trusted()) {
            System.err.println("vmc: warning: " + result.stopReason());
            return ExitCode.UNTRUSTED;
        }
        return ExitCode.OK;
    }

    static BoundModel bind(CompiledModel model, DataSet data) {
        try {
            return model.bind(data);
        } catch (dev.vmc.runtime.data.DataException e) {
            throw new Failure(ExitCode.DATA, e.getMessage());
        }
    }

    /** The data named by --data, merged; none is needed, and none is read, for a model without a data block. */
    private DataSet readData(CompiledModel model) {
        if (data.isEmpty()) {
            List<Decl> declared = model.program().data();
            if (!declared.isEmpty()) {
                throw new Failure(ExitCode.USAGE, "vmc: " + file.getFileName() + " has a data block ("
                        + declared.stream().map(Decl::name).collect(Collectors.joining(", "))
                        + "): give its data with --data FILE (.json or .csv)\nTry 'vmc run --help'.");
            }
            return DataSet.of(Map.of());
        }
        return data.read();
    }

    private FitOptions options() {
        FitOptions options = FitOptions.defaults().withMaxSteps(steps).withTolerance(tolerance).withSeed(seed)
                .withParticles(particles).withLearningRate(learningRate).withDraws(draws).withDiagnosticDraws(psisDraws)
                .withResampling(Resampling.of(resampling)).withAlgorithm(Algorithm.of(algorithm)).withPaths(paths)
                .withPrecision(precision.equals("float32") ? Precision.SINGLE : Precision.DOUBLE)
                .withEstimators(estimators);
        if (init != null) {
            Main.doing("reading --init " + init);
            InputFiles.check(init, "--init", "a guide.json file");
            try {
                options = options.withInitial(GuideJson.read(init).params());
            } catch (IOException e) {
                throw new Failure(ExitCode.USAGE, "vmc: cannot read --init " + init + ": " + InputFiles.reason(e));
            } catch (RuntimeException e) {
                throw new Failure(ExitCode.USAGE, "vmc: cannot read --init " + init + ": " + e.getMessage());
            }
        }
        return options;
    }
}
