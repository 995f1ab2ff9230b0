package dev.vmc.runtime.train;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParticleLogMeanExp;
import dev.vmc.runtime.infer.ElboGraph;

/**
 * What minibatch training ascends, built on an ELBO graph with a plate: the global terms plus
 * N / B times the batch's per-datum terms, either the ELBO with the KL weighted by beta_t (a
 * scalar leaf written before each step: beta-VAE, annealing) or the importance-weighted bound
 * with K = the particles. The ELBO itself (beta = 1) is kept beside it, for the progress lines.
 */
final class Objective {
    final ElboGraph elbo;
    final dev.vmc.runtime.model.Model.Plate plate;
    final RowTerms terms;
    /** Ascended: one shared value. */
    final Node root;
    /** The ELBO estimate of the same draws, whatever the objective. */
    final Node elboValue;
    /** beta_t, written by the trainer before each step. */
    final Node klWeight;

    Objective(ElboGraph elbo, dev.vmc.runtime.model.Model.Plate plate, boolean iwae) {
        this.elbo = elbo;
        this.plate = plate;
        Graph graph = elbo.graph;
        graph.setOrigin("the training objective");
        this.terms = RowTerms.of(graph, elbo);
        Node scale = graph.constant(elbo.rows.scale());
        this.klWeight = graph.batch("KL weight");
        this.elboValue = graph.meanOverParticles(graph.add(elbo.globalTerms,
                graph.mul(scale, graph.sum(graph.sub(terms.reconstruction(), terms.kl())))));
        if (iwae) {
            Node perDatum = graph.apply(ParticleLogMeanExp.INSTANCE, terms.logWeights());
            this.root = graph.add(graph.meanOverParticles(elbo.globalTerms), graph.mul(scale, graph.sum(perDatum)));
        } else {
            Node weighted = graph.sub(terms.reconstruction(), graph.mul(klWeight, terms.kl()));
            this.root = graph.meanOverParticles(graph.add(elbo.globalTerms, graph.mul(scale, graph.sum(weighted))));
        }
    }
}
