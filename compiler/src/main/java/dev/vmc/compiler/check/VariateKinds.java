package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.diag.Diagnostics;
import dev.vmc.runtime.dist.Distribution;
import dev.vmc.runtime.dist.Distributions;
import java.util.List;
import java.util.Optional;

/**
 * A model ~ pairs like with like: a discrete distribution needs an int left side (a latent or
 * data declared int), an int latent needs a discrete distribution, and an int latent's declared
 * bounds must lie within the values the distribution draws, since outside them its density is
 * zero and the latent could never be there. Each message names the declaration that fixes it.
 */
final class VariateKinds {
    private final ExprTyper typer;
    private final SymbolTable symbols;
    private final Dependencies dependencies;
    private final Constants constants;
    private final Diagnostics diagnostics;

    VariateKinds(ExprTyper typer, SymbolTable symbols, Dependencies dependencies, Constants constants,
            Diagnostics diagnostics) {
        this.typer = typer;
        this.symbols = symbols;
        this.dependencies = dependencies;
        this.constants = constants;
        this.diagnostics = diagnostics;
    }

    /** @param variate the left side's type, not an error; the call has been checked */
    void check(Stmt.Sample sample, Type variate, Distribution distribution) {
        if (distribution.isDiscrete()) {
            if (variate.isInt() && distribution.eventRank() == 1) {
                firstLatentNamedIn(sample.variate(), true).ifPresent(latent -> refuseLatentCounts(sample, latent, distribution));
            } else if (variate.isInt()) {
                checkBounds(sample, distribution);
            } else {
                refuseReal(sample, distribution);
            }
        } else if (variate.isInt() && !distribution.support().isVectorValued()) {
            firstLatentNamedIn(sample.variate(), true).ifPresent(latent -> refuseContinuous(sample, latent, distribution));
        }
    }

    private void refuseReal(Stmt.Sample sample, Distribution distribution) {
        Expr variate = sample.variate();
        IntRange drawn = IntRange.drawnBy(distribution, sample.args(), typer, constants);
        String values = distribution.name() + " is a distribution over " + drawn.describe();
        String latent = firstLatentNamedIn(variate, false).orElse(null);
        String subject;
        String fix;
        if (latent != null) {
            subject = variate instanceof Expr.Var ? "'" + latent + "' is a real latent" : "the left side of ~ is real-valued";
            fix = "; declare " + (variate instanceof Expr.Var ? "it" : "latent '" + latent + "'") + " int"
                    + drawn.constraint() + " in the latent block";
        } else {
            subject = variate instanceof Expr.Var v ? "'" + v.name() + "' is real-valued" : "the left side of ~ is real-valued";
            fix = variate instanceof Expr.Var v && kindOf(v.name()) == NameKind.DATA ? "; declare '" + v.name() + "' as int" : "";
        }
        diagnostics.error(ExprStart.of(variate), subject + ", but " + values + fix);
    }

    /** multinomial's counts: their total is whatever the data's is, so as a latent they would have no normalised law. */
    private void refuseLatentCounts(Stmt.Sample sample, String latent, Distribution distribution) {
        diagnostics.error(ExprStart.of(sample.variate()), "'" + latent + "' is an int latent, but " + distribution.name()
                + " is a likelihood for observed counts, whose total the data fixes; declare '" + latent + "' in the data block");
    }

    private void refuseContinuous(Stmt.Sample sample, String latent, Distribution distribution) {
        String subject = sample.variate() instanceof Expr.Var ? "'" + latent + "' is an int latent"
                : "the left side of ~ is an int that depends on latent '" + latent + "'";
        List<Distribution> discrete = Distributions.all().stream().filter(Distribution::isDiscrete).toList();
        diagnostics.error(ExprStart.of(sample.variate()), subject + ", but " + distribution.name()
                + " is a continuous distribution; declare '" + latent + "' real, or use a discrete distribution: "
                + SampleChecker.names(discrete));
    }

    /** An int latent's own bounds, on its own or indexed (z[i] has z's bounds), against the draws' values. */
    private void checkBounds(Stmt.Sample sample, Distribution distribution) {
        Expr variate = sample.variate();
        String name = variate instanceof Expr.Var || variate instanceof Expr.Index ? ExprStart.rootName(variate) : null;
        if (name == null || kindOf(name) != NameKind.LATENT) {
            return;
        }
        IntRange declared = IntRange.declared(symbols.get(name).decl().type(), constants);
        IntRange drawn = IntRange.drawnBy(distribution, sample.args(), typer, constants);
        if (!drawn.mayContain(declared)) {
            diagnostics.error(ExprStart.of(variate), "latent '" + name + "' is declared int" + declared.constraint()
                    + ", but " + distribution.name() + " is a distribution over " + drawn.describe()
                    + ", so some of its values are impossible; declare it int" + drawn.constraint());
        }
    }

    /** The first latent of the given kind (int or real) the expression names itself, reading left to right. */
    private Optional<String> firstLatentNamedIn(Expr expr, boolean isInt) {
        return dependencies.firstLatentNamedIn(expr, name -> symbols.get(name).type().isInt() == isInt);
    }

    private NameKind kindOf(String name) {
        Symbol symbol = symbols.get(name);
        return symbol == null ? null : symbol.kind();
    }
}
