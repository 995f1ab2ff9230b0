package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.diag.Diagnostics;
import dev.vmc.runtime.dist.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code variate ~ dist(args)}: the distribution exists, takes these arguments, and can
 * model this variate. Shared by the model and the guide; what only the guide requires is in
 * {@link GuideChecker}.
 */
final class SampleChecker {
    private final ExprTyper typer;
    private final SymbolTable symbols;
    private final Diagnostics diagnostics;
    private final VariateKinds variates;
    private final DistributionArguments arguments;

    SampleChecker(ExprTyper typer, SymbolTable symbols, Dependencies dependencies, Constants constants,
            Diagnostics diagnostics) {
        this.typer = typer;
        this.symbols = symbols;
        this.diagnostics = diagnostics;
        this.variates = new VariateKinds(typer, symbols, dependencies, constants, diagnostics);
        this.arguments = new DistributionArguments(constants, diagnostics);
    }

    /** A model ~ statement: a prior or a likelihood. */
    void checkModel(Stmt.Sample sample, Scope scope) {
        Type variate = typer.type(sample.variate(), scope);
        Distribution distribution = checkCall(sample, variate, scope);
        if (distribution != null && distribution.support().isVectorValued() && !variate.isError()) {
            checkSimplexVariate(sample, distribution);
        }
        if (distribution != null && !variate.isError()) {
            variates.check(sample, variate, distribution);
        }
    }

    /**
     * The right side of a ~ against the variate's type: the distribution, its argument count
     * and each argument's shape. Returns the distribution if it exists and the call fits.
     */
    Distribution checkCall(Stmt.Sample sample, Type variate, Scope scope) {
        List<Type> args = new ArrayList<>();
        sample.args().forEach(a -> args.add(typer.type(a, scope)));
        Distribution distribution = arguments.lookup(sample.distribution(), sample.distributionPos());
        return distribution == null ? null : arguments.check(distribution, sample.distributionPos(), sample.args(), args, variate);
    }

    /**
     * dirichlet's variate must be declared a simplex: its density is over the simplex, and a
     * plain vector would be fitted as if it could take any values, not ones summing to 1.
     */
    private void checkSimplexVariate(Stmt.Sample sample, Distribution distribution) {
        Expr variate = sample.variate();
        Symbol symbol = variate instanceof Expr.Var v ? symbols.get(v.name()) : null;
        if (symbol != null && symbol.decl().type().base() == TypeExpr.Base.SIMPLEX) {
            return;
        }
        if (isOneOfAnArrayOfSimplexes(variate)) {
            return;
        }
        String size = symbol != null && !symbol.type().dims().isEmpty() ? "[" + symbol.type().dims().get(0) + "]" : "[K]";
        String subject = symbol != null
                ? "'" + symbol.name() + "' is declared " + ExprText.of(symbol.decl().type())
                : "the left side of ~ is an expression";
        String fix = symbol != null && symbol.kind() == NameKind.LATENT
                ? "; declare it simplex" + size + " in the latent block"
                : "; put a latent declared simplex" + size + " on the left side";
        diagnostics.error(ExprStart.of(variate), subject + ", but " + distribution.name()
                + " is a distribution over the unit simplex" + fix);
    }

    /** w[i] (or w[i, j]) of an array of simplexes: one simplex, each array index a single one. */
    private boolean isOneOfAnArrayOfSimplexes(Expr variate) {
        if (!(variate instanceof Expr.Index index) || !(index.target() instanceof Expr.Var v) || symbols.get(v.name()) == null) {
            return false;
        }
        TypeExpr type = symbols.get(v.name()).decl().type();
        return type.base() == TypeExpr.Base.SIMPLEX && index.indices().size() == type.arrayDims().size()
                && index.indices().stream().noneMatch(i -> i instanceof Expr.Slice);
    }

    static String names(List<Distribution> distributions) {
        return distributions.stream().map(Distribution::name).collect(Collectors.joining(", "));
    }
}
