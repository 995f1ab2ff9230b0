package dev.vmc.runtime.transform;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ScalarFunction;

/** A {@link Bijection} applied elementwise in one pass, rather than as a chain of exp, mul and add nodes. */
final class ConstrainOp implements Op {
    private final Bijection map;

    ConstrainOp(Bijection map) {
        this.map = map;
    }

    @Override
    public String name() {
        return "constrain " + map.describe();
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        return inputShapes[0];
    }

    @Override
    public boolean isElementwise() {
        return true;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        return ScalarFunction.kernel(new ScalarFunction() {
            public double value(double u) {
                return map.constrain(u);
            }

            public double derivative(double u, double x) {
                return map.derivative(u);
            }
        });
    }
}
