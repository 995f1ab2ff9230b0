package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current values of a graph's trainable parameters, on the unconstrained scale, by name.
 * Executors read them in place, so an optimiser step is seen by the next forward pass.
 */
public final class ParameterStore {
    private final Map<String, Tensor> values = new LinkedHashMap<>();

    public static ParameterStore initial(Graph graph) {
        ParameterStore store = new ParameterStore();
        for (Node node : graph.parameters()) {
            Leaf.Parameter p = (Leaf.Parameter) node.op;
            store.values.put(p.label(), p.initial().copy());
        }
        return store;
    }

    /** Values read back from a file, by name (copied). */
    public static ParameterStore of(Map<String, Tensor> values) {
        ParameterStore store = new ParameterStore();
        values.forEach((k, v) -> store.values.put(k, v.copy()));
        return store;
    }

    public Tensor get(String name) {
        Tensor t = values.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no parameter named " + name);
        }
        return t;
    }

    public Map<String, Tensor> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public ParameterStore copy() {
        ParameterStore store = new ParameterStore();
        values.forEach((k, v) -> store.values.put(k, v.copy()));
        return store;
    }

    /** Overwrites every value with another store's (same names and shapes). */
    public void copyFrom(ParameterStore other) {
        values.forEach((k, v) -> v.copyFrom(other.get(k)));
    }

    /** Rounds every value in place, e.g. after an optimiser step in single precision. */
    public void round(Precision precision) {
        values.values().forEach(t -> precision.round(t.data));
    }
}
