package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.diag.Diagnostics;

/** Declarations with and without values: which blocks need one, and whether the value fits the type. */
final class Definitions {
    private final ExprTyper typer;
    private final Diagnostics diagnostics;

    Definitions(ExprTyper typer, Diagnostics diagnostics) {
        this.typer = typer;
        this.diagnostics = diagnostics;
    }

    void forbidInitialValue(Decl decl, String what, String why) {
        if (decl.init() != null) {
            diagnostics.error(ExprStart.of(decl.init()), what + " '" + decl.name() + "' cannot have a value: " + why);
        }
    }

    /**
     * A typed definition. {@code broadcast}: a scalar may initialise a container, filling it,
     * which params allow and definitions of computed values do not.
     */
    void define(Decl decl, Type declared, Scope scope, String what, boolean broadcast) {
        if (decl.init() == null) {
            diagnostics.error(decl.pos(), what + " '" + decl.name() + "' needs a value: '"
                    + ExprText.of(decl.type()) + " " + decl.name() + " = ...;'");
            return;
        }
        Type value = typer.type(decl.init(), scope);
        if (value.isError()) {
            return;
        }
        boolean elementFits = !declared.isInt() || value.isInt();
        boolean shapeFits = value.sameShapeAs(declared) || (broadcast && value.isScalar());
        if (!elementFits || !shapeFits) {
            diagnostics.error(ExprStart.of(decl.init()), "'" + decl.name() + "' is declared " + declared
                    + ", but its value is " + value);
        }
    }
}
