package dev.vmc.compiler.ast;

import java.util.List;
import java.util.Optional;

/**
 * Stan's functions of a distribution, named by the distribution and a suffix:
 * {@code normal_lpdf(y | mu, sigma)} and the other log densities, and the cumulative
 * {@code normal_lcdf}, {@code normal_lccdf} and {@code normal_cdf}. The parser builds each as
 * an {@link Expr.Call} whose first argument is the variate (the one before the bar); this
 * reads the name back into its distribution and what is asked of it.
 */
public final class DensityCalls {
    private DensityCalls() {}

    public enum Kind {
        /** The log density or mass, summed over the elements: _lpdf, _lpmf and their unnormalised _lupdf, _lupmf. */
        LOG_DENSITY,
        /** log P(Y <= y), summed: _lcdf (and the old _cdf_log). */
        LOG_CDF,
        /** log P(Y > y), summed: _lccdf (and the old _ccdf_log). */
        LOG_CCDF,
        /** P(Y <= y), multiplied over the elements: _cdf. */
        CDF
    }

    /**
     * @param suffix as written, e.g. "lpdf"; Stan's two log density spellings differ in whether
     *               the variate is discrete ("lpmf", "lupmf") or not
     */
    public record Name(String distribution, String suffix, Kind kind) {
        public boolean isMass() {
            return suffix.equals("lpmf") || suffix.equals("lupmf");
        }
    }

    /** Longer suffixes first, so that "_ccdf_log" is not read as "_cdf_log" of a name ending in "c". */
    private static final List<String> SUFFIXES = List.of("ccdf_log", "cdf_log", "lupdf", "lupmf", "lpdf", "lpmf",
            "lccdf", "lcdf", "cdf");

    public static Optional<Name> parse(String function) {
        for (String suffix : SUFFIXES) {
            String tail = "_" + suffix;
            if (function.endsWith(tail) && function.length() > tail.length()) {
                return Optional.of(new Name(function.substring(0, function.length() - tail.length()), suffix, kindOf(suffix)));
            }
        }
        return Optional.empty();
    }

    /** Whether a call is one of these: its name has a suffix, and no built-in function has the name. */
    public static boolean isDensityCall(String function) {
        return parse(function).isPresent() && !Builtins.exists(function);
    }

    /** Whether Stan requires the bar after the variate: the log densities; the cumulative functions took commas before Stan 2.33, and vmc still reads those. */
    public static boolean needsBar(String function) {
        return isDensityCall(function) && parse(function).get().kind() == Kind.LOG_DENSITY;
    }

    private static Kind kindOf(String suffix) {
        return switch (suffix) {
            case "lcdf", "cdf_log" -> Kind.LOG_CDF;
            case "lccdf", "ccdf_log" -> Kind.LOG_CCDF;
            case "cdf" -> Kind.CDF;
            default -> Kind.LOG_DENSITY;
        };
    }
}
