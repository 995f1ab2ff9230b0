package dev.vmc.runtime.infer;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.guide.DiscreteGuide;
import dev.vmc.runtime.guide.Estimator;
import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.guide.Guide;
import dev.vmc.runtime.guide.JointGuide;
import dev.vmc.runtime.guide.Site;
import dev.vmc.runtime.infer.enumerate.EnumeratedModel;
import dev.vmc.runtime.infer.enumerate.EnumeratedModel.EnumerationRefused;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses how each discrete latent's part of the ELBO's gradient is found, and says why: summed
 * out exactly (enumeration) where its support is small and its elements stay apart on the way
 * to their factors, the score function otherwise. Continuous latents keep the pathwise
 * estimator of their guide. The choice can be forced per latent ({@link EstimatorChoice}).
 * Whether enumeration works is found by building the model with the candidates enumerated:
 * a latent the build refuses ({@link EnumerationRefused}) goes to the score function with the
 * refusal as its reason, and the rest are tried again.
 */
public final class Planner {
    /** Terms a draw (elements x values) past which enumeration's arrays would rival the heap: 2^24. */
    static final long MAX_ENUMERATED_TERMS = 1L << 24;

    private Planner() {}

    /**
     * @param model      the model inference fits: the given one with the enumerated latents summed out
     * @param enumerated one site per enumerated latent, for the plan
     * @param scored     why each latent left to the score function is there, by name
     * @param marginal   the model with every discrete latent summed out, where that can be done
     *                   though some are fitted by the score function as asked: a log density for
     *                   Pathfinder to start the continuous guide from; null otherwise
     */
    public record Plan(Model model, List<Site> enumerated, Map<String, String> scored, Model marginal) {
        public Plan(Model model, List<Site> enumerated, Map<String, String> scored) {
            this(model, enumerated, scored, null);
        }

        public boolean hasScored() {
            return !scored.isEmpty();
        }

        /**
         * The automatic guide of this plan: the Gaussian alone where no site is scored, else
         * joined with the guides of the scored sites ({@link JointGuide}).
         */
        public Guide automaticGuide(GaussianGuide continuous) {
            return hasScored() ? new JointGuide(continuous, scoredContinuous()) : continuous;
        }

        /** Continuous latents the score function is asked to take. */
        public Set<String> scoredContinuous() {
            Set<String> names = new LinkedHashSet<>();
            model.latents().stream().filter(l -> !l.isDiscrete() && scored.containsKey(l.name()))
                    .forEach(l -> names.add(l.name()));
            return names;
        }
    }

    public static Plan plan(Model model, EstimatorChoice choice) {
        return plan(model, choice, false);
    }

    /**
     * @param guideWritten whether the guide is written in the program: it draws every latent, so
     *                     none is summed out, and its discrete ones take the score function
     */
    public static Plan plan(Model model, EstimatorChoice choice, boolean guideWritten) {
        List<String> names = model.latents().stream().map(LatentSpec::name).toList();
        for (String asked : choice.perLatent().keySet()) {
            if (!names.contains(asked)) {
                throw new IllegalArgumentException("--estimator names " + asked + ", which is not a latent of this model;"
                        + " its latents are " + String.join(", ", names));
            }
        }
        requireProperCounts(model);
        Set<String> candidates = new LinkedHashSet<>();
        Map<String, String> scored = new LinkedHashMap<>();
        for (LatentSpec latent : model.latents()) {
            String why = whyScored(latent, choice, guideWritten);
            if (why != null) {
                scored.put(latent.name(), why);
            } else if (latent.isDiscrete()) {
                candidates.add(latent.name());
            }
        }
        List<List<String>> groups = group(model, candidates, choice, (latent, why) -> {
            requireNotForced(model.latent(latent), choice.forced(latent), why);
            scored.put(latent, "not enumerated: " + why);
        });
        for (String name : scored.keySet()) {
            if (guideWritten || !model.latent(name).isDiscrete()) {
                continue;
            }
            String why = DiscreteGuide.whyNot(model.latent(name));
            if (why != null) {
                throw new IllegalArgumentException("cannot fit " + name + ": it is left to the score function ("
                        + scored.get(name) + "), and " + why);
            }
        }
        List<Site> sites = new ArrayList<>();
        for (List<String> group : groups) {
            for (String name : group) {
                sites.add(enumeratedSite(model, name, group, choice));
            }
        }
        Model fitted = groups.isEmpty() ? model : new EnumeratedModel(model, groups);
        return new Plan(fitted, sites, scored, marginal(model, candidates, scored.keySet(), choice, guideWritten));
    }

    private static Site enumeratedSite(Model model, String name, List<String> group, EstimatorChoice choice) {
        LatentSpec latent = model.latent(name);
        long values = jointSize(model, group);
        String each = group.size() == 1 ? "its " + values + " values"
                : "the " + values + " joint values of " + String.join(", ", group);
        String how = latent.size() == 1 ? each + " summed out exactly"
                : "its " + latent.size() + " elements are independent given the rest, each summed over " + each + " ("
                        + latent.size() + " x " + values + " terms a draw)";
        if (group.size() > 1) {
            how += ", together as they share a factor";
        }
        return new Site(name, latent.shape(), latent.support(), "none: summed out of the model", Estimator.ENUMERATION,
                how + (choice.forced(name) != null ? ", as --estimator asks" : ""));
    }

    /** What a refused latent is told: why, for the plan. */
    private interface Refusals {
        void refuse(String latent, String why);
    }

    /**
     * The candidates grouped for enumeration, found by building the model: each on its own axis,
     * or, where two meet in a factor, together along the axis of their joint values when they
     * have one shape and the joint support is within the limit; a latent the build refuses
     * otherwise is left out, and told why.
     */
    private static List<List<String>> group(Model model, Set<String> candidates, EstimatorChoice choice, Refusals refusals) {
        List<List<String>> groups = new ArrayList<>();
        candidates.forEach(name -> groups.add(new ArrayList<>(List.of(name))));
        while (true) {
            EnumerationRefused refused = refusal(model, groups);
            if (refused == null) {
                return groups;
            }
            List<String> mine = groupOf(groups, refused.latent);
            List<String> partners = refused.partner == null ? null : groupOf(groups, refused.partner);
            if (partners != null && partners != mine && canJoin(model, mine, partners, choice)) {
                partners.addAll(mine);
                groups.remove(mine);
                continue;
            }
            mine.remove(refused.latent);
            if (mine.isEmpty()) {
                groups.remove(mine);
            }
            refusals.refuse(refused.latent, refused.getMessage());
        }
    }

    private static List<String> groupOf(List<List<String>> groups, String latent) {
        return groups.stream().filter(g -> g.contains(latent)).findFirst().orElse(null);
    }

    /** Whether two groups can share one axis: one shape, and their joint values within the limits. */
    private static boolean canJoin(Model model, List<String> a, List<String> b, EstimatorChoice choice) {
        int[] shape = model.latent(a.get(0)).shape();
        if (!java.util.Arrays.equals(shape, model.latent(b.get(0)).shape())) {
            return false;
        }
        long joint = jointSize(model, a);
        long other = jointSize(model, b);
        if (joint > choice.enumerateUpTo() / other) {
            return false;
        }
        return joint * other * model.latent(a.get(0)).size() <= MAX_ENUMERATED_TERMS;
    }

    private static long jointSize(Model model, List<String> group) {
        long product = 1;
        for (String name : group) {
            product *= model.latent(name).supportSize();
        }
        return product;
    }

    /**
     * Every discrete latent summed out, when the score function was asked for latents that could
     * be (by --estimator, or by a written guide that draws them); else null.
     */
    private static Model marginal(Model model, Set<String> enumerated, Set<String> scored, EstimatorChoice choice,
            boolean guideWritten) {
        Set<String> all = new LinkedHashSet<>(enumerated);
        for (String name : scored) {
            LatentSpec latent = model.latent(name);
            if (!latent.isDiscrete() || (choice.forced(name) != Estimator.SCORE_FUNCTION && !guideWritten)
                    || latent.supportSize() > choice.enumerateUpTo()) {
                return null;
            }
            all.add(name);
        }
        if (scored.isEmpty()) {
            return null;
        }
        boolean[] refused = {false};
        List<List<String>> groups = group(model, all, choice.withForced(null, java.util.Map.of()), (latent, why) -> refused[0] = true);
        return refused[0] ? null : new EnumeratedModel(model, groups);
    }

    /**
     * Why the score function takes this latent before enumeration is tried, or null: a discrete
     * latent then becomes a candidate for enumeration, a continuous one keeps the pathwise
     * estimator. Refuses what --estimator asks that cannot be done.
     */
    private static String whyScored(LatentSpec latent, EstimatorChoice choice, boolean guideWritten) {
        Estimator forced = choice.forced(latent.name());
        if (!latent.isDiscrete()) {
            if (forced == Estimator.ENUMERATION) {
                throw new IllegalArgumentException("--estimator " + latent.name() + "=enumerate: " + latent.name()
                        + " is continuous; only discrete latents can be enumerated");
            }
            return forced == Estimator.SCORE_FUNCTION ? "asked for by --estimator, though the pathwise estimator would do"
                    : null;
        }
        if (forced == Estimator.REPARAMETERISED) {
            throw new IllegalArgumentException("--estimator " + latent.name() + "=reparam: " + latent.name()
                    + " is discrete, so no draw of it is differentiable; use score or enumerate");
        }
        long k = latent.supportSize();
        String cannotEnumerate = guideWritten ? "the guide written in the program draws it"
                : k == Long.MAX_VALUE ? "its support " + latent.support() + " has no end to sum over"
                : k * latent.size() > MAX_ENUMERATED_TERMS ? "its " + latent.size() + " elements x " + k
                        + " values are more terms a draw than enumeration takes (" + MAX_ENUMERATED_TERMS + ")"
                : null;
        if (cannotEnumerate != null) {
            requireNotForced(latent, forced, cannotEnumerate);
            return forced == Estimator.SCORE_FUNCTION && !guideWritten ? "asked for by --estimator" : cannotEnumerate;
        }
        if (forced == Estimator.SCORE_FUNCTION) {
            return "asked for by --estimator";
        }
        if (forced == null && k > choice.enumerateUpTo()) {
            return k + " values per element, more than the enumeration limit " + choice.enumerateUpTo()
                    + " (--enumerate-up-to)";
        }
        return null;
    }

    /**
     * A discrete latent whose values run without end and that no factor mentions makes the
     * posterior improper (a flat mass over infinitely many values), which no guide can fit: the
     * fit would chase it upwards and report a growing ELBO. Found by building the model once.
     */
    private static void requireProperCounts(Model model) {
        List<LatentSpec> unbounded = model.latents().stream()
                .filter(l -> l.isDiscrete() && l.supportSize() == Long.MAX_VALUE).toList();
        if (unbounded.isEmpty()) {
            return;
        }
        Graph graph = new Graph();
        Map<String, Node> values = inputs(graph, model.latents());
        boolean[] used = graph.ancestorsOf(model.build(graph, values).logJoint(graph));
        List<String> flat = unbounded.stream().map(LatentSpec::name).filter(name -> !used[values.get(name).id]).toList();
        if (!flat.isEmpty()) {
            throw new ImproperPosteriorException("the posterior is improper: " + String.join(", ", flat)
                    + (flat.size() == 1 ? " is a count that appears" : " are counts that appear")
                    + " in no prior and no likelihood term, so every one of infinitely many values is as likely;"
                    + " give " + (flat.size() == 1 ? "it" : "each") + " a prior, or bounds");
        }
    }

    /** Builds the model with these groups enumerated on a scratch graph; the first refusal, or null. */
    private static EnumerationRefused refusal(Model model, List<List<String>> groups) {
        if (groups.isEmpty()) {
            return null;
        }
        try {
            probe(model, groups);
            return null;
        } catch (EnumerationRefused r) {
            return r;
        } catch (RuntimeException shapes) {
            // the values' extra axis did not fit some op: find whose, one at a time
            for (String name : groups.stream().flatMap(List::stream).toList()) {
                try {
                    probe(model, List.of(List.of(name)));
                } catch (EnumerationRefused r) {
                    return r;
                } catch (RuntimeException e) {
                    // the message ends with the statement, whose ';' would run into the plan's next clause
                    String why = e.getMessage().endsWith(";") ? e.getMessage().substring(0, e.getMessage().length() - 1)
                            : e.getMessage();
                    return new EnumerationRefused(name, "its values' extra axis does not fit the model: " + why);
                }
            }
            throw shapes;
        }
    }

    private static void probe(Model model, List<List<String>> groups) {
        Graph graph = new Graph();
        EnumeratedModel marginal = new EnumeratedModel(model, groups);
        marginal.build(graph, inputs(graph, marginal.latents()));
    }

    /** Per-particle inputs standing for the latents' values, to build a model's graph and read its shape. */
    private static Map<String, Node> inputs(Graph graph, List<LatentSpec> latents) {
        Map<String, Node> values = new LinkedHashMap<>();
        latents.forEach(latent -> values.put(latent.name(), graph.input(latent.name(), latent.shape())));
        return values;
    }

    private static void requireNotForced(LatentSpec latent, Estimator forced, String why) {
        if (forced == Estimator.ENUMERATION) {
            throw new IllegalArgumentException("--estimator " + latent.name() + "=enumerate: " + latent.name()
                    + " cannot be enumerated: " + why);
        }
    }

    static String label(Estimator e) {
        return switch (e) {
            case REPARAMETERISED -> "reparam";
            case SCORE_FUNCTION -> "score";
            case ENUMERATION -> "enumerate";
        };
    }
}
