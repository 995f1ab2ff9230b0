package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.diag.Diagnostics;
import dev.vmc.runtime.dist.Distribution;
import dev.vmc.runtime.dist.Distributions;
import java.util.List;

/**
 * A written guide for an int latent: a discrete family with a sampler (its draws pass no
 * gradient; the score function estimates its parameters' gradient) whose draws lie within the
 * latent's declared bounds, where both are known. A discrete family on a real latent is refused:
 * it would put the latent on a few points, where the model's density is not a mass.
 */
final class DiscreteGuides {
    private final ExprTyper typer;
    private final Constants constants;
    private final Diagnostics diagnostics;

    DiscreteGuides(ExprTyper typer, Constants constants, Diagnostics diagnostics) {
        this.typer = typer;
        this.constants = constants;
        this.diagnostics = diagnostics;
    }

    /** Where an int latent or a discrete family is involved; the others are GuideChecker's. */
    static boolean applies(Symbol latent, Distribution distribution) {
        return latent.type().isInt() || distribution.isDiscrete();
    }

    void check(Stmt.Sample sample, Symbol latent, Distribution distribution) {
        String name = latent.name();
        if (!latent.type().isInt()) {
            List<Distribution> reparameterisable =
                    Distributions.all().stream().filter(Distribution::isReparameterisable).toList();
            diagnostics.error(sample.distributionPos(), "guide for '" + name + "' uses " + distribution.name()
                    + ", a distribution over integers, but " + name + " is real-valued; use one of: "
                    + SampleChecker.names(reparameterisable) + ", or declare " + name + " int in the latent block");
            return;
        }
        if (!distribution.isDiscrete() || !distribution.hasSampler()) {
            diagnostics.error(sample.distributionPos(), "guide for '" + name + "' uses " + distribution.name() + ", "
                    + (distribution.isDiscrete() ? "which has no sampler" : "a continuous distribution") + ", but " + name
                    + " is an int latent; use one of: " + SampleChecker.names(families()) + ", or declare " + name
                    + " real in the latent block");
            return;
        }
        IntRange declared = IntRange.declared(latent.decl().type(), constants);
        IntRange drawn = IntRange.drawnBy(distribution, sample.args(), typer, constants);
        if (declared.mayContain(drawn)) {
            return;
        }
        List<Distribution> fitting = families().stream().filter(d -> fits(IntRange.family(d), declared)).toList();
        String fix = fitting.isEmpty() ? "no built-in family draws only " + declared.describe()
                : (fitting.size() == 1 ? "use " : "use one of: ") + SampleChecker.names(fitting);
        diagnostics.error(sample.distributionPos(), "guide for '" + name + "' is " + distribution.name()
                + ", whose draws are " + drawn.describe() + ", but " + name + " is declared int" + declared.constraint()
                + "; " + fix);
    }

    /**
     * Whether a family, with the right arguments, draws only the latent's values: one whose
     * arguments set its largest value (categorical, binomial) fits where it starts where the
     * latent does.
     */
    private static boolean fits(IntRange family, IntRange declared) {
        return family.upper() == null ? family.lower().equals(declared.lower()) : declared.mayContain(family);
    }

    /** The families a guide may use for an int latent. */
    private static List<Distribution> families() {
        return Distributions.all().stream().filter(d -> d.isDiscrete() && d.hasSampler()).toList();
    }
}
