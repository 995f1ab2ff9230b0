package dev.vmc.compiler.ast;

import java.util.List;

/**
 * A whole .vmodel (or Stan) file. Blocks come in a fixed order, each optional but model: data,
 * transformed data, params, networks, latent (Stan's parameters), derived (Stan's transformed
 * parameters), model, generated quantities (reported with the derived values), guide.
 *
 * @param data     declarations without initialisers, filled from the data file
 * @param transformedData Stan's transformed data: typed definitions over data, computed once when the data are read
 * @param plate    the data block's {@code plate N;}, or null
 * @param params   learnable point parameters of the model, each with an initial value
 * @param networks networks whose weights are learnable, called as functions in the model and guide
 * @param latents  latent variables, declarations without initialisers
 * @param derived  typed definitions computed from the others and reported with the latents
 * @param generated Stan's generated quantities: reported after the derived values, and the one
 *                 place a {@code _rng} function may draw (a posterior predictive draw per draw)
 * @param model    local definitions, ~ statements and target += statements
 * @param guide    the variational family; an {@link Guide.Auto} guide of family "auto" when the file has none
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
        Guide guide) {

    /** The network of this name, or null. */
    public Network network(String name) {
        return networks.stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
    }
}
