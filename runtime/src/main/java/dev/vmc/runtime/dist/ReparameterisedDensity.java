package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/** A scalar density that can also be drawn from as a differentiable function of standard noise. */
abstract class ReparameterisedDensity extends ScalarDensity implements ScalarDraw {

    protected ReparameterisedDensity(String name, Support support, List<String> parameterNames, List<Support> parameterSupports) {
        super(name, support, parameterNames, parameterSupports);
    }

    @Override
    public boolean isReparameterisable() {
        return true;
    }

    @Override
    public Node sample(Graph graph, List<Node> parameters, int[] shape) {
        if (parameters.size() != parameterNames().size()) {
            throw new IllegalArgumentException(name() + " takes " + parameterNames().size() + " parameters, got " + parameters.size());
        }
        return DrawOp.sample(graph, name(), this, parameters, shape);
    }
}
