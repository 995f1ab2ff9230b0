package dev.vmc.runtime.output;

import dev.vmc.runtime.data.DataException;
import dev.vmc.runtime.data.Json;
import dev.vmc.runtime.data.JsonTree;
import dev.vmc.runtime.data.NonFinite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads {@code fit.json}, a run's {@link FitRecord}:
 * <pre>
 * {"format": 1, "vmc": "0.1.0", "model": "...", "data": "... (\"\" for none)", "seed": "20261121",
 *  "guide": "fullrank", "algorithm": "auto", "status": "converged", "trusted": true, "reason": "...",
 *  "steps": 2650, "skipped_steps": 0, "seconds": 0.38, "learning_rate": 0.05, "final_learning_rate": 0.025,
 *  "elbo": -32.25, "elbo_se": 0.011, "khat": 0.40, "khat_threshold": 0.7, "khat_meaning": "...",
 *  "ess": 1835.2, "psis_draws": 4000, "resampled": true, "gradient_evaluations": 2735, "density_evaluations": 7975,
 *  "plan": [{"latent": "mu", "shape": [], "support": "the real line", "guide": "full-rank normal",
 *            "estimator": "pathwise (reparameterised)", "reason": "..."}, ...],
 *  "start": ["pathfinder path 1: ...", "guide: fullrank, because ...", ...],
 *  "messages": ["step 1350: plateau ...", "converged after 2650 steps: ..."]}
 * </pre>
 * Numbers are written with Double.toString, so they read back bit for bit; NaN and the
 * infinities as Stan spells them ("NaN", "Inf", "-Inf"), as in guide.json. Readers ignore
 * members they do not know, so later versions may add some.
 */
public final class FitJson {
    public static final int FORMAT = 1;

    private FitJson() {}

    public static void write(Path file, FitRecord fit) throws IOException {
        AtomicFiles.write(file, format(fit));
    }

    /** The file's text. */
    public static String format(FitRecord fit) {
        StringBuilder out = new StringBuilder("{\n");
        member(out, "format", Integer.toString(FORMAT));
        member(out, "vmc", quote(fit.vmcVersion()));
        member(out, "model", quote(fit.model()));
        member(out, "data", quote(fit.data()));
        member(out, "seed", quote(Long.toString(fit.seed()))); // a string: JSON readers may hold numbers as doubles
        member(out, "guide", quote(fit.guide()));
        member(out, "algorithm", quote(fit.algorithm()));
        member(out, "status", quote(fit.status()));
        member(out, "trusted", Boolean.toString(fit.trusted()));
        member(out, "reason", quote(fit.reason()));
        member(out, "steps", Long.toString(fit.steps()));
        member(out, "skipped_steps", Long.toString(fit.skippedSteps()));
        member(out, "seconds", number(fit.seconds()));
        member(out, "learning_rate", number(fit.learningRate()));
        member(out, "final_learning_rate", number(fit.finalLearningRate()));
        member(out, "elbo", number(fit.elbo()));
        member(out, "elbo_se", number(fit.elboSe()));
        member(out, "khat", number(fit.khat()));
        member(out, "khat_threshold", number(fit.khatThreshold()));
        member(out, "khat_meaning", quote(fit.khatMeaning()));
        member(out, "ess", number(fit.ess()));
        member(out, "psis_draws", Integer.toString(fit.psisDraws()));
        member(out, "resampled", Boolean.toString(fit.resampled()));
        member(out, "gradient_evaluations", Long.toString(fit.gradientEvaluations()));
        member(out, "density_evaluations", Long.toString(fit.densityEvaluations()));
        List<String> rows = new ArrayList<>();
        for (FitRecord.PlanRow row : fit.plan()) {
            StringBuilder shape = new StringBuilder("[");
            for (int d = 0; d < row.shape().length; d++) {
                shape.append(d == 0 ? "" : ", ").append(row.shape()[d]);
            }
            rows.add("{\"latent\": " + quote(row.latent()) + ", \"shape\": " + shape.append(']') + ", \"support\": "
                    + quote(row.support()) + ", \"guide\": " + quote(row.guide()) + ", \"estimator\": "
                    + quote(row.estimator()) + ", \"reason\": " + quote(row.reason()) + "}");
        }
        member(out, "plan", array(rows));
        member(out, "start", array(fit.start().stream().map(GuideJson::quote).toList()));
        out.append("  \"messages\": ").append(array(fit.messages().stream().map(GuideJson::quote).toList())).append("\n}\n");
        return out.toString();
    }

    private static void member(StringBuilder out, String name, String value) {
        out.append("  ").append(quote(name)).append(": ").append(value).append(",\n");
    }

    private static String array(List<String> elements) {
        return elements.isEmpty() ? "[]" : "[\n    " + String.join(",\n    ", elements) + "\n  ]";
    }

    private static String quote(String s) {
        return GuideJson.quote(s == null ? "" : s);
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : quote(NonFinite.format(v));
    }

    /**
     * @throws IOException if the file cannot be read
     * @throws DataException if it is not JSON, or not a fit.json as {@link #write} writes it
     */
    public static FitRecord read(Path file) throws IOException {
        Json root = JsonTree.read(file);
        return record(root, file.toString());
    }

    /** @param source the file's name, for error messages */
    public static FitRecord parse(String text, String source) {
        return record(JsonTree.parse(text, source), source);
    }

    private static FitRecord record(Json root, String source) {
        if (!(root instanceof Json.Obj top)) {
            throw new DataException(source + ": the top level should be an object, not " + Json.describe(root));
        }
        Reader in = new Reader(top.members(), source);
        double format = in.number("format");
        if (format > FORMAT) {
            throw new DataException(source + ": written in format " + (long) format + " by a newer vmc; this one reads"
                    + " format " + FORMAT);
        }
        List<FitRecord.PlanRow> plan = new ArrayList<>();
        for (Json element : in.array("plan")) {
            if (!(element instanceof Json.Obj obj)) {
                throw new DataException(source + ": each \"plan\" row should be an object, not " + Json.describe(element));
            }
            Reader row = new Reader(obj.members(), source + ": a \"plan\" row");
            List<Json> shapeJson = row.array("shape");
            int[] shape = new int[shapeJson.size()];
            for (int d = 0; d < shape.length; d++) {
                if (!(shapeJson.get(d) instanceof Json.Num n) || !n.integer() || n.value() < 0
                        || n.value() > Integer.MAX_VALUE) {
                    throw new DataException(source + ": a \"plan\" row's \"shape\" must hold non-negative integers");
                }
                shape[d] = (int) n.value();
            }
            plan.add(new FitRecord.PlanRow(row.string("latent"), shape, row.string("support"), row.string("guide"),
                    row.string("estimator"), row.string("reason")));
        }
        return new FitRecord(in.string("vmc"), in.string("model"), in.string("data"), in.seed(),
                in.string("guide"), in.string("algorithm"), in.string("status"), in.bool("trusted"), in.string("reason"),
                in.whole("steps"), in.whole("skipped_steps"), in.number("seconds"), in.number("learning_rate"),
                in.number("final_learning_rate"), in.number("elbo"), in.number("elbo_se"), in.number("khat"),
                in.number("khat_threshold"), in.string("khat_meaning"), in.number("ess"),
                Math.toIntExact(in.whole("psis_draws")), in.bool("resampled"), in.whole("gradient_evaluations"),
                in.whole("density_evaluations"), plan, in.strings("start"), in.strings("messages"));
    }

    /** Typed members of one object, each required, each failure naming the file and the member. */
    private record Reader(Map<String, Json> members, String where) {
        private Json get(String name) {
            Json value = members.get(name);
            if (value == null) {
                throw new DataException(where + ": no \"" + name + "\"; is this a fit.json written by vmc?");
            }
            return value;
        }

        private DataException wrong(String name, String expected, Json found) {
            return new DataException(where + ": \"" + name + "\" should be " + expected + ", not " + Json.describe(found));
        }

        String string(String name) {
            Json value = get(name);
            if (value instanceof Json.Str s) {
                return s.value();
            }
            throw wrong(name, "a string", value);
        }

        double number(String name) {
            Json value = get(name);
            if (value instanceof Json.Num n) {
                return n.value();
            }
            if (value instanceof Json.Str s && NonFinite.parse(s.value()).isPresent()) {
                return NonFinite.parse(s.value()).getAsDouble();
            }
            throw wrong(name, "a number", value);
        }

        long whole(String name) {
            Json value = get(name);
            if (value instanceof Json.Num n && n.integer() && Math.abs(n.value()) <= 0x1p53) {
                return (long) n.value();
            }
            throw wrong(name, "a whole number", value);
        }

        long seed() {
            String text = string("seed");
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new DataException(where + ": \"seed\" should be a whole number, not \"" + text + "\"");
            }
        }

        boolean bool(String name) {
            Json value = get(name);
            if (value instanceof Json.Bool b) {
                return b.value();
            }
            throw wrong(name, "true or false", value);
        }

        List<Json> array(String name) {
            Json value = get(name);
            if (value instanceof Json.Arr a) {
                return a.elements();
            }
            throw wrong(name, "an array", value);
        }

        List<String> strings(String name) {
            List<String> out = new ArrayList<>();
            for (Json element : array(name)) {
                if (!(element instanceof Json.Str s)) {
                    throw wrong(name, "an array of strings", element);
                }
                out.add(s.value());
            }
            return out;
        }
    }
}
