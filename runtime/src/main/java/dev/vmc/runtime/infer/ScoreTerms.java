package dev.vmc.runtime.infer;

import dev.vmc.runtime.graph.ElementwiseReach;
import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.guide.Guide;
import dev.vmc.runtime.infer.EstimatorChoice.Baseline;
import dev.vmc.runtime.infer.objective.DecayingAverageBaseline;
import dev.vmc.runtime.infer.objective.LeaveOneOutBaseline;
import dev.vmc.runtime.infer.objective.ScoreFunction;
import dev.vmc.runtime.model.Model.Factor;
import dev.vmc.runtime.model.Model.Nodes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The score-function surrogates of a fit's discrete sites, built from the objective's pieces:
 * each site's cost, Rao-Blackwellised from the factors' dependencies (only the factors
 * downstream of the site; per element where the site's elements reach a factor's elements one
 * to one, {@link ElementwiseReach}), less its baseline, times its log q. Also keeps the
 * decaying averages, which the ascent updates around each step.
 */
final class ScoreTerms {
    final List<Node> surrogates = new ArrayList<>();
    /** Per scored site, how its variance is reduced, for the plan. */
    final Map<String, String> reductions = new java.util.LinkedHashMap<>();
    private final List<DecayingAverageBaseline> averages = new ArrayList<>();

    static ScoreTerms build(Graph graph, Nodes p, Guide.Nodes q, Node terms,
            EstimatorChoice choice, int particles) {
        ScoreTerms out = new ScoreTerms();
        Baseline baseline = choice.baseline() == Baseline.AUTO
                ? (particles >= 2 ? Baseline.LEAVE_ONE_OUT : Baseline.AVERAGE) : choice.baseline();
        for (Guide.ScoredSite site : q.scored()) {
            graph.setOrigin("the score function of " + site.latent());
            Node logQ = site.logQ();
            Node cost;
            String reduction;
            if (choice.raoBlackwellise()) {
                Cost c = cost(graph, p.factors(), site);
                cost = c.node;
                reduction = c.description;
            } else {
                cost = terms;
                logQ = logQ.rank() == 0 ? logQ : graph.sum(logQ);
                reduction = "no Rao-Blackwellisation (every term of the ELBO)";
            }
            Node b = switch (baseline) {
                case NONE, AUTO -> null;
                case LEAVE_ONE_OUT -> LeaveOneOutBaseline.of(graph, cost);
                case AVERAGE -> {
                    DecayingAverageBaseline average = DecayingAverageBaseline.of(graph, cost);
                    out.averages.add(average);
                    yield average.node();
                }
            };
            out.surrogates.add(ScoreFunction.surrogate(graph, logQ, cost, b));
            out.reductions.put(site.latent(), reduction + "; " + describe(baseline, particles));
        }
        return out;
    }

    private record Cost(Node node, String description) {}

    /**
     * The terms downstream of the site, per element where they line up with it, less its log q:
     * the factors that depend on it or on a site the guide draws from it, and those sites' log q.
     */
    private static Cost cost(Graph graph, List<Factor> factors, Guide.ScoredSite site) {
        Node logQ = site.logQ();
        boolean perElement = logQ.rank() != 0;
        Node own = null;
        Node shared = null;
        int ownCount = 0;
        int sharedCount = 0;
        for (Factor f : factors) {
            boolean throughDownstream = site.downstream().stream().anyMatch(f::dependsOn);
            if (!f.dependsOn(site.latent()) && !throughDownstream) {
                continue;
            }
            boolean linesUp = perElement && !throughDownstream && Arrays.equals(f.elements().shape, site.value().shape)
                    && ElementwiseReach.whyNot(graph, site.value(), f.elements(), ElementwiseReach.Rule.SAME_ELEMENTS) == null;
            if (linesUp) {
                Node scaled = f.scale() == 1 ? f.elements() : graph.mul(graph.constant(f.scale()), f.elements());
                own = own == null ? scaled : graph.add(own, scaled);
                ownCount++;
            } else {
                Node total = f.total(graph);
                shared = shared == null ? total : graph.add(shared, total);
                sharedCount++;
            }
        }
        Node cost = graph.sub(own == null ? graph.constant(0) : own, logQ);
        if (site.logJacobian() != null) {
            shared = shared == null ? site.logJacobian() : graph.add(shared, site.logJacobian());
        }
        if (site.downstreamLogQ() != null) {
            Node minus = graph.neg(site.downstreamLogQ());
            shared = shared == null ? minus : graph.add(shared, minus);
        }
        if (shared != null) {
            cost = graph.add(cost, shared);
        }
        if (!perElement && cost.rank() != 0) {
            cost = graph.sum(cost);
        }
        String description = "Rao-Blackwellised: " + (ownCount + sharedCount) + " of " + factors.size()
                + " factors depend on it" + (site.downstream().isEmpty() ? "" : " or on "
                        + String.join(", ", site.downstream()) + ", which the guide draws from it")
                + (ownCount > 0 ? ", " + ownCount + " element by element" : "");
        return new Cost(cost, description);
    }

    private static String describe(Baseline baseline, int particles) {
        return switch (baseline) {
            case NONE, AUTO -> "no baseline";
            case LEAVE_ONE_OUT -> "leave-one-out baseline over " + particles + " particles";
            case AVERAGE -> "decaying-average baseline (decay " + DecayingAverageBaseline.DEFAULT_DECAY + ")";
        };
    }

    void beforeStep(Executor executor) {
        averages.forEach(a -> a.writeTo(executor));
    }

    void afterStep(Executor executor) {
        averages.forEach(a -> a.update(executor));
    }
}
