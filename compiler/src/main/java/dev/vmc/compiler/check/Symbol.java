package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.Decl;

/** A declared name: what it is, where it was declared, and its resolved type. */
public record Symbol(String name, NameKind kind, Decl decl, Type type) {}
