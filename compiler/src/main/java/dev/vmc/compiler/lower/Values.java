package dev.vmc.compiler.lower;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Stack;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names a block's statements see, each a graph node; a container a statement builds
 * element by element ({@code err[t] = y[t] - nu[t];}) is held as its elements instead, one
 * scalar node each, so a loop makes a chain of scalars, not a copy of the container per
 * iteration. Reading the whole container stacks its elements into one node, once per change.
 */
final class Values extends LinkedHashMap<String, Node> {
    /** A container's elements in row-major order, and its shape. */
    static final class Elements {
        final int[] shape;
        final Node[] slots;
        private Node stacked;

        Elements(int[] shape, Node[] slots) {
            this.shape = shape;
            this.slots = slots;
        }

        Elements copy() {
            Elements copy = new Elements(shape, slots.clone());
            copy.stacked = stacked;
            return copy;
        }

        void set(int offset, Node element) {
            slots[offset] = element;
            stacked = null;
        }

        Node whole(Graph graph) {
            if (stacked == null) {
                Node vector = graph.apply(Stack.INSTANCE, slots);
                stacked = shape.length == 1 ? vector : graph.reshape(vector, shape);
            }
            return stacked;
        }
    }

    private final transient Graph graph;
    private final Map<String, Elements> elements = new HashMap<>();

    Values(Graph graph) {
        this.graph = graph;
    }

    /** The name's elements where a statement builds it element by element, else null. */
    Elements elementsOf(String name) {
        return elements.get(name);
    }

    void putElements(String name, Elements value) {
        super.remove(name);
        elements.put(name, value);
    }

    @Override
    public Node get(Object name) {
        Elements e = elements.get(name);
        return e != null ? e.whole(graph) : super.get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return elements.containsKey(name) || super.containsKey(name);
    }

    @Override
    public Node put(String name, Node value) {
        elements.remove(name);
        return super.put(name, value);
    }

    /** Every name's value as it stands, to restore or to merge after an if's branch. */
    Snapshot snapshot() {
        Map<String, Elements> copies = new HashMap<>();
        elements.forEach((name, e) -> copies.put(name, e.copy()));
        return new Snapshot(new LinkedHashMap<>(this), copies);
    }

    void restore(Snapshot snapshot) {
        super.clear();
        super.putAll(snapshot.nodes());
        elements.clear();
        snapshot.elements().forEach((name, e) -> elements.put(name, e.copy()));
    }

    record Snapshot(Map<String, Node> nodes, Map<String, Elements> elements) {
        boolean has(String name) {
            return nodes.containsKey(name) || elements.containsKey(name);
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
