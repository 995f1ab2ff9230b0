package dev.vmc.runtime.infer;

import dev.vmc.runtime.guide.Estimator;
import java.util.Map;

/**
 * What the user asks of the planner ({@code --estimator}, {@code --enumerate-up-to},
 * {@code --baseline}): an estimator forced for every latent or some, how large a support may
 * be enumerated automatically, and the score function's variance reduction.
 *
 * @param all             forced for every latent it applies to; null for automatic
 * @param perLatent       forced per latent, by name, over {@code all}
 * @param enumerateUpTo   the automatic choice enumerates a latent with at most this many values per element
 * @param baseline        the score function's baseline
 * @param raoBlackwellise whether each score multiplies only its site's downstream terms (off only to compare)
 */
public record EstimatorChoice(Estimator all, Map<String, Estimator> perLatent, int enumerateUpTo, Baseline baseline,
        boolean raoBlackwellise) {

    /**
     * 256 values per element: the mixture costs N x K per step and a change point over a
     * century of years 112 x 112; supports past a few hundred values are where a score
     * function's noise is cheaper than the sum.
     */
    public static final int DEFAULT_ENUMERATE_UP_TO = 256;

    public enum Baseline {
        /** Leave-one-out when there are several particles, the decaying average otherwise. */
        AUTO("auto"),
        NONE("none"),
        AVERAGE("average"),
        LEAVE_ONE_OUT("leave-one-out");

        public final String label;

        Baseline(String label) {
            this.label = label;
        }

        public static Baseline of(String label) {
            for (Baseline b : values()) {
                if (b.label.equals(label)) {
                    return b;
                }
            }
            throw new IllegalArgumentException("unknown baseline '" + label + "'; use auto, none, average or leave-one-out");
        }
    }

    public EstimatorChoice {
        perLatent = Map.copyOf(perLatent);
        if (enumerateUpTo < 1) {
            throw new IllegalArgumentException("the enumeration limit must be at least 1, got " + enumerateUpTo);
        }
    }

    public static EstimatorChoice automatic() {
        return new EstimatorChoice(null, Map.of(), DEFAULT_ENUMERATE_UP_TO, Baseline.AUTO, true);
    }

    /** The estimator forced for a latent, or null for the automatic choice. */
    public Estimator forced(String latent) {
        return perLatent.getOrDefault(latent, all);
    }

    public EstimatorChoice withBaseline(Baseline b) {
        return new EstimatorChoice(all, perLatent, enumerateUpTo, b, raoBlackwellise);
    }

    public EstimatorChoice withRaoBlackwellise(boolean on) {
        return new EstimatorChoice(all, perLatent, enumerateUpTo, baseline, on);
    }

    public EstimatorChoice withForced(Estimator forAll, Map<String, Estimator> forSome) {
        return new EstimatorChoice(forAll, forSome, enumerateUpTo, baseline, raoBlackwellise);
    }

    public EstimatorChoice withEnumerateUpTo(int limit) {
        return new EstimatorChoice(all, perLatent, limit, baseline, raoBlackwellise);
    }
}
