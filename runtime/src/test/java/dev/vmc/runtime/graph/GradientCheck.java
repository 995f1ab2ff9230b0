package dev.vmc.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Compares the executor's reverse-mode gradients with central finite differences, holding
 * the Monte Carlo noise fixed by reseeding before every evaluation.
 */
public final class GradientCheck {
    private GradientCheck() {}

    /** Checks d root / d every parameter of the graph; root must be a single value. */
    public static void check(Graph graph, Node root, int particles, double tolerance) {
        ParameterStore store = ParameterStore.initial(graph);
        Executor exec = new Executor(graph, particles, store, new SplittableRandom(7));
        exec.forward();
        exec.backward(root);
        for (Node p : graph.parameters()) {
            String name = ((Leaf.Parameter) p.op).label();
            Tensor value = store.get(name);
            double[] analytic = exec.gradient(p).data.clone();
            for (int i = 0; i < value.size(); i++) {
                double saved = value.data[i];
                double h = 1e-6 * Math.max(1, Math.abs(saved));
                value.data[i] = saved + h;
                double up = evaluate(graph, root, particles, store);
                value.data[i] = saved - h;
                double down = evaluate(graph, root, particles, store);
                value.data[i] = saved;
                double numeric = (up - down) / (2 * h);
                assertTrue(Double.isFinite(analytic[i]), "gradient of " + name + "[" + i + "] is not finite");
                assertEquals(numeric, analytic[i], tolerance * Math.max(1, Math.abs(numeric)),
                        "d/d " + name + "[" + i + "]");
            }
        }
    }

    private static double evaluate(Graph graph, Node root, int particles, ParameterStore store) {
        Executor exec = new Executor(graph, particles, store, new SplittableRandom(7));
        exec.forward();
        return exec.value(root).item();
    }
}
