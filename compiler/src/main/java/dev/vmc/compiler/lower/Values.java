package dev.vmc.compiler.lower;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Concatenate;
import dev.vmc.runtime.graph.Stack;
import dev.vmc.runtime.graph.Take;
import dev.vmc.runtime.graph.Transpose;
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
                stacked = fromColumns(graph);
            }
            if (stacked == null) {
                Node vector = graph.apply(Stack.INSTANCE, slots);
                stacked = shape.length == 1 ? vector : graph.reshape(vector, shape);
            }
            return stacked;
        }

        /**
         * Where each column was assigned whole from a vector ({@code m[:, k] = v;}, or a vector's
         * every element in order), the columns themselves, joined: a few nodes rather than a
         * scalar per element, which a loop over a matrix's columns would otherwise cost. Null
         * where the elements came some other way.
         */
        private Node fromColumns(Graph graph) {
            int rows = shape[0];
            int columns = shape.length == 1 ? 1 : shape.length == 2 ? shape[1] : 0;
            if (columns == 0 || rows == 0) {
                return null;
            }
            Node joined = null;
            for (int c = 0; c < columns; c++) {
                Node column = run(graph, c, columns, rows);
                if (column == null) {
                    return null;
                }
                joined = joined == null ? column : graph.apply(Concatenate.INSTANCE, joined, column);
            }
            if (shape.length == 1) {
                return joined;
            }
            // the columns one after another are the transpose's rows
            return graph.apply(Transpose.INSTANCE, graph.reshape(joined, columns, rows));
        }

        /** The slots at start, start + stride, ... as one take of a vector's consecutive elements, or null. */
        private Node run(Graph graph, int start, int stride, int count) {
            Node first = slots[start];
            if (first == null || !(first.op instanceof Take t0) || t0.shape().length != 0) {
                return null;
            }
            Node source = first.inputs.get(0);
            for (int i = 1; i < count; i++) {
                Node slot = slots[start + i * stride];
                if (slot == null || !(slot.op instanceof Take t) || t.shape().length != 0 || slot.inputs.get(0) != source
                        || t.offset() != t0.offset() + i) {
                    return null;
                }
            }
            return t0.offset() == 0 && source.rank() == 1 && source.shape[0] == count ? source
                    : graph.apply(new Take(t0.offset(), new int[] {count}), source);
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
