package dev.vmc.cli;

import dev.vmc.api.BoundModel;
import dev.vmc.runtime.graph.EvaluationException;
import dev.vmc.runtime.infer.FitException;
import dev.vmc.runtime.output.AtomicFiles;
import dev.vmc.runtime.output.GuideJson;
import dev.vmc.runtime.output.OutputFolder;
import dev.vmc.runtime.train.EpochRecord;
import dev.vmc.runtime.train.HeldOut;
import dev.vmc.runtime.train.TrainOptions;
import dev.vmc.runtime.train.TrainResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code vmc run} for a model trained by minibatches: the epochs' progress as it goes, then the
 * trained parameters (params.json, which {@code vmc eval} reads), the epochs as a table
 * (epochs.csv) and the run's lines (summary.txt).
 */
final class TrainRun {
    private TrainRun() {}

    static int run(Path file, String dataText, BoundModel bound, BoundModel heldOut, TrainOptions options, Outputs outputs) {
        outputs.expecting(List.of(OutputFolder.PARAMS, OutputFolder.EPOCHS, OutputFolder.SUMMARY));
        List<String> lines = new ArrayList<>();
        String header = "vmc " + dev.vmc.api.Vmc.VERSION + ": " + file + " with " + dataText + ", seed " + options.seed();
        System.out.println(header);
        lines.add(header);
        TrainResult result;
        try {
            result = bound.train(options, heldOut, new dev.vmc.runtime.infer.FitListener() {
                @Override
                public void plan(String guide, List<dev.vmc.runtime.guide.Site> sites) {
                    String table = PlanTable.format(guide, sites);
                    System.out.print(table);
                    lines.add(table.stripTrailing());
                }

                @Override
                public void message(String line) {
                    System.out.println(line);
                    lines.add(line);
                }
            });
        } catch (dev.vmc.runtime.data.DataException e) {
            throw new Failure(ExitCode.DATA, "vmc: " + e.getMessage());
        } catch (EvaluationException e) {
            throw new Failure(ExitCode.DATA, "vmc: " + e.getMessage());
        } catch (FitException e) {
            throw new Failure(ExitCode.FIT, "vmc: training failed: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Failure(ExitCode.USAGE, "vmc: " + e.getMessage());
        }
        if (result.skipped() > 0) {
            String line = result.skipped() + " steps were skipped because the objective or its gradient was not finite";
            System.out.println(line);
            lines.add(line);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("kind", "trained by minibatches");
        meta.put("scale", "unconstrained");
        meta.put("model", file.toString());
        meta.put("epochs", Integer.toString(options.epochs()));
        meta.put("batch_size", Integer.toString(options.batchSize()));
        meta.put("seed", Long.toString(options.seed()));
        meta.put("networks", options.dataType().name().toLowerCase(Locale.ROOT));
        EpochRecord last = result.epochs().isEmpty() ? null : result.epochs().get(result.epochs().size() - 1);
        if (last != null && last.heldOut() != null) {
            meta.put("heldout_elbo", Double.toString(last.heldOut().elbo()));
        }
        outputs.write(OutputFolder.PARAMS, f -> GuideJson.write(f, result.global(), meta));
        outputs.write(OutputFolder.EPOCHS, f -> AtomicFiles.write(f, epochsCsv(result.epochs())));
        outputs.write(OutputFolder.SUMMARY, f -> AtomicFiles.write(f, String.join("\n", lines) + "\n"));
        outputs.completed();
        System.out.println();
        System.out.println("wrote " + outputs.folder() + ": params.json, epochs.csv, summary.txt");
        System.out.println("evaluate it with: vmc eval " + file + " --params " + outputs.folder().resolve(OutputFolder.PARAMS)
                + " --data HELD_OUT_DATA");
        return ExitCode.OK;
    }

    static String epochsCsv(List<EpochRecord> epochs) {
        StringBuilder out = new StringBuilder("epoch,train_elbo,heldout_elbo,heldout_reconstruction,heldout_kl,seconds,cpu_seconds\n");
        for (EpochRecord r : epochs) {
            HeldOut.Scores h = r.heldOut();
            out.append(r.epoch()).append(',').append(r.trainElbo()).append(',')
                    .append(h == null ? "" : Double.toString(h.elbo())).append(',')
                    .append(h == null ? "" : Double.toString(h.reconstruction())).append(',')
                    .append(h == null ? "" : Double.toString(h.kl())).append(',')
                    .append(r.seconds()).append(',').append(r.cpuSeconds()).append('\n');
        }
        return out.toString();
    }
}
