package dev.vmc.compiler.check;

/** What a declared name is, by the block that declares it. */
public enum NameKind {
    DATA("data"),
    PARAM("param"),
    LATENT("latent"),
    DERIVED("derived value"),
    /** A typed definition in the model block. */
    LOCAL("model local"),
    GUIDE_PARAM("guide param"),
    /** A typed definition in an explicit guide. */
    GUIDE_LOCAL("guide local"),
    /** Stan's generated quantities: reported with each draw, seen by nothing but later ones. */
    GENERATED("generated quantity"),
    /** A user-defined function's parameter or local: seen only inside its body. */
    FUNCTION("function local");

    private final String description;

    NameKind(String description) {
        this.description = description;
    }

    /** For messages: "'w' is a param". */
    public String description() {
        return description;
    }

    public String withArticle() {
        return (this == DATA ? "" : "a ") + description;
    }
}
