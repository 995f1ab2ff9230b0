package dev.vmc.compiler.ast;

/**
 * A typed name: {@code vector<lower=0>[J] sigma;} or, with an initialiser,
 * {@code real<lower=0> s = 1;}. The initialiser is null where the block has none.
 */
public record Decl(Pos pos, String name, TypeExpr type, Expr init) {}
