package dev.vmc.runtime.graph;

import java.util.Arrays;

/**
 * Whether a value reaches a node only through steps that keep its elements apart: each step
 * elementwise ({@link Op#isElementwise}) or an index by the value ({@code mu[z]}). That is what
 * lets inference treat each element of a discrete latent on its own: enumerate all of a
 * latent's elements at once along one extra axis (N x K work rather than K^N), and multiply
 * each element's score by its own element's terms only (Rao-Blackwellisation). A sum, a matrix
 * product or a reshape on the way mixes elements, and the answer is no, with the step named.
 */
public final class ElementwiseReach {
    private ElementwiseReach() {}

    /** How strictly the source's elements must line up with the target's. */
    public enum Rule {
        /**
         * The source carries a leading enumeration axis that every step must keep leading: the
         * values derived from it have the node's rank, everything else a lower rank, so no
         * other operand's axis ever lines up with the enumeration axis. Size-1 axes of the
         * source may broadcast (a scalar latent's values meet a vector of data).
         */
        LEADING_AXIS,
        /** Element i of every step is computed from element i of the source alone: same shapes all the way. */
        SAME_ELEMENTS
    }

    /**
     * Null when every path from {@code source} to {@code target} keeps the source's elements
     * apart under the rule; otherwise why not, naming the step (its statement and op).
     */
    public static String whyNot(Graph graph, Node source, Node target, Rule rule) {
        return whyNot(graph, java.util.List.of(source), target, rule);
    }

    /**
     * As above for several sources that share their leading axis (latents enumerated together):
     * a value from any of them counts as from the source.
     */
    public static String whyNot(Graph graph, java.util.List<Node> sources, Node target, Rule rule) {
        boolean[] fromSource = new boolean[graph.nodes().size()];
        int first = Integer.MAX_VALUE;
        for (Node source : sources) {
            fromSource[source.id] = true;
            first = Math.min(first, source.id);
        }
        boolean[] toTarget = graph.ancestorsOf(target);
        for (Node node : graph.nodes()) {
            if (node.id <= first || fromSource[node.id] || !toTarget[node.id]) {
                continue;
            }
            for (Node in : node.inputs) {
                fromSource[node.id] |= fromSource[in.id];
            }
            if (!fromSource[node.id]) {
                continue;
            }
            String why = step(node, fromSource, rule);
            if (why != null) {
                return node.where() + " " + why;
            }
        }
        return null;
    }

    private static String step(Node node, boolean[] fromSource, Rule rule) {
        if (node.op == Gather.INSTANCE) {
            if (fromSource[node.inputs.get(0).id]) {
                return "indexes into a value computed from it";
            }
            return rule == Rule.SAME_ELEMENTS && node.inputs.get(0).rank() > 1 ? "takes whole rows by it" : null;
        }
        if (!node.op.isElementwise()) {
            return "combines its elements";
        }
        for (Node in : node.inputs) {
            boolean derived = fromSource[in.id];
            if (rule == Rule.SAME_ELEMENTS && derived && !Arrays.equals(in.shape, node.shape)) {
                return "spreads each of its elements over several";
            }
            if (rule == Rule.LEADING_AXIS && derived && in.rank() != node.rank()) {
                return "meets it at another rank";
            }
            if (rule == Rule.LEADING_AXIS && !derived && in.rank() >= node.rank()) {
                return "meets a value of as many axes as its enumeration, which would line up with its values' axis";
            }
        }
        return null;
    }
}
