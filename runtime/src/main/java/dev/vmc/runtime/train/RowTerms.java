package dev.vmc.runtime.train;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.guide.Guide;
import dev.vmc.runtime.infer.ElboGraph;
import dev.vmc.runtime.infer.PlateRows;
import dev.vmc.runtime.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-datum ELBO split the way a VAE reads it: reconstruction E_q[log p(x_n | z_n)] and
 * KL(q(z_n | x_n) || p(z_n)), each [rows] per particle. The KL is in closed form when every
 * plated site is a normal guide on a latent whose one prior statement is a normal (both
 * Gaussian: no sampling noise in it); otherwise it is log q - log p of the draw.
 *
 * @param reconstruction per datum, per particle
 * @param kl             per datum, per particle (shared by particles when analytic)
 * @param klElements     the KL per latent element [rows, ...], per site, for active units; sampled when not analytic
 * @param logWeights     log p(x_n, z_n) - log q(z_n | x_n) of the draw per datum, for importance weighting
 * @param analytic       whether the KL is in closed form
 * @param why            the plan's line for the KL
 */
record RowTerms(Node reconstruction, Node kl, List<Node> klElements, Node logWeights, boolean analytic, String why) {

    static RowTerms of(Graph graph, ElboGraph elbo) {
        PlateRows rows = elbo.rows;
        Node logWeights = graph.sub(graph.add(rows.likelihood(), rows.prior()), rows.logQ());
        List<Node> closedForm = new ArrayList<>();
        String notAnalytic = null;
        for (Guide.PlatedSite site : rows.sites()) {
            List<Model.Factor> priors = rows.priors().stream()
                    .filter(f -> f.sampled().variate().equals(site.latent())).toList();
            if (!site.family().equals("normal")) {
                notAnalytic = site.latent() + "'s guide is " + site.family() + ", not normal";
            } else if (priors.size() != 1 || !priors.get(0).sampled().family().equals("normal")) {
                notAnalytic = site.latent() + "'s prior is not one normal statement";
            } else if (rows.priors().size() != rows.sites().size()) {
                notAnalytic = "some plated prior statement has no guide site of its own";
            } else {
                List<Node> q = site.arguments();
                List<Node> p = priors.get(0).sampled().arguments();
                closedForm.add(gaussianKl(graph, q.get(0), q.get(1), p.get(0), p.get(1), site.logQ().shape));
            }
        }
        if (notAnalytic == null && !closedForm.isEmpty()) {
            Node kl = null;
            for (Node elements : closedForm) {
                Node r = PlateRows.perRow(graph, elements);
                kl = kl == null ? r : graph.add(kl, r);
            }
            return new RowTerms(rows.likelihood(), kl, closedForm, logWeights, true,
                    "KL(q || p) in closed form: normal guide, normal prior");
        }
        return new RowTerms(rows.likelihood(), graph.sub(rows.logQ(), rows.prior()), List.of(), logWeights, false,
                "KL(q || p) from the draw (log q - log p)" + (notAnalytic == null ? "" : ": " + notAnalytic));
    }

    /** KL(N(m, s) || N(a, b)) per element = log(b / s) + (s^2 + (m - a)^2) / (2 b^2) - 1/2, at the site's shape. */
    private static Node gaussianKl(Graph graph, Node m, Node s, Node a, Node b, int[] shape) {
        Node diff = graph.sub(m, a);
        Node ratio = graph.div(s, b);
        Node scaled = graph.div(diff, b);
        Node half = graph.constant(0.5);
        Node kl = graph.sub(graph.mul(half, graph.add(graph.mul(ratio, ratio), graph.mul(scaled, scaled))),
                graph.add(graph.log(ratio), half));
        if (!java.util.Arrays.equals(kl.shape, shape)) {
            kl = graph.add(kl, graph.constant(new dev.vmc.runtime.tensor.Tensor(shape)));
        }
        return kl;
    }

    /** Per row, the mean over particles of a [rows] node (batched or not), summed over the fresh rows. */
    static double sumOfRowMeans(Executor executor, Node node, int fresh) {
        double[] v = executor.value(node).data;
        int rows = node.shape[0];
        int particles = node.batched ? executor.particles() : 1;
        double total = 0;
        for (int s = 0; s < particles; s++) {
            for (int r = 0; r < fresh; r++) {
                total += v[s * rows + r];
            }
        }
        return total / particles;
    }
}
