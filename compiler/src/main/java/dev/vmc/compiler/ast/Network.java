package dev.vmc.compiler.ast;

import java.util.List;

/**
 * {@code name = kind(args);} in the networks block: for {@code mlp}, the widths from input to
 * output, then the hidden layers' activation and, optionally, the output's. The checker reads
 * the arguments; the binder evaluates the widths with the data.
 */
public record Network(Pos pos, String name, Pos kindPos, String kind, List<Expr> args) {}
