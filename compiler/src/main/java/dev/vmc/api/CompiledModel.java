package dev.vmc.api;

import dev.vmc.compiler.ast.Guide;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.bind.DataBinder;
import dev.vmc.compiler.check.CheckedProgram;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.infer.FitListener;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;

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

    /** The guide the program asks for: "auto" (chosen from the start), "meanfield", "lowrank", "fullrank", or "explicit". */
    public String guideFamily() {
        return program().guide() instanceof Guide.Auto auto ? auto.family() : "explicit";
    }

    /** Checks the data against the data block; what fits it can then be fitted, as often as wanted. */
    public BoundModel bind(DataSet data) {
        BoundModel bound = new BoundModel(checked, guideFamily(), DataBinder.bind(checked, data));
        bound.checkShapes();
        return bound;
    }

    public FitResult fit(DataSet data, FitOptions options) {
        return bind(data).fit(options);
    }

    /**
     * @param guideOverride "auto", "meanfield", "lowrank" or "fullrank" to use that automatic
     *                      guide whatever the program says; null for the program's own choice
     */
    public FitResult fit(DataSet data, FitOptions options, String guideOverride, FitListener listener) {
        return bind(data).fit(options, guideOverride, listener);
    }
}
