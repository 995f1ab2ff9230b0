package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Pos;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.check.Dependencies.Definition;
import dev.vmc.compiler.check.Dependencies.Dependency;
import dev.vmc.compiler.check.Dependencies.Factor;
import dev.vmc.compiler.check.Dependencies.GuideSite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link Dependencies} as text, one line per fact, for people and golden tests:
 * <pre>
 * derived value theta eight_schools.vmodel:17: depends on mu, tau, theta_tilde
 * factor eight_schools.vmodel:20 "mu ~ normal(0, 5)": latent mu; depends on mu
 * factor eight_schools.vmodel:23 "y ~ normal(theta, sigma)": data y; depends on mu (through theta), ...
 * latent mu: factors 20, 23
 * guide linear_gaussian.vmodel:21 "z ~ normal(m, s)": guide params m, s
 * </pre>
 * The model's definitions and factors in source order, then the latents in declaration order
 * with the lines of the factors that depend on them, then the guide's locals and sites.
 */
final class DependencyReport {
    private DependencyReport() {}

    /** A line and where its subject stands, to put the lines of one block in source order. */
    private record Line(Pos pos, String text) {}

    static String describe(String fileName, Dependencies dependencies) {
        List<Line> model = new ArrayList<>();
        List<Line> guide = new ArrayList<>();
        for (Definition d : dependencies.definitions()) {
            Line line = new Line(d.decl().pos(), d.kind().description() + " " + d.decl().name() + " "
                    + fileName + ":" + d.decl().pos().line() + ": depends on " + list(d.dependencies()));
            (d.kind() == NameKind.GUIDE_LOCAL ? guide : model).add(line);
        }
        dependencies.factors().forEach(f -> model.add(new Line(f.statement().pos(), factor(fileName, f))));
        dependencies.guideSites().forEach(s -> guide.add(new Line(s.statement().pos(), site(fileName, s))));
        List<String> lines = new ArrayList<>(inSourceOrder(model));
        dependencies.latents().forEach(latent -> lines.add(latent(latent, dependencies.factorsDependingOn(latent))));
        lines.addAll(inSourceOrder(guide));
        return lines.stream().map(l -> l + "\n").collect(Collectors.joining());
    }

    private static List<String> inSourceOrder(List<Line> lines) {
        return lines.stream().sorted(Comparator.comparingInt((Line l) -> l.pos().line())
                .thenComparingInt(l -> l.pos().column())).map(Line::text).toList();
    }

    private static String latent(String latent, List<Factor> downstream) {
        if (downstream.isEmpty()) {
            return "latent " + latent + ": no factor depends on it";
        }
        return "latent " + latent + ": " + (downstream.size() == 1 ? "factor " : "factors ")
                + downstream.stream().map(f -> String.valueOf(f.statement().pos().line()))
                        .collect(Collectors.joining(", "));
    }

    private static String factor(String fileName, Factor f) {
        String scores = switch (f.term()) {
            case LATENT -> "latent " + ExprText.of(((Stmt.Sample) f.statement()).variate());
            case DATA -> "data " + ExprText.of(((Stmt.Sample) f.statement()).variate());
            case TARGET -> "target";
        };
        return "factor " + fileName + ":" + f.statement().pos().line() + " \"" + statement(f.statement()) + "\": "
                + scores + "; depends on " + list(f.dependencies());
    }

    private static String site(String fileName, GuideSite s) {
        return "guide " + fileName + ":" + s.statement().pos().line() + " \"" + statement(s.statement()) + "\": "
                + (s.params().isEmpty() ? "no guide param" : "guide params " + list(s.params()));
    }

    private static String statement(Stmt statement) {
        if (statement instanceof Stmt.Sample s) {
            return ExprText.of(s.variate()) + " ~ " + s.distribution()
                    + s.args().stream().map(ExprText::of).collect(Collectors.joining(", ", "(", ")"));
        }
        return "target += " + ExprText.of(((Stmt.TargetAdd) statement).value());
    }

    /** Each name once, with the definitions it comes through: "mu (directly and through theta)". */
    private static String list(List<Dependency> dependencies) {
        if (dependencies.isEmpty()) {
            return "nothing";
        }
        Map<String, List<Dependency>> byName = new LinkedHashMap<>();
        dependencies.forEach(d -> byName.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d));
        List<String> parts = new ArrayList<>();
        byName.forEach((name, ways) -> {
            List<String> vias = ways.stream().filter(d -> !d.isNamed()).map(Dependency::via).toList();
            boolean named = ways.stream().anyMatch(Dependency::isNamed);
            parts.add(vias.isEmpty() ? name
                    : name + " (" + (named ? "directly and " : "") + "through " + String.join(", ", vias) + ")");
        });
        return String.join(", ", parts);
    }
}
