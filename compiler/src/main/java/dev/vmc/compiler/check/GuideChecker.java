package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.ast.Names;
import dev.vmc.compiler.ast.Guide;
import dev.vmc.compiler.ast.Pos;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.diag.Diagnostics;
import dev.vmc.runtime.dist.Distribution;
import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.transform.Support;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a written-out guide owes the model: exactly one ~ per latent, on the latent itself,
 * with a distribution that has a reparameterised sampler and lives where the latent does (an
 * int latent's discrete family is {@link DiscreteGuides}' to check).
 */
final class GuideChecker {
    private final SampleChecker samples;
    private final ExprTyper typer;
    private final SymbolTable symbols;
    private final Constants constants;
    private final Diagnostics diagnostics;
    private final DiscreteGuides discrete;
    private final Map<String, Pos> sampled = new HashMap<>();
    private Guide.Automatic guideAutomatic;

    GuideChecker(SampleChecker samples, ExprTyper typer, SymbolTable symbols, Constants constants,
            Diagnostics diagnostics) {
        this.samples = samples;
        this.typer = typer;
        this.symbols = symbols;
        this.constants = constants;
        this.diagnostics = diagnostics;
        this.discrete = new DiscreteGuides(typer, constants, diagnostics);
    }

    /** One guide ~ statement, in order: a latent is usable by later statements once sampled. */
    void checkSample(Stmt.Sample sample, Scope scope) {
        Symbol latent = sampledLatent(sample);
        Type variate = latent == null ? Type.ERROR : latent.type();
        Distribution distribution = samples.checkCall(sample, variate, scope);
        if (latent == null) {
            return;
        }
        Pos first = sampled.putIfAbsent(latent.name(), sample.variate().pos());
        if (first != null) {
            diagnostics.error(sample.variate().pos(), "latent '" + latent.name()
                    + "' is sampled twice in the guide (first at line " + first.line() + ")"
                    + (leftToAutomatic(guideAutomatic, latent.name()) ? ": the automatic guide draws it; drop it from"
                            + " the '" + guideAutomatic.family() + "' list or this ~" : ""));
        }
        scope.define(latent.name());
        if (distribution != null) {
            checkDistribution(sample, latent, distribution);
        }
    }

    /**
     * {@code auto a, b;}: continuous latents the automatic guide draws before the statements, so
     * they may use them; a discrete one has no Gaussian guide.
     */
    void leaveToAutomatic(Guide.Automatic automatic, Scope scope) {
        guideAutomatic = automatic;
        for (Expr.Var v : automatic.latents()) {
            Symbol symbol = symbols.get(v.name());
            if (symbol == null) {
                diagnostics.error(v.pos(), "undeclared name '" + v.name() + "'");
                continue;
            }
            if (symbol.kind() != NameKind.LATENT) {
                diagnostics.error(v.pos(), "'" + v.name() + "' is not a latent; '" + automatic.family()
                        + "' leaves latents to the automatic guide");
                continue;
            }
            typer.record(v, symbol.type());
            Pos first = sampled.putIfAbsent(v.name(), v.pos());
            if (first != null) {
                diagnostics.error(v.pos(), "latent '" + v.name() + "' is listed twice (first at line " + first.line()
                        + ", column " + first.column() + ")");
                continue;
            }
            if (symbol.type().isInt()) {
                diagnostics.error(v.pos(), "latent '" + v.name() + "' is an int; the automatic guide is Gaussian, for"
                        + " continuous latents only; draw " + v.name() + " with a ~ and a discrete family (bernoulli,"
                        + " categorical, poisson, ...)");
                continue;
            }
            String mapped = mappedInModel(symbol.decl().type());
            if (mapped != null) {
                // the automatic guide draws it free; the model maps it to its support afterwards
                scope.withhold(v.name(), "latent '" + v.name() + "' " + mapped + ", so the model maps the automatic"
                        + " guide's draw of it to its support only after the guide: the guide's statements cannot use it");
                continue;
            }
            scope.define(v.name());
        }
    }

    /** After the last statement: the latents the guide never sampled. */
    void checkAllSampled(Guide.Explicit guide, List<Decl> latents) {
        for (Decl latent : latents) {
            if (symbols.owns(latent) && !sampled.containsKey(latent.name())) {
                diagnostics.error(guide.pos(), "guide has no ~ statement for latent '" + latent.name() + "'"
                        + (guide.automatic() == null ? "" : "; draw it with ~, or list it after '"
                                + guide.automatic().family() + "' to leave it to the automatic guide"));
            }
        }
    }

    private static boolean leftToAutomatic(Guide.Automatic automatic, String latent) {
        return automatic != null && automatic.latents().stream().anyMatch(v -> v.name().equals(latent));
    }

    private Symbol sampledLatent(Stmt.Sample sample) {
        if (!(sample.variate() instanceof Expr.Var v)) {
            diagnostics.error(ExprStart.of(sample.variate()),
                    "the left side of a guide ~ must be a latent's name, e.g. 'mu ~ normal(m, s);'");
            // Counted as sampled, so the mistake is not reported again as a latent without a ~.
            if (ExprStart.rootName(sample.variate()) != null) {
                sampled.putIfAbsent(ExprStart.rootName(sample.variate()), sample.variate().pos());
            }
            return null;
        }
        Symbol symbol = symbols.get(v.name());
        if (symbol == null) {
            diagnostics.error(v.pos(), "undeclared name '" + v.name() + "'");
            return null;
        }
        if (symbol.kind() != NameKind.LATENT) {
            diagnostics.error(v.pos(), "'" + v.name() + "' is not a latent; the guide samples only latents");
            return null;
        }
        typer.record(v, symbol.type());
        return symbol;
    }

    private void checkDistribution(Stmt.Sample sample, Symbol latent, Distribution distribution) {
        if (DiscreteGuides.applies(latent, distribution)) {
            discrete.check(sample, latent, distribution);
            return;
        }
        List<Distribution> reparameterisable =
                Distributions.all().stream().filter(Distribution::isReparameterisable).toList();
        if (!distribution.isReparameterisable()) {
            diagnostics.error(sample.distributionPos(), "guide for '" + latent.name() + "' uses " + distribution.name()
                    + ", which has no reparameterised sampler; use one of: " + SampleChecker.names(reparameterisable));
            return;
        }
        String mappedInModel = mappedInModel(latent.decl().type());
        if (mappedInModel != null) {
            diagnostics.error(sample.distributionPos(), "guide for '" + latent.name() + "': " + latent.name() + " "
                    + mappedInModel + ", which a written guide cannot follow; drop the guide block to use the automatic guide");
            return;
        }
        Support support = StaticBounds.supportOf(latent.decl().type(), constants);
        if (support == null || fits(distribution.support(), support)) {
            return;
        }
        String declared = support.kind() == Support.Kind.REAL ? latent.name() + " is unconstrained"
                : support.isBlockValued() ? latent.name() + " is declared " + ExprText.of(latent.decl().type())
                : latent.name() + " is declared " + StaticBounds.written(latent.decl().type());
        String fix = reparameterisable.stream().filter(d -> fits(d.support(), support)).findFirst()
                .map(d -> "use " + d.name() + ", or drop the guide block to use the automatic guide")
                .orElse("no built-in distribution lives on " + support.describe()
                        + "; drop the guide block to use the automatic guide");
        diagnostics.error(sample.distributionPos(), "guide for '" + latent.name() + "' is " + distribution.name()
                + ", whose support is " + describe(distribution.support()) + ", but " + declared + "; " + fix);
    }

    /**
     * Why the model maps this latent itself (an offset or multiplier, a bound that is a latent
     * or one per element), so a guide's draw of it would be mapped twice; null if it does not.
     */
    private String mappedInModel(TypeExpr type) {
        if (type.offset() != null || type.multiplier() != null) {
            return "has an offset or multiplier";
        }
        for (Expr bound : new Expr[] {type.lower(), type.upper()}) {
            if (bound == null) {
                continue;
            }
            for (Expr.Var name : Names.in(bound)) {
                Symbol symbol = symbols.get(name.name());
                if (symbol != null && symbol.kind() == NameKind.LATENT) {
                    return "has a bound that uses the latent '" + name.name() + "'";
                }
            }
            if (!isScalarBound(bound)) {
                return "has a bound for each element";
            }
        }
        return null;
    }

    private boolean isScalarBound(Expr bound) {
        return Names.in(bound).stream().map(v -> symbols.get(v.name())).allMatch(s -> s == null || s.type().isScalar());
    }

    /** uniform's support is set by its arguments, so it is accepted for any interval. */
    private static boolean fits(Support distribution, Support latent) {
        if (distribution.kind() == Support.Kind.PARAMETER_BOUNDED) {
            return latent.kind() == Support.Kind.INTERVAL;
        }
        return distribution.equals(latent);
    }

    private static String describe(Support support) {
        return support.kind() == Support.Kind.PARAMETER_BOUNDED ? "the interval given by its arguments" : support.describe();
    }
}
