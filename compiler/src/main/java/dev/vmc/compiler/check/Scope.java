package dev.vmc.compiler.check;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Which names an expression may use where it stands. Some kinds are visible only once
 * defined (derived values, locals, data inside the data block, latents in the guide), so the
 * scope also tracks which of those have been defined so far.
 */
final class Scope {
    private final EnumSet<NameKind> visible;
    private final EnumSet<NameKind> ordered;
    private final Set<String> defined = new HashSet<>();
    private final Refusal refusal;
    private final Refusal tooEarly;
    private boolean random;
    private java.util.Map<String, String> withheld = java.util.Map.of();

    /** Explains why a name may not be used here. */
    interface Refusal {
        String because(Symbol symbol);
    }

    Scope(EnumSet<NameKind> visible, EnumSet<NameKind> ordered, Refusal refusal) {
        this(visible, ordered, refusal, s -> s.kind() == NameKind.DATA
                ? "'" + s.name() + "' is used before its declaration at line " + s.decl().pos().line()
                        + "; declare it earlier in the data block"
                : "'" + s.name() + "' is used before its definition at line " + s.decl().pos().line());
    }

    private Scope(EnumSet<NameKind> visible, EnumSet<NameKind> ordered, Refusal refusal, Refusal tooEarly) {
        this.visible = visible;
        this.ordered = ordered;
        this.refusal = refusal;
        this.tooEarly = tooEarly;
    }

    boolean sees(NameKind kind) {
        return visible.contains(kind);
    }

    boolean needsDefinition(NameKind kind) {
        return ordered.contains(kind);
    }

    boolean isDefined(String name) {
        return defined.contains(name);
    }

    void define(String name) {
        defined.add(name);
    }

    String refuse(Symbol symbol) {
        return refusal.because(symbol);
    }

    /** For a name this scope sees, used before it is defined. */
    String tooEarly(Symbol symbol) {
        return tooEarly.because(symbol);
    }

    /** Sizes and bounds: data and literals only, data declared before the use. */
    static Scope forSizes() {
        return new Scope(EnumSet.of(NameKind.DATA), EnumSet.of(NameKind.DATA), s ->
                "sizes and bounds may use only data and literals, but '" + s.name() + "' is " + s.kind().withArticle());
    }

    /**
     * A latent's bounds, offset and multiplier: data, literals and latents declared before it
     * (real<lower=a> b), as in Stan's parameters block.
     */
    static Scope forLatentBounds() {
        return new Scope(EnumSet.of(NameKind.DATA, NameKind.LATENT), EnumSet.of(NameKind.DATA, NameKind.LATENT), s ->
                "a latent's bounds may use only data, literals and earlier latents, but '" + s.name() + "' is "
                        + s.kind().withArticle());
    }

    /** Stan's transformed data: computed once from the data and earlier transformed data. */
    static Scope forTransformedData() {
        return new Scope(EnumSet.of(NameKind.DATA), EnumSet.of(NameKind.DATA), s ->
                "transformed data may use only data, earlier transformed data and literals, but '" + s.name() + "' is "
                        + s.kind().withArticle());
    }

    /** A param's or guide param's initial value: computed once, before fitting, from data. */
    static Scope forInitialValues(String whose) {
        return new Scope(EnumSet.of(NameKind.DATA), EnumSet.noneOf(NameKind.class), s ->
                "the initial value of " + whose + " may use only data and literals, but '" + s.name() + "' is "
                        + s.kind().withArticle());
    }

    static Scope forDerived() {
        return new Scope(EnumSet.of(NameKind.DATA, NameKind.PARAM, NameKind.LATENT, NameKind.DERIVED),
                EnumSet.of(NameKind.DERIVED), s ->
                "derived values may use data, params, latents and earlier derived values, but '" + s.name() + "' is "
                        + s.kind().withArticle());
    }

    /** Generated quantities: what derived values see, and earlier generated quantities; they may draw at random. */
    static Scope forGenerated() {
        Scope scope = new Scope(EnumSet.of(NameKind.DATA, NameKind.PARAM, NameKind.LATENT, NameKind.DERIVED, NameKind.GENERATED),
                EnumSet.of(NameKind.GENERATED), s ->
                "generated quantities may use data, params, latents, derived values and earlier generated quantities, but '"
                        + s.name() + "' is " + s.kind().withArticle());
        scope.random = true;
        return scope;
    }

    /** Whether _rng functions may draw here: only in generated quantities. */
    boolean drawsAtRandom() {
        return random;
    }

    /** A function's body: its parameters and its own locals, nothing of the program's (as in Stan). */
    static Scope forFunction(String function) {
        return new Scope(EnumSet.of(NameKind.FUNCTION), EnumSet.of(NameKind.FUNCTION), s ->
                "function '" + function + "' sees only its arguments and its own locals, but '" + dev.vmc.compiler.ast.Names.shown(s.name())
                        + "' is " + s.kind().withArticle() + " of the program; pass it as an argument");
    }

    static Scope forModel() {
        return new Scope(EnumSet.of(NameKind.DATA, NameKind.PARAM, NameKind.LATENT, NameKind.DERIVED, NameKind.LOCAL),
                EnumSet.of(NameKind.LOCAL), s ->
                "the model cannot use " + s.kind().description() + " '" + s.name() + "'; names of the guide belong to the guide");
    }

    static Scope forGuide() {
        java.util.Map<String, String> withheld = new java.util.HashMap<>();
        Scope scope = new Scope(EnumSet.of(NameKind.DATA, NameKind.GUIDE_PARAM, NameKind.GUIDE_LOCAL, NameKind.LATENT),
                EnumSet.of(NameKind.GUIDE_LOCAL, NameKind.LATENT), s ->
                "the guide cannot use " + s.kind().description() + " '" + s.name() + "'; guide statements may use guide "
                        + "params, guide locals, data and latents sampled earlier in the guide",
                s -> withheld.containsKey(s.name()) ? withheld.get(s.name())
                        : s.kind() == NameKind.LATENT ? "latent '" + s.name() + "' is used before the guide samples it"
                        : "'" + s.name() + "' is used before its definition at line " + s.decl().pos().line());
        scope.withheld = withheld;
        return scope;
    }

    /** A guide's latent that stays unusable, whatever is sampled, and why. */
    void withhold(String name, String why) {
        withheld.put(name, why);
    }
}
