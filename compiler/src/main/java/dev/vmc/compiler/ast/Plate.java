package dev.vmc.compiler.ast;

/**
 * {@code plate N;} in the data block: the int datum count N along which data and latents whose
 * first size is N have one element per datum, conditionally independent given the rest.
 */
public record Plate(Pos pos, String size) {}
