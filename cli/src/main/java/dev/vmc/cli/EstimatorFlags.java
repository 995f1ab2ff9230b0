package dev.vmc.cli;

import dev.vmc.runtime.guide.Estimator;
import dev.vmc.runtime.infer.EstimatorChoice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --estimator}'s value: one estimator for every latent ({@code score}), or a comma list
 * of per-latent ones ({@code z=score,s=enumerate}), optionally with a bare one for the rest.
 * Whether the names are latents, and whether each latent can take what it is given, is the
 * planner's to say, with the model in hand.
 */
final class EstimatorFlags {
    private static final List<String> NAMES = List.of("auto", "reparam", "score", "enumerate");
    private static final Map<String, String> HINTS = Map.of("reinforce", "did you mean score?", "enum",
            "did you mean enumerate?", "pathwise", "did you mean reparam?", "reparameterised", "did you mean reparam?");

    private EstimatorFlags() {}

    static EstimatorChoice parse(String value, EstimatorChoice current, Options o) {
        Estimator all = null;
        Map<String, Estimator> some = new LinkedHashMap<>();
        for (String item : value.split(",", -1)) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                all = of(o.choice("--estimator", item, NAMES, HINTS));
                continue;
            }
            String name = item.substring(0, eq);
            String estimator = item.substring(eq + 1);
            if (name.isEmpty()) {
                throw Options.usageError("--estimator '" + item + "': a latent's name must come before '='");
            }
            if (!NAMES.contains(estimator)) {
                String hint = HINTS.get(estimator.toLowerCase(java.util.Locale.ROOT));
                throw Options.usageError("--estimator must give each latent one of auto, reparam, score or enumerate,"
                        + " got '" + item + "'" + (hint != null ? "; " + hint : ""));
            }
            Estimator e = of(estimator);
            if (e != null) {
                some.put(name, e);
            }
        }
        return current.withForced(all, some);
    }

    private static Estimator of(String name) {
        return switch (name) {
            case "reparam" -> Estimator.REPARAMETERISED;
            case "score" -> Estimator.SCORE_FUNCTION;
            case "enumerate" -> Estimator.ENUMERATION;
            default -> null;
        };
    }
}
