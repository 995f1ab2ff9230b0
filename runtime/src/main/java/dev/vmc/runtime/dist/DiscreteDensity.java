package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/**
 * A scalar density over integers that can also be drawn from, though not differentiably: its
 * draws pass no gradient, so it stays not reparameterisable, and a guide that uses it needs the
 * score-function estimator, which differentiates this density's log mass of the draw.
 */
abstract class DiscreteDensity extends ScalarDensity {
    private final DiscreteDraw draw;

    protected DiscreteDensity(String name, Support support, List<String> parameterNames, List<Support> parameterSupports,
            DiscreteDraw draw) {
        super(name, support, parameterNames, parameterSupports);
        this.draw = draw;
    }

    @Override
    public boolean hasSampler() {
        return true;
    }

    @Override
    public Node sample(Graph graph, List<Node> parameters, int[] shape) {
        return DiscreteDrawOp.sample(graph, this, draw, parameters, shape);
    }
}
