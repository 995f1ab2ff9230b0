package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Guide;
import dev.vmc.compiler.ast.Names;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.ast.TypeExpr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The compiler's one dependency analysis: which latents each expression and each term of the
 * log joint depends on, which terms depend on each latent, and which guide params each guide
 * site depends on. A score-function estimator multiplies each site's score by only the factors
 * downstream of it (Rao-Blackwellisation); enumeration and plates need the same facts.
 *
 * <p>A latent or a guide param is where a dependency starts. A definition (derived value,
 * model local, guide local) passes on what its value depends on, through any number of
 * definitions, since each one's dependencies are recorded once and include its own
 * definitions'. Data, params and literals depend on nothing here.
 *
 * <p>It is built as soon as every name is declared, before the statements are checked, so the
 * checker asks it too (is this variate random?). On a program with errors it answers for what
 * is declared: an undeclared name, or a definition used before it is defined, adds nothing;
 * the checker reports both. Everything is in source order.
 */
public final class Dependencies {

    /**
     * A latent or guide param that an expression depends on: by naming it ({@code via} null)
     * or through the definition named {@code via}, which the expression names. An expression
     * may reach one latent both ways; each way is one dependency.
     */
    public record Dependency(String name, NameKind kind, String via) {
        public boolean isNamed() {
            return via == null;
        }
    }

    /** What a factor scores. */
    public enum Term {
        /** {@code ~} on a latent or on an expression of latents: a term of the prior. */
        LATENT,
        /** {@code ~} on what depends on no latent: on data, a term of the likelihood; on a param, a penalty. */
        DATA,
        /** {@code target += }: a term the program adds itself. */
        TARGET
    }

    /** A term of the log joint: a model {@code ~} or {@code target +=} and what it depends on. */
    public record Factor(Stmt statement, Term term, List<Dependency> dependencies) {
        /** The latents it depends on, each once, in source order. */
        public List<String> latents() {
            return names(dependencies, NameKind.LATENT);
        }
    }

    /** A derived value, model local or guide local, and what its value depends on. */
    public record Definition(Decl decl, NameKind kind, List<Dependency> dependencies) {}

    /**
     * A guide {@code latent ~ d(args)}: the guide params among its dependencies. (It may depend
     * on latents the guide sampled earlier too; those are in {@link Dependencies#of(Expr)}.)
     */
    public record GuideSite(String latent, Stmt.Sample statement, List<Dependency> params) {}

    /** For the report's "file:line" places. */
    private final String fileName;
    private final Map<String, Symbol> symbols;
    /** Keyed by identity: a duplicate declaration has a Decl of its own but no symbol. */
    private final Map<Decl, Definition> definitions = new IdentityHashMap<>();
    private final List<Decl> definitionOrder = new ArrayList<>();
    private final Map<Stmt, Factor> factors = new IdentityHashMap<>();
    private final List<Stmt> factorOrder = new ArrayList<>();
    /** Counts every dependency a definition gains, so that a loop's body is walked until it gains none. */
    private int growth;
    private final List<GuideSite> guideSites = new ArrayList<>();
    private final Map<String, List<Factor>> downstream = new LinkedHashMap<>();

    private Dependencies(String fileName, Map<String, Symbol> symbols) {
        this.fileName = fileName;
        this.symbols = Collections.unmodifiableMap(new LinkedHashMap<>(symbols));
    }

    /** @param symbols every declared name of the program, as declared, in declaration order */
    static Dependencies of(Program program, Map<String, Symbol> symbols) {
        Dependencies analysis = new Dependencies(program.fileName(), symbols);
        analysis.analyse(program);
        return analysis;
    }

    /**
     * In source order, so that a definition is recorded before any correct use of it. A variable
     * assigned in pieces depends on every assignment to it, and whatever a loop or an if holds
     * depends on its bounds or condition too (which iterations run, which branch counts).
     */
    private void analyse(Program program) {
        program.latents().forEach(this::boundsOf);
        walk(program.derivedBody(), NameKind.DERIVED, List.of());
        walk(program.model(), NameKind.LOCAL, List.of());
        symbols.values().stream().filter(s -> s.kind() == NameKind.LATENT)
                .forEach(latent -> downstream.put(latent.name(), new ArrayList<>()));
        factors().forEach(f -> f.latents().forEach(latent -> downstream.get(latent).add(f)));
        if (program.guide() instanceof Guide.Explicit guide) {
            for (Stmt statement : guide.body()) {
                if (statement instanceof Stmt.Define define) {
                    define(define.decl(), NameKind.GUIDE_LOCAL, define.decl().init() == null ? List.of()
                            : of(define.decl().init()));
                } else if (statement instanceof Stmt.Sample sample && sampledLatent(sample) != null) {
                    List<Dependency> params = of(parts(sample)).stream()
                            .filter(d -> d.kind() == NameKind.GUIDE_PARAM).toList();
                    guideSites.add(new GuideSite(sampledLatent(sample), sample, params));
                }
            }
        }
    }

    /** @param context the bounds and conditions of the loops and ifs the statements sit in */
    private void walk(List<Stmt> statements, NameKind kind, List<Expr> context) {
        for (Stmt statement : statements) {
            if (statement instanceof Stmt.Define define) {
                Decl decl = define.decl();
                define(decl, kind, of(decl.init() == null ? context : with(context, decl.init())));
            } else if (statement instanceof Stmt.Sample sample) {
                Term term = latents(of(sample.variate())).isEmpty() ? Term.DATA : Term.LATENT;
                addFactor(new Factor(sample, term, of(with(parts(sample), context))));
            } else if (statement instanceof Stmt.TargetAdd target) {
                addFactor(new Factor(statement, Term.TARGET, of(with(List.of(target.value()), context))));
            } else if (statement instanceof Stmt.Assign assign) {
                List<Expr> reads = new ArrayList<>(assign.indices());
                reads.add(assign.value());
                assign(assign.name(), of(with(reads, context)));
            } else if (statement instanceof Stmt.If branching) {
                List<Expr> inner = with(context, branching.condition());
                walk(branching.then(), kind, inner);
                walk(branching.otherwise(), kind, inner);
            } else if (statement instanceof Stmt.For loop) {
                List<Expr> inner = loop.overElements() ? with(context, loop.lower())
                        : with(with(context, loop.lower()), loop.upper());
                define(loop.variable(), kind, of(inner));
                untilSettled(loop.body(), kind, inner);
            } else if (statement instanceof Stmt.While loop) {
                untilSettled(loop.body(), kind, with(context, loop.condition()));
            } else if (statement instanceof Stmt.Block block) {
                walk(block.body(), kind, context);
            }
        }
    }

    /** A loop's body, again until no definition gains a dependency: an iteration reads what the one before assigned. */
    private void untilSettled(List<Stmt> body, NameKind kind, List<Expr> context) {
        int before;
        do {
            before = growth;
            walk(body, kind, context);
        } while (growth != before);
    }

    private static List<Expr> with(List<Expr> exprs, Expr more) {
        List<Expr> all = new ArrayList<>(exprs);
        all.add(more);
        return all;
    }

    private static List<Expr> with(List<Expr> exprs, List<Expr> more) {
        List<Expr> all = new ArrayList<>(exprs);
        all.addAll(more);
        return all;
    }

    private void define(Decl decl, NameKind kind, List<Dependency> dependencies) {
        Definition earlier = definitions.get(decl);
        if (earlier == null) {
            definitionOrder.add(decl);
            growth += dependencies.size();
            definitions.put(decl, new Definition(decl, kind, dependencies));
            return;
        }
        Set<Dependency> all = new LinkedHashSet<>(earlier.dependencies());
        all.addAll(dependencies);
        growth += all.size() - earlier.dependencies().size();
        definitions.put(decl, new Definition(decl, kind, List.copyOf(all)));
    }

    /** An assignment adds what its value, its indices and its context depend on to the variable's dependencies. */
    private void assign(String name, List<Dependency> dependencies) {
        Symbol symbol = symbols.get(name);
        Definition earlier = symbol == null ? null : definitions.get(symbol.decl());
        if (earlier != null) {
            define(earlier.decl(), earlier.kind(), dependencies);
        }
    }

    /**
     * A latent whose bounds, offset or multiplier use earlier latents (real<lower=a> b) is mapped
     * from them, so a use of it depends on them as well: recorded as a definition that {@link #of}
     * follows, though not listed among the program's definitions.
     */
    private void boundsOf(Decl latent) {
        List<Expr> parts = new ArrayList<>();
        TypeExpr type = latent.type();
        for (Expr e : new Expr[] {type.lower(), type.upper(), type.offset(), type.multiplier()}) {
            if (e != null) {
                parts.add(e);
            }
        }
        List<Dependency> found = of(parts).stream().filter(d -> d.kind() == NameKind.LATENT).toList();
        if (!found.isEmpty()) {
            definitions.put(latent, new Definition(latent, NameKind.LATENT, found));
        }
    }

    private void addFactor(Factor factor) {
        if (factors.put(factor.statement(), factor) == null) {
            factorOrder.add(factor.statement());
        }
    }

    private static List<Expr> parts(Stmt.Sample sample) {
        List<Expr> parts = new ArrayList<>();
        parts.add(sample.variate());
        parts.addAll(sample.args());
        return parts;
    }

    /** The latent a guide statement draws, or null where the checker will refuse the statement. */
    private String sampledLatent(Stmt.Sample sample) {
        return sample.variate() instanceof Expr.Var v && symbols.get(v.name()) != null
                && symbols.get(v.name()).kind() == NameKind.LATENT ? v.name() : null;
    }

    /** The latents and guide params the expression depends on, in the order its names are read. */
    public List<Dependency> of(Expr expr) {
        return of(List.of(expr));
    }

    private List<Dependency> of(List<Expr> exprs) {
        Set<Dependency> found = new LinkedHashSet<>();
        for (Expr expr : exprs) {
            for (Expr.Var use : Names.in(expr)) {
                Symbol symbol = symbols.get(use.name());
                if (symbol == null) {
                    continue;
                }
                if (symbol.kind() == NameKind.LATENT || symbol.kind() == NameKind.GUIDE_PARAM) {
                    found.add(new Dependency(use.name(), symbol.kind(), null));
                }
                Definition definition = definitions.get(symbol.decl());
                if (definition != null) {
                    definition.dependencies().forEach(d -> found.add(new Dependency(d.name(), d.kind(), use.name())));
                }
            }
        }
        return List.copyOf(found);
    }

    /** The latents the expression depends on, directly or through definitions, each once. */
    public List<String> latentsOf(Expr expr) {
        return latents(of(expr));
    }

    /** The first latent the expression names itself, reading left to right: what makes a variate random. */
    public Optional<String> firstLatentNamedIn(Expr expr) {
        return firstLatentNamedIn(expr, name -> true);
    }

    /** The first latent the expression names itself that passes the test (an int one, a real one). */
    public Optional<String> firstLatentNamedIn(Expr expr, Predicate<String> which) {
        return of(expr).stream().filter(d -> d.isNamed() && d.kind() == NameKind.LATENT && which.test(d.name()))
                .map(Dependency::name).findFirst();
    }

    /** Every model {@code ~} and {@code target +=}, in source order. */
    public List<Factor> factors() {
        return factorOrder.stream().map(factors::get).toList();
    }

    /** The factor of a model {@code ~} or {@code target +=} statement of this program. */
    public Factor factorOf(Stmt statement) {
        Factor factor = factors.get(statement);
        if (factor == null) {
            throw new IllegalArgumentException("not a model ~ or target += of this program: " + statement.pos());
        }
        return factor;
    }

    /**
     * The latents a statement's terms depend on: a model ~ or target +=, or a reject, which
     * depends on the conditions it sits under (none where it is not in the model's analysis).
     */
    public List<String> latentsOfTerm(Stmt statement) {
        Factor factor = factors.get(statement);
        return factor == null ? latents() : factor.latents();
    }

    /** The factors that depend on the latent, in source order: none for a latent the model never uses. */
    public List<Factor> factorsDependingOn(String latent) {
        List<Factor> found = downstream.get(latent);
        if (found == null) {
            throw new IllegalArgumentException("no latent '" + latent + "' in the program");
        }
        return Collections.unmodifiableList(found);
    }

    /** Every latent, in declaration order. */
    public List<String> latents() {
        return List.copyOf(downstream.keySet());
    }

    /** The derived values, model locals and guide locals, in source order. */
    public List<Definition> definitions() {
        return definitionOrder.stream().map(definitions::get).toList();
    }

    /** A written guide's {@code ~} statements in source order; none for an automatic guide. */
    public List<GuideSite> guideSites() {
        return List.copyOf(guideSites);
    }

    /** One line per definition, factor, latent and guide site; see {@link DependencyReport}. */
    public String describe() {
        return DependencyReport.describe(fileName, this);
    }

    @Override
    public String toString() {
        return describe();
    }

    private static List<String> names(List<Dependency> dependencies, NameKind kind) {
        return dependencies.stream().filter(d -> d.kind() == kind).map(Dependency::name).distinct().toList();
    }

    private static List<String> latents(List<Dependency> dependencies) {
        return names(dependencies, NameKind.LATENT);
    }
}
