package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Network;
import dev.vmc.compiler.ast.Plate;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.diag.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The networks block and the plate. A network is {@code mlp(widths..., hidden, output)}: two or
 * more int widths over data and literals, then the hidden layers' activation and optionally the
 * output's (identity when absent). Its type, what a call maps, goes to the expression typer.
 */
final class NetworkChecker {
    /** The activations the runtime's networks have, as the language names them. */
    static final List<String> ACTIVATIONS = java.util.Arrays.stream(dev.vmc.runtime.nn.Activation.values())
            .map(dev.vmc.runtime.nn.Activation::toString).toList();

    /** A network's input and output sizes: a call maps [rows, in] to [rows, out]. */
    record Signature(Size in, Size out) {}

    private NetworkChecker() {}

    static Map<String, Signature> check(Program program, SymbolTable symbols, TypeResolver resolver, Diagnostics diagnostics) {
        checkPlate(program.plate(), symbols, diagnostics);
        Scope sizes = Scope.forSizes();
        program.data().forEach(d -> sizes.define(d.name()));
        Map<String, Signature> signatures = new LinkedHashMap<>();
        for (Network n : program.networks()) {
            Symbol clash = symbols.get(n.name());
            if (clash != null) {
                diagnostics.error(n.pos(), "'" + n.name() + "' is already declared at line " + clash.decl().pos().line()
                        + " (as " + clash.kind().withArticle() + "); every name in a program must be different");
                continue;
            }
            if (signatures.containsKey(n.name())) {
                diagnostics.error(n.pos(), "a second network named '" + n.name() + "'");
                continue;
            }
            Signature signature = signature(n, sizes, resolver, diagnostics);
            if (signature != null) {
                signatures.put(n.name(), signature);
            }
        }
        return signatures;
    }

    private static Signature signature(Network n, Scope sizes, TypeResolver resolver, Diagnostics diagnostics) {
        if (!n.kind().equals("mlp")) {
            diagnostics.error(n.kindPos(), "unknown network '" + n.kind() + "'; vmc has mlp(widths..., activation),"
                    + " e.g. mlp(D, 400, L, softplus)");
            return null;
        }
        List<Expr> widths = new ArrayList<>();
        int activations = 0;
        boolean ok = true;
        for (Expr arg : n.args()) {
            if (arg instanceof Expr.Var v && ACTIVATIONS.contains(v.name())) {
                activations++;
            } else if (activations > 0) {
                diagnostics.error(ExprStart.of(arg), "mlp's widths come before its activations");
                ok = false;
            } else if (arg instanceof Expr.Var v && !sizes.isDefined(v.name()) && looksLikeActivation(v.name())) {
                diagnostics.error(v.pos(), "unknown activation '" + v.name() + "'; vmc has " + String.join(", ", ACTIVATIONS));
                ok = false;
            } else {
                widths.add(arg);
            }
        }
        if (activations > 2) {
            diagnostics.error(n.pos(), "mlp takes at most two activations (the hidden layers', then the output's), got "
                    + activations);
            ok = false;
        }
        if (widths.size() < 2) {
            diagnostics.error(n.kindPos(), "mlp needs at least two widths, its input's and its output's, e.g. mlp(D, 400, L, softplus)");
            return null;
        }
        List<Size> resolved = new ArrayList<>();
        for (Expr w : widths) {
            Size size = resolver.size(w, sizes);
            if (size instanceof Size.Literal l && l.value() < 1) {
                diagnostics.error(ExprStart.of(w), "a network's width must be at least 1, got " + l.value());
                ok = false;
            }
            resolved.add(size);
        }
        return ok ? new Signature(resolved.get(0), resolved.get(resolved.size() - 1)) : null;
    }

    /** A name that is no data and no known activation, written where an activation could go. */
    private static boolean looksLikeActivation(String name) {
        return Suggestions.nearest(name, ACTIVATIONS).isPresent();
    }

    private static void checkPlate(Plate plate, SymbolTable symbols, Diagnostics diagnostics) {
        if (plate == null) {
            return;
        }
        Symbol s = symbols.get(plate.size());
        if (s == null || s.kind() != NameKind.DATA || !s.type().isInt() || !s.type().isScalar()) {
            diagnostics.error(plate.pos(), "a plate is an int data size declared in the data block, such as 'int<lower=1> N;"
                    + " plate N;', but '" + plate.size() + "' is " + (s == null ? "not declared" : s.kind().withArticle()
                    + " of type " + s.type()));
        }
    }
}
