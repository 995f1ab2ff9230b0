package dev.vmc.cli;

import dev.vmc.api.Vmc;
import dev.vmc.cli.report.Report;
import dev.vmc.cli.report.RunFolder;
import dev.vmc.runtime.guide.Site;
import dev.vmc.runtime.infer.FitListener;
import dev.vmc.runtime.infer.FitResult;
import dev.vmc.runtime.output.FitJson;
import dev.vmc.runtime.output.FitRecord;
import dev.vmc.runtime.output.OutputFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes a fit's reports on to the terminal and keeps them: the lines before the plan (the
 * start: Pathfinder's paths, the guide chosen and why), the plan, and the lines after it. After
 * the fit they go, with the verdict, into fit.json, which the report reads.
 */
final class RunLog implements FitListener {
    private final FitListener shown;
    private final List<String> start = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private boolean planned;

    RunLog(FitListener shown) {
        this.shown = shown;
    }

    @Override
    public void plan(String guide, List<Site> sites) {
        planned = true;
        shown.plan(guide, sites);
    }

    @Override
    public void message(String line) {
        (planned ? messages : start).add(line);
        shown.message(line);
    }

    @Override
    public void step(long step, long maxSteps, double elbo, double stepsPerSecond) {
        shown.step(step, maxSteps, elbo, stepsPerSecond);
    }

    /** @param data the --data arguments as given, "" for none */
    FitRecord record(FitResult result, Path model, String data, long seed) {
        List<FitRecord.PlanRow> plan = new ArrayList<>();
        for (Site s : result.plan()) {
            plan.add(new FitRecord.PlanRow(s.latent(), s.shape(), s.support().describe(), s.family(),
                    s.estimator().description(), s.reason()));
        }
        FitResult.Psis psis = result.psis();
        return new FitRecord(Vmc.VERSION, model.toString(), data, seed, result.guide(), result.algorithm(),
                result.status().name().toLowerCase(java.util.Locale.ROOT), result.status().trusted(), result.stopReason(),
                result.steps(), result.skippedSteps(), result.seconds(), result.learningRate(), result.finalLearningRate(),
                result.finalElbo().mean(), result.finalElbo().standardError(), psis.khat(), psis.threshold(), psis.meaning(),
                psis.effectiveSampleSize(), psis.draws(), psis.resampled(), result.gradientEvaluations(),
                result.densityEvaluations(), plan, start, messages);
    }

    /**
     * Writes fit.json into the run's folder and, if asked, report.html; without {@code --report}
     * a report.html left by the run this one replaced is removed, since it describes that fit.
     *
     * @return the names written, for the "wrote" line: {@code ", fit.json"} or {@code ", fit.json, report.html"}
     */
    String write(Outputs outputs, FitResult result, Path model, String data, long seed, boolean report) {
        Path folder = outputs.folder();
        outputs.write(OutputFolder.FIT, file -> FitJson.write(file, record(result, model, data, seed)));
        if (!report) {
            outputs.write(OutputFolder.REPORT, file -> Files.deleteIfExists(file));
            return ", " + OutputFolder.FIT;
        }
        outputs.write(OutputFolder.REPORT, file -> {
            try {
                Report.write(folder, file);
            } catch (RunFolder.Unreadable e) {
                throw new IllegalStateException("the report cannot read the run vmc just wrote: " + e.getMessage(), e);
            }
        });
        return ", " + OutputFolder.FIT + ", " + OutputFolder.REPORT;
    }
}
