package dev.vmc.cli;

import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a CmdStan (or CmdStanPy) habit is called in vmc: {@code --iter}, {@code iter=2000},
 * {@code output file=x.csv}, {@code variational}... Each is turned into a pointer to vmc's
 * option, never accepted silently, since the meanings differ (vmc's {@code --tol} is in nats,
 * CmdStan's {@code tol_rel_obj} is relative; vmc's {@code --out} is a folder).
 */
final class CmdStanHints {
    private CmdStanHints() {}

    /** A CmdStan name with vmc's option for it (null: there is none) and what to add. */
    private record Hint(String option, String note, String cmdStanName) {
        Hint(String option, String note) {
            this(option, note, null);
        }
    }

    private static final String ADAPT = ": vmc searches Adam's step size itself when the fit has no Pathfinder start,"
            + " and --lr sets it";
    private static final String CHAINS = "; vmc has no chains, and its nearest is Pathfinder's paths";
    private static final String THREADS = "; vmc runs its Pathfinder paths on threads";
    private static final String OUT_NOTE = ", a folder for draws.csv, elbo.csv, guide.json, summary.txt and fit.json";

    private static final Map<String, Hint> HINTS = Map.ofEntries(
            Map.entry("iter", new Hint("--steps", "")),
            Map.entry("iterations", new Hint("--steps", "")),
            Map.entry("max_iter", new Hint("--steps", "")),
            Map.entry("num_iter", new Hint("--steps", "")),
            Map.entry("max_steps", new Hint("--steps", "")),
            Map.entry("output", new Hint("--out", OUT_NOTE, "output file=")),
            Map.entry("output_file", new Hint("--out", OUT_NOTE)),
            Map.entry("output_dir", new Hint("--out", OUT_NOTE)),
            Map.entry("output_csv", new Hint("--out", OUT_NOTE)),
            Map.entry("outdir", new Hint("--out", OUT_NOTE)),
            Map.entry("data_file", new Hint("--data", "")),
            Map.entry("num_samples", new Hint("--draws", "")),
            Map.entry("output_samples", new Hint("--draws", "")),
            Map.entry("num_draws", new Hint("--draws", "")),
            Map.entry("samples", new Hint("--draws", "")),
            Map.entry("eta", new Hint("--lr", ", Adam's step size")),
            Map.entry("learning_rate", new Hint("--lr", ", Adam's step size")),
            Map.entry("grad_samples", new Hint("--particles", ", the draws per gradient step")),
            Map.entry("elbo_samples", new Hint("--psis-draws",
                    ", the draws behind the final ELBO; the convergence checks use 50 fixed draws")),
            Map.entry("tol_rel_obj", new Hint("--tol", ", in nats: absolute, not relative")),
            Map.entry("tol", new Hint("--tol", ", in nats")),
            Map.entry("eval_elbo", new Hint(null, "vmc checks the ELBO every 50 steps; no option sets it")),
            Map.entry("adapt", new Hint("--lr", ADAPT, "adapt engaged=")),
            Map.entry("engaged", new Hint("--lr", ADAPT)),
            Map.entry("adapt_engaged", new Hint("--lr", ADAPT)),
            Map.entry("adapt_iter", new Hint("--lr", ADAPT)),
            Map.entry("seed", new Hint("--seed", "")),
            Map.entry("random", new Hint("--seed", "", "random seed=")),
            Map.entry("random_seed", new Hint("--seed", "")),
            Map.entry("num_paths", new Hint("--paths", ", Pathfinder's paths")),
            Map.entry("num_threads", new Hint("--paths", THREADS)),
            Map.entry("threads", new Hint("--paths", THREADS)),
            Map.entry("chains", new Hint("--paths", CHAINS)),
            Map.entry("num_chains", new Hint("--paths", CHAINS)),
            Map.entry("num_warmup", new Hint("--steps", "; vmc has no warm-up, and --steps bounds the optimisation")),
            Map.entry("refresh", new Hint(null, "vmc prints its progress every 1,000 steps (redrawn in place on a"
                    + " terminal); no option sets it")),
            Map.entry("sig_figs", new Hint(null, "vmc writes every value at full double precision; no option sets it")),
            Map.entry("variational", new Hint(null, "vmc run always fits by variational inference: drop it")),
            Map.entry("method", new Hint(null, "vmc run always fits by variational inference: drop it")),
            Map.entry("sample", new Hint(null, "vmc does not run MCMC: vmc run fits a variational approximation"
                    + " and writes --draws N draws from it")),
            Map.entry("optimize", new Hint(null, "vmc has no optimiser mode: --algorithm pathfinder stops at"
                    + " the Gaussian found along L-BFGS's path")),
            Map.entry("pathfinder", new Hint("--algorithm pathfinder", "")),
            Map.entry("init", new Hint("--init", ", a guide.json written by an earlier run")),
            Map.entry("inits", new Hint("--init", ", a guide.json written by an earlier run")));

    /**
     * The hint for an unknown option ({@code --iter}, {@code -iter}, {@code --num-samples}), or
     * null; {@code has} says which options the command has, so a hint never names one it lacks.
     */
    static String forOption(String option, String value, Predicate<String> has) {
        return hint(option, value, has);
    }

    /** The hint for a bare argument ({@code iter=2000}, {@code variational}, {@code file=x.json}), or null. */
    static String forArgument(String argument, Predicate<String> has) {
        int equals = argument.indexOf('=');
        String key = equals < 0 ? argument : argument.substring(0, equals);
        String value = equals < 0 ? null : argument.substring(equals + 1);
        if (value != null && key.toLowerCase(Locale.ROOT).equals("file")) {
            // CmdStan's "data file=x.json" and "output file=x.csv" both end as file=...
            return value.endsWith(".csv") && !value.contains("data") && has.test("--out")
                    ? "vmc's is --out DIR" + OUT_NOTE + " (CmdStan's output file=)"
                    : has.test("--data") ? "vmc's is --data " + value + " (CmdStan's data file=)" : null;
        }
        if (value != null && key.equalsIgnoreCase("algorithm")) {
            return algorithm(value, "CmdStan's algorithm=" + value, has);
        }
        if (value != null && !value.isEmpty() && has.test("--" + key)
                && !HINTS.containsKey(key.toLowerCase(Locale.ROOT))) {
            return "options start with '--': write --" + key + " " + value;
        }
        if (value == null && key.equalsIgnoreCase("data") && has.test("--data")) {
            return "vmc's is --data FILE (CmdStan's data file=)";
        }
        return hint(key, value, has);
    }

    /** What a value of CmdStan's {@code algorithm} is in vmc: meanfield and fullrank are guides. */
    static String algorithm(String value, String origin, Predicate<String> has) {
        String v = value.toLowerCase(Locale.ROOT);
        if ((v.equals("meanfield") || v.equals("fullrank")) && has.test("--guide")) {
            return "vmc's is --guide " + v + " (" + origin + "); vmc's --algorithm is auto, pathfinder or advi";
        }
        return has.test("--algorithm") ? "vmc's is --algorithm auto, pathfinder or advi (" + origin + ")" : null;
    }

    private static String hint(String name, String value, Predicate<String> has) {
        String key = name.replaceFirst("^-+", "").toLowerCase(Locale.ROOT).replace('-', '_');
        Hint hint = HINTS.get(key);
        if (hint == null) {
            return null;
        }
        String origin = " (CmdStan's " + (hint.cmdStanName() != null ? hint.cmdStanName() : key) + ")";
        if (hint.option() == null) {
            return hint.note() + origin;
        }
        String option = hint.option().split(" ")[0];
        if (!has.test(option)) {
            return null;
        }
        String named = "vmc's is " + hint.option() + (value == null || value.isEmpty() ? "" : " " + value);
        // a note that qualifies the option (", Adam's step size") goes before the origin; one that explains after
        return hint.note().startsWith(",") ? named + hint.note() + origin : named + origin + hint.note();
    }
}
