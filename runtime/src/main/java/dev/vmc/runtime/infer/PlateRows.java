package dev.vmc.runtime.infer;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Reduce;
import dev.vmc.runtime.guide.Guide;
import dev.vmc.runtime.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * The ELBO's terms per datum of the plate, per particle, each [rows]: what held-out scores,
 * the split into reconstruction and KL, and objectives that weigh the KL (beta-VAE, annealing)
 * or average weights per datum (IWAE) are built from. Plated statements on data make the
 * likelihood; plated statements on latents their prior; the guide's plated sites their log q.
 *
 * @param likelihood log p(x_n | z_n) per datum
 * @param prior      log p(z_n) per datum (0 without plated latents)
 * @param logQ       log q(z_n) per datum, with the guide's parameters held (0 without plated sites)
 * @param scale      what a sum over the rows is multiplied by: N / batch size
 * @param priors     the plated latents' own prior statements, for a closed-form KL
 * @param likelihoods the plated statements on data, whose means pictures of reconstructions show
 * @param sites      the guide's plated sites
 */
public record PlateRows(Node likelihood, Node prior, Node logQ, double scale, List<Model.Factor> priors,
        List<Model.Factor> likelihoods, List<Guide.PlatedSite> sites) {

    /** Null when the model has no plate or nothing on it. */
    static PlateRows of(Graph graph, Model model, Model.Nodes p, Guide.Nodes q) {
        Model.Plate plate = model.plate();
        if (plate == null) {
            return null;
        }
        Node likelihood = null;
        Node prior = null;
        List<Model.Factor> priors = new ArrayList<>();
        List<Model.Factor> likelihoods = new ArrayList<>();
        for (Model.Factor f : p.factors()) {
            if (f.plate() == null) {
                continue;
            }
            boolean onLatent = f.sampled() != null && f.sampled().variate() != null
                    && model.latents().stream().anyMatch(l -> l.name().equals(f.sampled().variate()));
            Node rows = perRow(graph, f.elements());
            if (onLatent) {
                prior = prior == null ? rows : graph.add(prior, rows);
                priors.add(f);
            } else {
                likelihood = likelihood == null ? rows : graph.add(likelihood, rows);
                likelihoods.add(f);
            }
        }
        Node logQ = null;
        for (Guide.PlatedSite site : q.plated()) {
            Node rows = perRow(graph, site.logQ());
            logQ = logQ == null ? rows : graph.add(logQ, rows);
        }
        if (likelihood == null && prior == null && logQ == null) {
            return null;
        }
        Node zero = graph.constant(new dev.vmc.runtime.tensor.Tensor(new int[] {plate.batchSize()}));
        return new PlateRows(likelihood == null ? zero : likelihood, prior == null ? zero : prior,
                logQ == null ? zero : logQ, plate.scale(), priors, likelihoods, q.plated());
    }

    /** A plated term's elements [rows, ...] summed to one value per row. */
    public static Node perRow(Graph graph, Node elements) {
        int rows = elements.shape[0];
        int rest = elements.modelSize() / rows;
        Node matrix = elements.rank() == 2 ? elements : graph.reshape(elements, rows, rest);
        return graph.apply(Reduce.SUM_LAST_AXIS, matrix);
    }
}
