package dev.vmc.compiler.ast;

import java.util.List;

/**
 * A whole .vmodel (or Stan) file. Blocks come in a fixed order, each optional but model: data,
 * transformed data, params, networks, latent (Stan's parameters), derived (Stan's transformed
 * parameters), model, generated quantities (reported with the derived values), guide.
 *
 * @param data     declarations without initialisers, filled from the data file
 * @param transformedData Stan's transformed data: the variables it declares (at its top level), computed
 *                 once when the data are read by running {@code transformedDataBody}
 * @param plate    the data block's {@code plate N;}, or null
 * @param params   learnable point parameters of the model, each with an initial value
 * @param networks networks whose weights are learnable, called as functions in the model and guide
 * @param latents  latent variables, declarations without initialisers
 * @param derived  the variables vmc's derived block or Stan's transformed parameters declares, computed
 *                 from the others by running {@code derivedBody}, and reported with the latents
 * @param generated Stan's generated quantities' variables, computed by {@code generatedBody}: reported after the derived values, and the one
 *                 place a {@code _rng} function may draw (a posterior predictive draw per draw)
 * @param model    the model's statements: definitions, ~, target +=, assignments, loops, ifs
 * @param guide    the variational family; an {@link Guide.Auto} guide of family "auto" when the file has none
 * @param functions Stan's functions block: definitions and forward declarations, in source order
 */
public record Program(
        String fileName,
        String source,
        List<Decl> data,
        List<Decl> transformedData,
        Plate plate,
        List<Decl> params,
        List<Network> networks,
        List<Decl> latents,
        List<Decl> derived,
        List<Stmt> model,
        List<Decl> generated,
        Guide guide,
        List<Stmt> transformedDataBody,
        List<Stmt> derivedBody,
        List<Stmt> generatedBody,
        List<FunctionDef> functions) {

    /** The definition (with a body) of the user-defined function of this name, or null. */
    public FunctionDef function(String name) {
        // a loop, not a stream: lowering asks at every call of a deeply nested expression
        for (FunctionDef f : functions) {
            if (f.name().equals(name) && f.isDefinition()) {
                return f;
            }
        }
        return null;
    }

    /** The network of this name, or null. */
    public Network network(String name) {
        return networks.stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
    }
}
