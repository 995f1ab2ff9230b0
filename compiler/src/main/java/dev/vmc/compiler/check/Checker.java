package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Guide;
import dev.vmc.compiler.ast.Pos;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.diag.CompileException;
import dev.vmc.compiler.diag.Diagnostics;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The static checker. It reports every independent error of a program at once: after an
 * error it carries on with the type {@link Type#ERROR}, which silences what depends on it.
 */
public final class Checker {
    private final Program program;
    private final Diagnostics diagnostics;
    private final SymbolTable symbols = new SymbolTable();
    private final IdentityHashMap<Expr, Type> types = new IdentityHashMap<>();
    private final IdentityHashMap<Decl, Type> declaredTypes = new IdentityHashMap<>();
    private final ExprTyper typer;
    private final Definitions definitions;
    private final Dependencies dependencies;
    private final SampleChecker samples;
    private final Constants constants;

    /** Names first: what depends on what is known once every name is declared. */
    private Checker(Program program) {
        this.program = program;
        this.diagnostics = new Diagnostics(program.fileName(), program.source());
        DeclarationOrder.forEach(program, this::declare);
        this.dependencies = Dependencies.of(program, symbols.all());
        this.typer = new ExprTyper(symbols, diagnostics, types);
        this.definitions = new Definitions(typer, diagnostics);
        this.constants = new Constants(types);
        this.samples = new SampleChecker(typer, symbols, dependencies, constants, diagnostics);
    }

    /** @throws CompileException listing every error found, in source order */
    public static CheckedProgram check(Program program) {
        return checkWithFunctionsBlock(program);
    }

    /**
     * With user-defined functions' signatures, which calls such as the ODE solvers' may name;
     * until the functions block is read, only tests declare any.
     */
    static CheckedProgram check(Program program, java.util.Map<String, FunctionSignature> functions) {
        Checker checker = new Checker(program);
        checker.typer.defineFunctions(functions);
        return checker.run();
    }

    /** The functions block's signatures join the typer's before any block may call them. */
    private static CheckedProgram checkWithFunctionsBlock(Program program) {
        Checker checker = new Checker(program);
        checker.typer.defineFunctions(UserFunctions.signatures(program, checker.diagnostics));
        return checker.run();
    }

    private CheckedProgram run() {
        resolveTypes();
        typer.defineNetworks(NetworkChecker.check(program, symbols, new TypeResolver(typer, constants, diagnostics), diagnostics));
        checkFunctions();
        checkData();
        checkParams(program.params(), NameKind.PARAM);
        checkLatents();
        checkDerived();
        checkModel();
        checkGenerated();
        checkGuide();
        diagnostics.throwIfAny();
        return new CheckedProgram(program, types, declaredTypes, new LinkedHashMap<>(symbols.all()), dependencies);
    }

    private void declare(Decl decl, NameKind kind) {
        Symbol earlier = symbols.declare(decl, kind);
        if (earlier != null) {
            diagnostics.error(decl.pos(), "'" + decl.name() + "' is already declared at line " + earlier.decl().pos().line()
                    + " (as " + earlier.kind().withArticle() + "); every name in a program must be different");
        }
    }

    /** Sizes and bounds first, in source order: inside the data block each may use only earlier data. */
    private void resolveTypes() {
        TypeResolver resolver = new TypeResolver(typer, constants, diagnostics);
        Scope sizes = Scope.forSizes();
        Scope latentBounds = Scope.forLatentBounds();
        DeclarationOrder.forEach(program, (decl, kind) -> {
            refuseCallsInSizes(decl);
            Type type = resolver.resolve(decl, kind, sizes, kind == NameKind.LATENT ? latentBounds : sizes);
            declaredTypes.put(decl, type);
            symbols.resolve(decl, type);
            if (kind == NameKind.DATA) {
                sizes.define(decl.name());
            }
            if (kind == NameKind.DATA || kind == NameKind.LATENT) {
                latentBounds.define(decl.name());
            }
        });
    }

    /**
     * The program's declared sizes are computed before the statements run, where the functions
     * are not lowered; a size computed in transformed data (int M = f(N);) is known by then.
     */
    private void refuseCallsInSizes(Decl decl) {
        java.util.Set<String> functions = new java.util.HashSet<>();
        program.functions().forEach(f -> functions.add(f.name()));
        List<dev.vmc.compiler.ast.Expr> sizes = new java.util.ArrayList<>(decl.type().arrayDims());
        sizes.addAll(decl.type().dims());
        for (dev.vmc.compiler.ast.Expr size : sizes) {
            String called = UserFunctions.firstCalled(size, functions);
            if (called != null) {
                diagnostics.error(ExprStart.of(size), "a declared size may not call user-defined function '" + called
                        + "' yet; compute it in transformed data first (int n = " + ExprText.of(size) + ";) and use n");
            }
        }
    }

    /** Each function's body, in a scope of its own: its arguments (read-only) and its locals. */
    private void checkFunctions() {
        UserFunctions.declare(program, symbols, declaredTypes);
        for (dev.vmc.compiler.ast.FunctionDef f : program.functions()) {
            if (!f.isDefinition()) {
                continue;
            }
            Scope scope = Scope.forFunction(f.name());
            f.parameters().forEach(p -> scope.define(p.decl().name()));
            Set<Decl> parameters = identities(f.parameters().stream().map(p -> p.decl()).toList());
            statements().check(f.body(), scope, StatementChecker.Block.ofFunction(UserFunctions.signature(f), parameters));
            if (!f.isVoid() && !UserFunctions.returns(f.body())) {
                diagnostics.error(f.pos(), "function '" + f.name() + "' may end without returning a value; end every path"
                        + " through its body with 'return ...;'");
            }
        }
    }

    private void checkData() {
        for (Decl decl : program.data()) {
            definitions.forbidInitialValue(decl, "data", "data comes from the data file");
        }
        Scope earlier = Scope.forTransformedData();
        program.data().forEach(d -> earlier.define(d.name()));
        statements().check(program.transformedDataBody(), earlier, new StatementChecker.Block("transformed data",
                NameKind.DATA, "transformed data", identities(program.data())));
    }

    private void checkParams(List<Decl> params, NameKind kind) {
        String what = kind.description();
        for (Decl decl : params) {
            requireReal(decl, what + " '" + decl.name() + "' must be real-valued: params are fitted by gradient");
            definitions.define(decl, declaredTypes.get(decl), Scope.forInitialValues(what + " '" + decl.name() + "'"),
                    what, true);
            checkInitialValue(decl, what);
        }
    }

    /** An initial value of literals alone, against bounds of literals alone; the binder checks the rest. */
    private void checkInitialValue(Decl decl, String what) {
        Double value = constants.valueOf(decl.init());
        Double lower = constants.valueOf(decl.type().lower());
        Double upper = constants.valueOf(decl.type().upper());
        boolean boundsKnown = (decl.type().lower() == null || lower != null) && (decl.type().upper() == null || upper != null);
        if (value == null || !boundsKnown || !symbols.owns(decl)) {
            return;
        }
        String problem = DeclaredValues.initial(what + " '" + decl.name() + "'", decl.init(), value, lower,
                upper);
        if (problem != null) {
            diagnostics.error(ExprStart.of(decl.init()), problem);
        }
    }

    private void checkLatents() {
        for (Decl decl : program.latents()) {
            definitions.forbidInitialValue(decl, "latent", "the guide gives its distribution");
        }
    }

    private void requireReal(Decl decl, String message) {
        if (decl.type().base() == TypeExpr.Base.INT) {
            diagnostics.error(decl.type().pos(), message);
        }
    }

    private void checkDerived() {
        statements().check(program.derivedBody(), Scope.forDerived(), new StatementChecker.Block("transformed parameters",
                NameKind.DERIVED, "derived value", identities(program.data())));
    }

    private void checkGenerated() {
        statements().check(program.generatedBody(), Scope.forGenerated(), new StatementChecker.Block("generated quantities",
                NameKind.GENERATED, "generated quantity", identities(program.data())));
    }

    private void checkModel() {
        statements().check(program.model(), Scope.forModel(), new StatementChecker.Block("model", NameKind.LOCAL, "local",
                identities(program.data())));
    }

    private StatementChecker statements() {
        return new StatementChecker(typer, symbols, definitions, samples, diagnostics, declaredTypes, dependencies);
    }

    private static Set<Decl> identities(List<Decl> decls) {
        Set<Decl> set = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(decls);
        return set;
    }

    private void checkGuide() {
        if (program.guide() instanceof Guide.Auto auto) {
            checkFamily(auto.pos(), auto.family(), " Use 'guide auto;' (the default), 'guide meanfield;', 'guide lowrank;',"
                    + " 'guide fullrank;' or a guide block");
            return;
        }
        Guide.Explicit guide = (Guide.Explicit) program.guide();
        checkParams(guide.params(), NameKind.GUIDE_PARAM);
        GuideChecker checker = new GuideChecker(samples, typer, symbols, constants, diagnostics);
        Scope scope = Scope.forGuide();
        if (guide.automatic() != null) {
            checkFamily(guide.automatic().pos(), guide.automatic().family(), " Begin a guide block with 'auto a, b;'"
                    + " (or meanfield, lowrank, fullrank) to leave a and b to the automatic guide");
            checker.leaveToAutomatic(guide.automatic(), scope);
        }
        for (Stmt statement : guide.body()) {
            if (statement instanceof Stmt.Define define) {
                definitions.define(define.decl(), declaredTypes.get(define.decl()), scope, "guide local", false);
                scope.define(define.decl().name());
            } else if (statement instanceof Stmt.Sample sample) {
                checker.checkSample(sample, scope);
            } else if (statement instanceof Stmt.TargetAdd) {
                diagnostics.error(statement.pos(),
                        "target += belongs in the model; the guide's density comes from its ~ statements");
            } else {
                diagnostics.error(statement.pos(), "only definitions and ~ statements belong in the guide: a guide draws"
                        + " every latent once, so it has no ifs, loops or assignments");
            }
        }
        checker.checkAllSampled(guide, program.latents());
    }

    private void checkFamily(Pos pos, String family, String advice) {
        List<String> families = List.of("auto", "meanfield", "lowrank", "fullrank");
        if (!families.contains(family)) {
            String guess = Suggestions.nearest(family, families).map(f -> "; did you mean '" + f + "'?").orElse("");
            diagnostics.error(pos, "unknown guide '" + family + "'" + (guess.isEmpty() ? "." : guess) + advice);
        }
    }
}
