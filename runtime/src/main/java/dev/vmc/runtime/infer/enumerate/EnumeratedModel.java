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
 * own elements first. Two enumerated latents may not meet in one factor, which would need the
 * sum over their joint values; the planner gives the second the score function instead.
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
    private final List<LatentSpec> enumerated;
    private final List<LatentSpec> remaining;

    public EnumeratedModel(Model inner, Set<String> names) {
        this.inner = inner;
        this.enumerated = inner.latents().stream().filter(l -> names.contains(l.name())).toList();
        this.remaining = inner.latents().stream().filter(l -> !names.contains(l.name())).toList();
        for (LatentSpec l : enumerated) {
            Enumeration.requireFinite(l);
        }
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
        Map<String, Enumeration> axes = new LinkedHashMap<>();
        for (LatentSpec latent : enumerated) {
            graph.setOrigin("the values of " + latent.name() + ", enumerated");
            Enumeration e = Enumeration.of(graph, latent);
            axes.put(latent.name(), e);
            values.put(latent.name(), e.values());
        }
        Nodes p = inner.build(graph, values);
        Map<String, List<Factor>> groups = new LinkedHashMap<>();
        axes.keySet().forEach(name -> groups.put(name, new ArrayList<>()));
        List<Factor> factors = new ArrayList<>();
        boolean[][] reaches = new boolean[p.factors().size()][];
        for (int i = 0; i < p.factors().size(); i++) {
            Factor f = p.factors().get(i);
            reaches[i] = graph.ancestorsOf(f.elements());
            String owner = null;
            for (Enumeration e : axes.values()) {
                if (!reaches[i][e.values().id]) {
                    continue;
                }
                if (owner != null) {
                    throw new EnumerationRefused(e.latent().name(), "it meets " + owner + ", also enumerated, in "
                            + f.origin() + "; vmc sums out latents that share no factor");
                }
                owner = e.latent().name();
            }
            (owner == null ? factors : groups.get(owner)).add(f);
        }
        for (Map.Entry<String, Node> derived : p.derived().entrySet()) {
            boolean[] up = graph.ancestorsOf(derived.getValue());
            for (Enumeration e : axes.values()) {
                if (up[e.values().id]) {
                    throw new EnumerationRefused(e.latent().name(), "the derived quantity " + derived.getKey()
                            + " depends on it, and an enumerated latent has no one value to compute it from");
                }
            }
        }
        Map<String, Node> derived = new LinkedHashMap<>(p.derived());
        Map<String, Node> summarised = new LinkedHashMap<>(p.summarised());
        for (Enumeration e : axes.values()) {
            List<Factor> group = groups.get(e.latent().name());
            graph.setOrigin(e.latent().name() + " summed out");
            Node joint = e.joint(graph, group);
            factors.add(new Factor(e.latent().name() + " summed out of " + origins(group), e.sumOut(graph, joint),
                    latentsOf(group, e.latent().name())));
            graph.setOrigin(e.latent().name() + " drawn from its conditional");
            derived.put(e.latent().name(), e.conditionalDraw(graph, joint));
            if (e.supportSize() <= PROBABILITY_COLUMNS_UP_TO) {
                summarised.put("Pr(" + e.latent().name() + ")", e.conditionalProbabilities(graph, joint));
            } else {
                summarised.put("mode(" + e.latent().name() + ")", e.conditionalMode(graph, joint));
            }
        }
        return new Nodes(factors, derived, p.parameters(), summarised);
    }

    private static String origins(List<Factor> group) {
        return group.isEmpty() ? "nothing (no factor depends on it)"
                : String.join("; ", group.stream().map(Factor::origin).toList());
    }

    /** The latents the marginal depends on: its factors', less the one summed out (null if any is unknown). */
    private static Set<String> latentsOf(List<Factor> group, String summedOut) {
        Set<String> all = new HashSet<>();
        for (Factor f : group) {
            if (f.latents() == null) {
                return null;
            }
            all.addAll(f.latents());
        }
        all.remove(summedOut);
        return all;
    }

    /** Why one latent cannot be enumerated; the planner gives it the score function instead. */
    public static final class EnumerationRefused extends RuntimeException {
        public final String latent;

        public EnumerationRefused(String latent, String reason) {
            super(reason);
            this.latent = latent;
        }
    }
}
