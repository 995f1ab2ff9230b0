package dev.vmc.api;

import dev.vmc.compiler.ast.Guide;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.bind.BoundData;
import dev.vmc.compiler.bind.DataBinder;
import dev.vmc.compiler.check.CheckedProgram;
import dev.vmc.compiler.lower.LoweredGuide;
import dev.vmc.compiler.lower.LoweredModel;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.infer.FitListener;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;
import dev.vmc.runtime.infer.Fitter;
import dev.vmc.runtime.model.Model;

/**
 * A checked program, ready to be bound to data and fitted. Immutable: fits from several
 * threads at once each build their own graph.
 */
public final class CompiledModel {
    private final CheckedProgram checked;

    CompiledModel(CheckedProgram checked) {
        this.checked = checked;
    }

    public Program program() {
        return checked.program();
    }

    /** The guide the program asks for: "meanfield", "fullrank", or "explicit". */
    public String guideFamily() {
        return program().guide() instanceof Guide.Auto auto ? auto.family() : "explicit";
    }

    /** Checks the data against the data block and builds the runtime model. */
    public Model bind(DataSet data) {
        return new LoweredModel(program(), DataBinder.bind(checked, data));
    }

    public FitResult fit(DataSet data, FitOptions options) {
        return fit(data, options, null, FitListener.SILENT);
    }

    /**
     * @param guideOverride "meanfield" or "fullrank" to use that automatic guide whatever the
     *                      program says; null for the program's own choice
     */
    public FitResult fit(DataSet data, FitOptions options, String guideOverride, FitListener listener) {
        BoundData bound = DataBinder.bind(checked, data);
        LoweredModel model = new LoweredModel(program(), bound);
        return Fitter.fit(model, guide(bound, guideOverride), options, listener);
    }

    private dev.vmc.runtime.guide.Guide guide(BoundData bound, String override) {
        String family = override != null ? override : guideFamily();
        return switch (family) {
            case "meanfield" -> GaussianGuide.meanField();
            case "fullrank" -> GaussianGuide.fullRank();
            case "explicit" -> new LoweredGuide(program(), (Guide.Explicit) program().guide(), bound);
            default -> throw new IllegalArgumentException("unknown guide '" + family + "'; use meanfield or fullrank");
        };
    }
}
