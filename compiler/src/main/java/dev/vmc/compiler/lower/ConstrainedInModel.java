package dev.vmc.compiler.lower;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Names;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.bind.BoundData;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.transform.NodeBounds;
import java.util.ArrayList;
import java.util.List;

/**
 * Latents whose map to their support is built in the model's graph rather than by inference:
 * those with an offset or multiplier, or a bound that is not one number fixed by the data
 * (real<lower=a> b with a a latent, vector<lower=L>[N] with L a vector). Inference sees such a
 * latent as unconstrained (its {@code LatentSpec} support is the real line); the model maps the
 * value it is handed, with bounds lowered from the graph like any expression, adds the map's
 * log-Jacobian as a term of the log density, and reports the mapped value under the latent's
 * name in place of the unconstrained one.
 */
final class ConstrainedInModel {
    private ConstrainedInModel() {}

    /** Whether the latent's type is mapped in the model: see the class comment. */
    static boolean applies(TypeExpr type, BoundData data) {
        return type.offset() != null || type.multiplier() != null || !fixedByData(type.lower(), data)
                || !fixedByData(type.upper(), data);
    }

    /** Absent, or one number from data and literals alone. */
    private static boolean fixedByData(Expr bound, BoundData data) {
        if (bound == null) {
            return true;
        }
        for (Expr.Var name : Names.in(bound)) {
            if (!data.values().containsKey(name.name())) {
                return false;
            }
        }
        return Evaluator.evaluate(bound, data.values(), data.types()).size() == 1;
    }

    /** The expressions the map reads: bounds, offset and multiplier, those present. */
    static List<Expr> parts(TypeExpr type) {
        List<Expr> parts = new ArrayList<>();
        for (Expr e : new Expr[] {type.lower(), type.upper(), type.offset(), type.multiplier()}) {
            if (e != null) {
                parts.add(e);
            }
        }
        return parts;
    }

    /** The latent's value and log-Jacobian from its unconstrained node, its bounds lowered in the scope. */
    static NodeBounds.Mapped map(Decl latent, Node unconstrained, Scope scope) {
        TypeExpr type = latent.type();
        Graph g = scope.graph;
        if (type.offset() != null || type.multiplier() != null) {
            return NodeBounds.affine(g, unconstrained, lowered(type.offset(), scope), lowered(type.multiplier(), scope));
        }
        return NodeBounds.between(g, unconstrained, lowered(type.lower(), scope), lowered(type.upper(), scope));
    }

    private static Node lowered(Expr e, Scope scope) {
        return e == null ? null : scope.lower(e);
    }
}
