package dev.vmc.runtime.infer.objective;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import java.util.List;

/**
 * The root a fit differentiates when some sites use the score function: the ELBO estimate plus
 * the mean over particles of the sites' surrogates ({@link ScoreFunction}), the surrogates
 * entering as s - stopGradient(s). That is exactly 0 in value (x - x is 0 for any finite x) and
 * has the surrogate's gradient, so the objective's value is the ELBO estimate itself, bit for
 * bit, and a loop that reports the objective's value reports the ELBO. (A surrogate that is
 * not finite makes the objective NaN, so such a step is rejected rather than taken with a NaN
 * gradient.) The ELBO node is kept too, for reading the estimate without the extra nodes.
 */
public record SurrogateObjective(Node elbo, Node objective) {

    /**
     * @param elbo shared: the ELBO estimate, mean over particles of log p - log q
     * @param surrogates per particle, one per score-function site; none gives the ELBO itself
     */
    public static SurrogateObjective build(Graph graph, Node elbo, List<Node> surrogates) {
        if (elbo.batched || elbo.rank() != 0) {
            throw new IllegalArgumentException("the ELBO must be one shared value, got " + elbo);
        }
        if (surrogates.isEmpty()) {
            return new SurrogateObjective(elbo, elbo);
        }
        Node total = surrogates.get(0);
        for (int i = 1; i < surrogates.size(); i++) {
            total = graph.add(total, surrogates.get(i));
        }
        Node zeroWithGradient = graph.sub(total, graph.stopGradient(total));
        return new SurrogateObjective(elbo, graph.add(elbo, graph.meanOverParticles(zeroWithGradient)));
    }
}
