package dev.vmc.compiler.ast;

import java.util.List;

/**
 * A whole .vmodel file. Blocks come in a fixed order, each optional but model:
 * data, params, latent, derived, model, guide.
 *
 * @param data     declarations without initialisers, filled from the data file
 * @param params   learnable point parameters of the model, each with an initial value
 * @param latents  latent variables, declarations without initialisers
 * @param derived  typed definitions computed from the others and reported with the latents
 * @param model    local definitions, ~ statements and target += statements
 * @param guide    the variational family; an {@link Guide.Auto} guide of family "auto" when the file has none
 */
public record Program(
        String fileName,
        String source,
        List<Decl> data,
        List<Decl> params,
        List<Decl> latents,
        List<Decl> derived,
        List<Stmt> model,
        Guide guide) {}
