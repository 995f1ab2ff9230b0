package dev.vmc.runtime.infer.enumerate;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.Model;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model with some discrete latents summed out exactly, as Pyro's TraceEnum_ELBO does: what
 * inference sees is the marginal over them, a model of the remaining latents only, so the
 * continuous machinery (Pathfinder, the Gaussian guides, PSIS) runs on it unchanged.
 *
 * <p>Each enumerated latent enters the model as a constant with one leading axis of its K
 * values ({@link Enumeration}); the model's ops carry that axis through, and the factors that
 * depend on it come back with it. Where every step from the latent to its factors keeps its
 * elements apart ({@link ElementwiseReach}), the elements are independent given the rest, so
 * all N of them are enumerated together, N x K terms, and summed out per element:
 * log sum_k exp(sum of its factors at value k). A scalar latent's factors are summed over their
 * own elements first. Latents of one shape that meet in a factor share one axis of their joint
 * values (K1 x K2 ...), which the planner forms when their product is within its limit; two
 * axes never meet in a factor (that would need a contraction over both, as an HMM's chain
 * does), and the planner gives such a latent the score function instead.
 *
 * <p>The marginal's derived quantities add, per enumerated latent, a draw from its exact
 * conditional given the draw of the rest (Pyro's infer_discrete), under the latent's own name;
 * and for small supports its per-element probabilities, {@code Pr(z)}, with one last axis over
 * the values, reported in the summary only (their means are the posterior probabilities); for
 * larger supports, {@code mode(z)}: each draw's most probable value of each element.
 */
public final class EnumeratedModel implements Model {
    /** Supports up to this size also report each value's probability per element. */
    public static final int PROBABILITY_COLUMNS_UP_TO = 16;

    private final Model inner;
    private final List<List<LatentSpec>> groups;
    private final List<LatentSpec> remaining;

    /**
     * @param groups latents enumerated together along one axis of their joint values (latents of
     *               one shape that share a factor), each group apart from the others
     */
    public EnumeratedModel(Model inner, List<List<String>> groups) {
        this.inner = inner;
        this.groups = groups.stream().map(g -> g.stream().map(inner::latent).toList()).toList();
        Set<String> all = new HashSet<>();
        groups.forEach(all::addAll);
        this.remaining = inner.latents().stream().filter(l -> !all.contains(l.name())).toList();
        this.groups.forEach(g -> g.forEach(Enumeration::requireFinite));
    }

    public Model inner() {
        return inner;
    }

    @Override
    public List<LatentSpec> latents() {
        return remaining;
    }

    @Override
    public Nodes build(Graph graph, Map<String, Node> latentValues) {
        Map<String, Node> values = new LinkedHashMap<>(latentValues);
        List<Enumeration> axes = new ArrayList<>();
        for (List<LatentSpec> group : groups) {
            graph.setOrigin("the values of " + Enumeration.names(group) + ", enumerated");
            Enumeration e = Enumeration.of(graph, group);
            axes.add(e);
            for (int j = 0; j < group.size(); j++) {
                values.put(group.get(j).name(), e.values().get(j));
            }
        }
        Nodes p = inner.build(graph, values);
        List<List<Factor>> owned = new ArrayList<>();
        axes.forEach(e -> owned.add(new ArrayList<>()));
        List<Factor> factors = new ArrayList<>();
        for (Factor f : p.factors()) {
            boolean[] up = graph.ancestorsOf(f.elements());
            int owner = -1;
            for (int g = 0; g < axes.size(); g++) {
                String reached = reached(axes.get(g), up);
                if (reached == null) {
                    continue;
                }
                if (owner >= 0) {
                    throw new EnumerationRefused(reached, "it meets " + axes.get(owner).names() + ", also enumerated, in "
                            + f.origin(), axes.get(owner).latents().get(0).name());
                }
                owner = g;
            }
            (owner < 0 ? factors : owned.get(owner)).add(f);
        }
        for (Map.Entry<String, Node> derived : p.derived().entrySet()) {
            for (Enumeration e : axes) {
                String reached = reached(e, graph.ancestorsOf(derived.getValue()));
                if (reached != null) {
                    throw new EnumerationRefused(reached, "the derived quantity " + derived.getKey()
                            + " depends on it, and an enumerated latent has no one value to compute it from");
                }
            }
        }
        Map<String, Node> derived = new LinkedHashMap<>(p.derived());
        Map<String, Node> summarised = new LinkedHashMap<>(p.summarised());
        for (int g = 0; g < axes.size(); g++) {
            Enumeration e = axes.get(g);
            List<Factor> group = owned.get(g);
            graph.setOrigin(e.names() + " summed out");
            Node joint = e.joint(graph, group);
            factors.add(new Factor(e.names() + " summed out of " + origins(group), e.sumOut(graph, joint),
                    latentsOf(group, e.latents())));
            graph.setOrigin(e.names() + " drawn from " + (e.latents().size() == 1 ? "its" : "their") + " conditional");
            Node drawn = e.conditionalDraw(graph, joint);
            Node probabilities = e.conditionalProbabilities(graph, joint);
            for (int j = 0; j < e.latents().size(); j++) {
                LatentSpec latent = e.latents().get(j);
                derived.put(latent.name(), e.valueOf(graph, j, drawn));
                Node marginal = e.marginalProbabilities(graph, j, probabilities);
                if (latent.supportSize() <= PROBABILITY_COLUMNS_UP_TO) {
                    summarised.put("Pr(" + latent.name() + ")", marginal);
                } else {
                    summarised.put("mode(" + latent.name() + ")", e.mode(graph, j, marginal));
                }
            }
        }
        return new Nodes(factors, derived, p.parameters(), summarised);
    }

    /** The first of the enumeration's latents whose values the node depends on, or null. */
    private static String reached(Enumeration e, boolean[] up) {
        for (int j = 0; j < e.values().size(); j++) {
            if (up[e.values().get(j).id]) {
                return e.latents().get(j).name();
            }
        }
        return null;
    }

    private static String origins(List<Factor> group) {
        return group.isEmpty() ? "nothing (no factor depends on it)"
                : String.join("; ", group.stream().map(Factor::origin).toList());
    }

    /** The latents the marginal depends on: its factors', less those summed out (null if any is unknown). */
    private static Set<String> latentsOf(List<Factor> group, List<LatentSpec> summedOut) {
        Set<String> all = new HashSet<>();
        for (Factor f : group) {
            if (f.latents() == null) {
                return null;
            }
            all.addAll(f.latents());
        }
        summedOut.forEach(l -> all.remove(l.name()));
        return all;
    }

    /** Why one latent cannot be enumerated; the planner gives it the score function instead. */
    public static final class EnumerationRefused extends RuntimeException {
        public final String latent;
        /** An enumerated latent it meets in a factor, with which it might be enumerated jointly; or null. */
        public final String partner;

        public EnumerationRefused(String latent, String reason) {
            this(latent, reason, null);
        }

        public EnumerationRefused(String latent, String reason, String partner) {
            super(reason);
            this.latent = latent;
            this.partner = partner;
        }
    }
}
