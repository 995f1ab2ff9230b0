package dev.vmc.cli.report;

import static dev.vmc.cli.report.Html.escape;

import dev.vmc.runtime.output.FitRecord;
import dev.vmc.runtime.output.OutputFolder;
import dev.vmc.runtime.output.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report of one run as a single self-contained HTML page: inline CSS and inline SVG charts,
 * no script, nothing fetched. It shows what the run folder holds and says what is missing.
 */
public final class ReportHtml {
    /** Panels drawn for one vector or matrix variable; its other elements are counted, not drawn. */
    static final int PANELS_PER_VARIABLE = 12;
    /** Panels drawn in all; variables beyond are named, not drawn. */
    static final int PANELS_IN_ALL = 240;
    /** Rows of the summary table; the rest are in summary.txt. */
    static final int SUMMARY_ROWS = 2000;

    private static final Pattern STEP_MESSAGE = Pattern.compile("^step (\\d+): (.*)$", Pattern.DOTALL);
    private static final Set<String> TRUSTED = Set.of("converged", "steps_done", "pathfinder");

    private final RunFolder run;
    private final FitRecord fit;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    private ReportHtml(RunFolder run) {
        this.run = run;
        this.fit = run.fit();
    }

    public static String render(RunFolder run) {
        return new ReportHtml(run).page();
    }

    private String page() {
        String title = "vmc report: " + modelName();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"vmc").append(fit == null ? "" : " " + escape(fit.vmcVersion()))
                .append("\">\n<title>").append(escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<main>\n");
        header(title);
        missingNotice();
        glance();
        start();
        plan();
        trace();
        khat();
        marginals();
        summary();
        files();
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private String modelName() {
        String model = fit != null ? fit.model() : null;
        if (model != null && !model.isBlank()) {
            String name = model.replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1);
            return name.endsWith(".vmodel") ? name.substring(0, name.length() - ".vmodel".length()) : name;
        }
        return run.dir().toAbsolutePath().normalize().getFileName() == null ? run.dir().toString()
                : run.dir().toAbsolutePath().normalize().getFileName().toString();
    }

    // --------------------------------------------------------------------------- the values

    private String meta(String key) {
        return run.guideMeta() == null ? null : run.guideMeta().get(key);
    }

    private static double parse(String text) {
        if (text == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private String status() {
        return fit != null ? fit.status() : meta("status");
    }

    private boolean trusted() {
        return fit != null ? fit.trusted() : status() == null || TRUSTED.contains(status());
    }

    private double elbo() {
        return fit != null ? fit.elbo() : parse(meta("elbo"));
    }

    private double elboSe() {
        return fit != null ? fit.elboSe() : parse(meta("elbo_se"));
    }

    private double khatValue() {
        return fit != null ? fit.khat() : parse(meta("khat"));
    }

    private String guide() {
        return fit != null ? fit.guide() : meta("guide");
    }

    private String algorithm() {
        return fit != null ? fit.algorithm() : meta("algorithm");
    }

    /** summary.txt's first lines, up to the first blank one: the fit report as printed. */
    private List<String> reportLines() {
        List<String> lines = new ArrayList<>();
        if (run.summary() == null) {
            return lines;
        }
        for (String line : run.summary().split("\n", -1)) {
            if (line.isBlank()) {
                break;
            }
            lines.add(line);
        }
        return lines;
    }

    // ----------------------------------------------------------------------------- sections

    private void header(String title) {
        out.append("<header>\n<h1>").append(escape(title)).append("</h1>\n<p class=\"sub\">");
        if (fit != null) {
            out.append(escape(fit.model())).append(fit.data().isEmpty() ? ", no data" : " with " + escape(fit.data()))
                    .append(", seed ").append(fit.seed())
                    .append(" &middot; vmc ").append(escape(fit.vmcVersion())).append(" &middot; ");
        }
        out.append("run folder <code>").append(escape(run.dir().toString())).append("</code></p>\n");
        out.append("<nav>");
        for (String[] link : new String[][] {{"start", "start"}, {"plan", "plan"}, {"trace", "ELBO trace"},
                {"khat", "k-hat"}, {"marginals", "marginals"}, {"summary", "summary"}, {"files", "files"}}) {
            out.append("<a href=\"#").append(link[0]).append("\">").append(link[1]).append("</a>");
        }
        out.append("</nav>\n</header>\n");
    }

    private void missingNotice() {
        List<String> missing = run.missing();
        if (missing.isEmpty()) {
            return;
        }
        out.append("<div class=\"notice\" id=\"missing\"><strong>Not in this run folder: ")
                .append(escape(String.join(", ", missing))).append(".</strong> ");
        List<String> lost = new ArrayList<>();
        for (String file : missing) {
            lost.add(consequence(file));
        }
        out.append(escape(String.join(" ", lost))).append(" See <a href=\"#files\">files</a>.</div>\n");
    }

    /** What the report cannot show without {@code file}. */
    private String consequence(String file) {
        return switch (file) {
            case OutputFolder.FIT -> "Without fit.json (runs before it was written have none) the start, the plan, the"
                    + " fit's messages, the effective sample size and the reason for the status are not shown.";
            case OutputFolder.DRAWS -> "Without draws.csv there are no marginals"
                    + (run.summary() != null ? "; the summary table is summary.txt's." : " and no summary table.");
            case OutputFolder.ELBO -> "Without elbo.csv there is no ELBO trace.";
            case OutputFolder.GUIDE -> fit != null ? "guide.json (the fitted parameters) is not needed for the report."
                    : "Without guide.json the guide, the ELBO, k-hat and the status come only from summary.txt.";
            case OutputFolder.SUMMARY -> "Without summary.txt the point estimates of learnable parameters are not shown.";
            default -> "";
        };
    }

    private void glance() {
        out.append("<section id=\"glance\" class=\"cards\">\n");
        String status = status();
        boolean trusted = trusted();
        String statusText = status == null ? "unknown" : trusted ? status.replace('_', ' ') : "NOT CONVERGED";
        out.append("<div class=\"card status ").append(status == null ? "unknown" : trusted ? "ok" : "bad")
                .append("\" id=\"status\"><h2>status</h2><p class=\"big\">").append(escape(statusText)).append("</p><p>");
        if (fit != null) {
            out.append(trusted ? "" : escape(status.replace('_', ' ')) + ": ").append(escape(fit.reason()));
        } else if (status != null) {
            String notConverged = reportLines().stream().filter(l -> l.startsWith("NOT CONVERGED")).findFirst().orElse("");
            out.append(escape(notConverged.isEmpty() ? status.replace('_', ' ') + " (from guide.json)" : notConverged));
        } else {
            out.append("no fit.json or guide.json to say");
        }
        out.append("</p></div>\n");

        double elbo = elbo();
        out.append("<div class=\"card\" id=\"elbo\"><h2>ELBO</h2><p class=\"big\">").append(escape(Html.fixed(elbo, 4)))
                .append("</p><p>Monte Carlo standard error <span class=\"num\" id=\"elbo-se\">").append(escape(Html.twoDigits(elboSe())))
                .append("</span>");
        if (fit != null) {
            out.append(", from ").append(fit.psisDraws()).append(" draws of the fitted guide");
        }
        out.append(". A lower bound on the log evidence: higher is a better fit of the guide.</p></div>\n");

        double khat = khatValue();
        out.append("<div class=\"card ").append(khatClass(khat)).append("\" id=\"khat-card\"><h2>Pareto k-hat</h2><p class=\"big\">")
                .append(escape(Html.fixed(khat, 2))).append("</p><p>").append(escape(khatWord(khat)));
        if (fit != null && Double.isFinite(fit.ess())) {
            out.append("; effective sample size ").append(Html.fixed(fit.ess(), 0)).append(" of ").append(fit.psisDraws());
        }
        out.append(". <a href=\"#khat\">What it means</a></p></div>\n");

        out.append("<div class=\"card\" id=\"steps\"><h2>fit</h2><p class=\"big\">");
        if (fit != null) {
            out.append(fit.steps()).append(fit.steps() == 1 ? " step" : " steps").append("</p><p>in ")
                    .append(Html.fixed(fit.seconds(), 2)).append(" s; guide ").append(escape(fit.guide())).append(", algorithm ")
                    .append(escape(fit.algorithm())).append("; ").append(fit.gradientEvaluations())
                    .append(" gradient evaluations");
            if (fit.skippedSteps() > 0) {
                out.append("; <strong>").append(fit.skippedSteps()).append(" steps skipped</strong> (not finite)");
            }
        } else {
            String steps = meta("steps");
            out.append(escape(steps == null ? "?" : steps)).append(" steps</p><p>guide ").append(escape(String.valueOf(guide())))
                    .append(", algorithm ").append(escape(String.valueOf(algorithm())));
        }
        out.append("</p></div>\n</section>\n");
    }

    private static String khatClass(double khat) {
        return Double.isNaN(khat) ? "unknown" : khat <= 0.5 ? "ok" : khat <= 0.7 ? "warn" : "bad";
    }

    private String khatWord(double khat) {
        if (fit != null) {
            String meaning = fit.khatMeaning();
            int colon = meaning.indexOf(':');
            return colon > 0 ? meaning.substring(0, colon) : meaning;
        }
        return Double.isNaN(khat) ? "no draws to judge by" : khat <= 0.5 ? "good" : khat <= 0.7 ? "usable" : "do not trust the tails";
    }

    private void start() {
        out.append("<section id=\"start\">\n<h2>How the fit started</h2>\n");
        if (fit == null) {
            out.append("<p class=\"missing\">Not recorded: this run folder has no fit.json.</p>\n</section>\n");
            return;
        }
        if (fit.start().isEmpty()) {
            out.append("<p>No start was reported.</p>\n");
        } else {
            out.append("<ul class=\"lines\">\n");
            for (String line : fit.start()) {
                String cls = line.startsWith("guide: ") ? "chosen" : line.startsWith("warning") ? "warning"
                        : line.startsWith("pathfinder ") ? "path" : "";
                out.append("<li").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"").append(">").append(escape(line))
                        .append("</li>\n");
            }
            out.append("</ul>\n");
        }
        if (fit.start().stream().anyMatch(l -> l.startsWith("pathfinder "))) {
            out.append("<p class=\"note\">Pathfinder's paths each climb the log density with L-BFGS and score a Gaussian at every"
                + " iterate by its ELBO; the best one starts the fit, and its correlations decide the guide's family.</p>\n");
        }
        out.append("</section>\n");
    }

    private void plan() {
        out.append("<section id=\"plan\">\n<h2>The plan</h2>\n");
        if (fit == null) {
            out.append("<p class=\"missing\">Not recorded: this run folder has no fit.json.</p>\n</section>\n");
            return;
        }
        out.append("<p>Guide: <strong>").append(escape(fit.guide())).append("</strong>; algorithm ")
                .append(escape(fit.algorithm())).append(".</p>\n");
        out.append("<table class=\"plan\">\n<thead><tr><th>latent</th><th>support</th><th>guide</th><th>gradient estimator</th>"
                + "<th>why</th></tr></thead>\n<tbody>\n");
        for (FitRecord.PlanRow row : fit.plan()) {
            out.append("<tr><td class=\"name\">").append(escape(row.label())).append("</td><td>").append(escape(row.support()))
                    .append("</td><td>").append(escape(row.guide())).append("</td><td>").append(escape(row.estimator()))
                    .append("</td><td>").append(escape(row.reason())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void trace() {
        out.append("<section id=\"trace\">\n<h2>ELBO trace</h2>\n");
        RunFolder.Trace trace = run.trace();
        if (trace == null) {
            out.append("<p class=\"missing\">No elbo.csv in this run folder.</p>\n");
        } else if (trace.steps().length == 0) {
            out.append("<p>No optimisation steps were taken (Pathfinder's start alone, or <code>--steps 0</code>), so there is"
                    + " no trace.</p>\n");
        } else {
            List<Charts.Event> events = events();
            out.append("<figure>\n").append(Charts.trace(trace.steps(), trace.elbo(), elbo(), events));
            int n = trace.steps().length;
            long skipped = java.util.Arrays.stream(trace.elbo()).filter(Double::isNaN).count();
            int clipped = Charts.traceClipped(trace.elbo(), elbo());
            int bin = Charts.binSize(n);
            out.append("<figcaption>");
            out.append(bin == 1 ? "Light: the ELBO estimate of each of the " + n + " steps, from that step's own draws (noisy by"
                    + " nature)." : "Light: the range of the ELBO estimates of " + n + " steps, each from that step's own draws,"
                    + " in bins of " + bin + " steps.");
            out.append(" Dark: their mean over ").append(Charts.window(n)).append(" steps.");
            out.append(" <span class=\"final-key\">Dashed green</span>: the final ELBO, ").append(escape(Html.fixed(elbo(), 4)))
                    .append(" (se ").append(escape(Html.twoDigits(elboSe()))).append("), from fresh draws of the fitted guide.");
            if (!events.isEmpty()) {
                out.append(" Dashed grey: what the fit did at that step (plateaus halve the step size; a divergence goes back"
                        + " to the best point).");
            }
            out.append(" <span id=\"skipped-count\">").append(skipped == 0 ? "No step was skipped."
                    : "<span class=\"skipped-key\">Red marks</span>: " + skipped + (skipped == 1 ? " step" : " steps")
                            + " skipped because the ELBO or its gradient was not finite.").append("</span>");
            if (clipped > 0) {
                out.append(" ").append(clipped).append(clipped == 1 ? " step lies" : " steps lie")
                        .append(" below the plotted range (the lowest 1% of the estimates, often the first steps) and sit on its edge.");
            }
            out.append("</figcaption>\n</figure>\n");
        }
        if (fit != null && !fit.messages().isEmpty()) {
            out.append("<h3>What the fit said</h3>\n<ul class=\"lines\">\n");
            for (String line : fit.messages()) {
                out.append("<li>").append(escape(line)).append("</li>\n");
            }
            out.append("</ul>\n");
        } else if (fit == null && !reportLines().isEmpty()) {
            out.append("<h3>The fit report (from summary.txt)</h3>\n<pre class=\"lines\">");
            reportLines().forEach(l -> out.append(escape(l)).append('\n'));
            out.append("</pre>\n");
        }
        out.append("</section>\n");
    }

    private List<Charts.Event> events() {
        List<Charts.Event> events = new ArrayList<>();
        if (fit == null) {
            return events;
        }
        for (String line : fit.messages()) {
            Matcher m = STEP_MESSAGE.matcher(line);
            if (m.matches()) {
                String rest = m.group(2);
                String label = rest.startsWith("plateau") ? "plateau"
                        : rest.contains("back to the best") ? "divergence" : rest.split("[ (:;,]", 2)[0];
                try {
                    events.add(new Charts.Event(Long.parseLong(m.group(1)), label, line));
                } catch (NumberFormatException e) {
                    // not a step number after all
                }
            }
        }
        return events;
    }

    private void khat() {
        out.append("<section id=\"khat\">\n<h2>Pareto k-hat: how far to trust the draws</h2>\n");
        double khat = khatValue();
        double threshold = fit != null ? fit.khatThreshold() : 0.7;
        out.append("<figure>").append(Charts.khat(khat, threshold)).append("</figure>\n");
        out.append("<p class=\"verdict ").append(khatClass(khat)).append("\">k-hat <strong>").append(escape(Html.fixed(khat, 2)))
                .append("</strong>: ");
        if (fit != null) {
            out.append(escape(fit.khatMeaning())).append(".</p>\n");
            out.append("<p>Effective sample size of the smoothed weights: ").append(escape(Html.fixed(fit.ess(), 0))).append(" of ")
                    .append(fit.psisDraws()).append(" draws. The draws in draws.csv are ")
                    .append(fit.resampled() ? "resampled by their Pareto-smoothed importance weights." : "the guide's own.")
                    .append("</p>\n");
        } else {
            String line = reportLines().stream().filter(l -> l.startsWith("Pareto k-hat ")).findFirst().orElse(null);
            if (line != null) { // as summary.txt has it: "Pareto k-hat 0.40 (effective sample size ...): meaning"
                int colon = line.indexOf("): ");
                out.append(escape(colon < 0 ? line : line.substring(colon + 3))).append(". From summary.txt: ")
                        .append(escape(line.substring(0, colon < 0 ? line.length() : colon + 1))).append(".</p>\n");
            } else {
                out.append(escape(khatWord(khat))).append(".</p>\n");
            }
        }
        out.append("<p class=\"note\">k-hat estimates how heavy the tail of the importance ratios p/q is, over draws from"
                + " the fitted guide q (Vehtari, Simpson, Gelman, Yao and Gabry). Up to 0.5, importance sampling from the"
                + " guide is reliable; up to the threshold (").append(escape(Html.fixed(threshold, 2)))
                .append(" here) it is usable, with more Monte Carlo error; above it the guide's tails are lighter than the"
                        + " posterior's, so its sds and tail quantiles are likely too small.</p>\n</section>\n");
    }

    private void marginals() {
        out.append("<section id=\"marginals\">\n<h2>Marginals</h2>\n");
        RunFolder.Draws draws = run.draws();
        if (draws == null) {
            out.append("<p class=\"missing\">No draws.csv in this run folder.</p>\n</section>\n");
            return;
        }
        if (draws.values().length == 0 || draws.columns().isEmpty()) {
            out.append("<p>").append(draws.columns().isEmpty() ? "The model has no latents: nothing to draw."
                    : "draws.csv holds no draws.").append("</p>\n</section>\n");
            return;
        }
        out.append("<p class=\"note\">Histograms of the ").append(draws.values().length).append(" draws in draws.csv")
                .append(fit != null && fit.resampled() ? " (resampled by their importance weights, so some repeat)" : "")
                .append(", on each variable's own scale. Shaded: the 5% to 95% interval; orange line: the mean.")
                .append(" A long tail is cut at the 0.5% or 99.5% quantile; the draws beyond are counted under the panel.</p>\n");
        Map<String, List<Integer>> variables = new LinkedHashMap<>();
        for (int c = 0; c < draws.columns().size(); c++) {
            variables.computeIfAbsent(RunFolder.variableOf(draws.columns().get(c)), k -> new ArrayList<>()).add(c);
        }
        Map<String, FitRecord.PlanRow> plan = new LinkedHashMap<>();
        if (fit != null) {
            fit.plan().forEach(row -> plan.put(row.latent(), row));
        }
        int budget = PANELS_IN_ALL;
        List<String> leftOut = new ArrayList<>();
        double[] column = new double[draws.values().length];
        boolean scalarsOpen = false; // consecutive scalars share one grid
        for (Map.Entry<String, List<Integer>> variable : variables.entrySet()) {
            String name = variable.getKey();
            List<Integer> cols = variable.getValue();
            if (budget == 0) {
                leftOut.add(name);
                continue;
            }
            FitRecord.PlanRow row = plan.get(name);
            String kind = fit == null ? "" : row != null ? "latent" : "derived";
            String badge = kind.isEmpty() ? "" : " <span class=\"kind " + kind + "\">" + kind + "</span>";
            String detail = row == null ? "" : row.support() + "; guide: " + row.guide();
            boolean scalar = cols.size() == 1 && draws.columns().get(cols.get(0)).equals(name);
            if (scalar) {
                if (!scalarsOpen) {
                    out.append("<div class=\"variable scalars\">\n<div class=\"panels\">\n");
                    scalarsOpen = true;
                }
                fill(column, draws, cols.get(0));
                panel(name, column, badge, detail);
                budget--;
                continue;
            }
            if (scalarsOpen) {
                out.append("</div>\n</div>\n");
                scalarsOpen = false;
            }
            out.append("<div class=\"variable\" data-variable=\"").append(escape(name)).append("\">\n<h3><span class=\"name\">")
                    .append(escape(row != null ? row.label() : name + shapeOf(name, draws.columns(), cols))).append("</span>")
                    .append(badge);
            if (!detail.isEmpty()) {
                out.append(" <span class=\"detail\">").append(escape(detail)).append("</span>");
            }
            out.append("</h3>\n<div class=\"panels\">\n");
            int shown = Math.min(cols.size(), Math.min(PANELS_PER_VARIABLE, budget));
            for (int k = 0; k < shown; k++) {
                fill(column, draws, cols.get(k));
                panel(draws.columns().get(cols.get(k)), column, "", "");
            }
            budget -= shown;
            out.append("</div>\n");
            if (shown < cols.size()) {
                int rest = cols.size() - shown;
                out.append("<p class=\"left-out\">").append(escape(name)).append(" has ").append(cols.size())
                        .append(" elements: the first ").append(shown).append(" are drawn, ").append(rest)
                        .append(rest == 1 ? " is" : " are").append(" left out (all are in the <a href=\"#summary\">summary"
                        + " table</a>).</p>\n");
            }
            out.append("</div>\n");
        }
        if (scalarsOpen) {
            out.append("</div>\n</div>\n");
        }
        if (!leftOut.isEmpty()) {
            out.append("<p class=\"left-out\">").append(leftOut.size()).append(leftOut.size() == 1 ? " more variable is" : " more variables are")
                    .append(" left out, beyond ").append(PANELS_IN_ALL).append(" panels: ").append(escape(String.join(", ", leftOut)))
                    .append(" (all are in the <a href=\"#summary\">summary table</a>).</p>\n");
        }
        out.append("</section>\n");
    }

    /** {@code [8]} or {@code [3,2]} from the columns' indices; empty for a scalar. */
    private static String shapeOf(String name, List<String> columns, List<Integer> cols) {
        int[] extent = null;
        for (int c : cols) {
            String column = columns.get(c);
            if (column.equals(name)) {
                return "";
            }
            String[] parts = column.substring(name.length() + 1).split("\\.");
            if (extent == null) {
                extent = new int[parts.length];
            }
            if (parts.length != extent.length) {
                return "";
            }
            for (int d = 0; d < parts.length; d++) {
                try {
                    extent[d] = Math.max(extent[d], Integer.parseInt(parts[d]));
                } catch (NumberFormatException e) {
                    return "";
                }
            }
        }
        if (extent == null) {
            return "";
        }
        StringBuilder text = new StringBuilder("[");
        for (int d = 0; d < extent.length; d++) {
            text.append(d == 0 ? "" : ",").append(extent[d]);
        }
        return text.append(']').toString();
    }

    private static void fill(double[] column, RunFolder.Draws draws, int c) {
        for (int d = 0; d < column.length; d++) {
            column[d] = draws.values()[d][c];
        }
    }

    /** One histogram with its name, mean and sd; {@code badge} is HTML, {@code detail} text shown on hover. */
    private void panel(String column, double[] values, String badge, String detail) {
        Charts.Histogram h = Charts.histogram(column, values);
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double squares = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double sd = n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
        out.append("<figure class=\"panel\" data-column=\"").append(escape(column)).append("\"")
                .append(detail.isEmpty() ? "" : " title=\"" + escape(detail) + "\"").append("><figcaption><span class=\"name\">")
                .append(escape(column)).append("</span>").append(badge).append(" <span class=\"stats\">mean ").append(escape(Html.num(mean)))
                .append(", sd ").append(escape(Html.num(sd))).append("</span></figcaption>").append(h.svg());
        if (h.outside() > 0 || h.nonFinite() > 0) {
            out.append("<p class=\"panel-note\">");
            if (h.outside() > 0) {
                out.append(h.outside()).append(h.outside() == 1 ? " draw" : " draws").append(" beyond the plotted range");
            }
            if (h.nonFinite() > 0) {
                out.append(h.outside() > 0 ? "; " : "").append(h.nonFinite()).append(" not finite");
            }
            out.append("</p>");
        }
        out.append("</figure>\n");
    }

    private void summary() {
        out.append("<section id=\"summary\">\n<h2>Summary</h2>\n");
        RunFolder.Draws draws = run.draws();
        if (draws != null && draws.values().length > 0 && !draws.columns().isEmpty()) {
            List<Summary.Row> rows = Summary.of(draws.columns(), draws.values()).rows();
            out.append("<table class=\"summary\">\n<thead><tr><th></th><th>mean</th><th>sd</th><th>5%</th><th>50%</th>"
                    + "<th>95%</th></tr></thead>\n<tbody>\n");
            for (Summary.Row r : rows.subList(0, Math.min(rows.size(), SUMMARY_ROWS))) {
                out.append("<tr><td class=\"name\">").append(escape(r.name())).append("</td>");
                for (double v : new double[] {r.mean(), r.sd(), r.q5(), r.q50(), r.q95()}) {
                    out.append("<td>").append(escape(Html.num(v))).append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n");
            if (rows.size() > SUMMARY_ROWS) {
                out.append("<p class=\"left-out\">").append(rows.size() - SUMMARY_ROWS)
                        .append(" more rows are in summary.txt.</p>\n");
            }
            out.append("<p class=\"note\">From the ").append(draws.values().length)
                    .append(" draws in draws.csv, as summary.txt has it.</p>\n");
        } else if (run.summary() != null) {
            String text = run.summary();
            int table = text.indexOf("\n\n");
            String body = table < 0 ? text : text.substring(table + 2);
            int points = body.indexOf("\nfitted parameters");
            out.append("<pre class=\"summary\">").append(escape(points < 0 ? body : body.substring(0, points))).append("</pre>\n");
        } else {
            out.append("<p class=\"missing\">No draws.csv and no summary.txt in this run folder.</p>\n");
        }
        if (run.summary() != null) {
            int points = run.summary().indexOf("fitted parameters (point estimates):");
            if (points >= 0) {
                out.append("<h3>Learnable parameters (point estimates)</h3>\n<pre>")
                        .append(escape(run.summary().substring(points + "fitted parameters (point estimates):".length()).strip()))
                        .append("</pre>\n");
            }
            out.append("<details><summary>summary.txt as written</summary>\n<pre>").append(escape(run.summary()))
                    .append("</pre>\n</details>\n");
        }
        out.append("</section>\n");
    }

    private void files() {
        out.append("<section id=\"files\">\n<h2>Files</h2>\n<table class=\"files\">\n<tbody>\n");
        for (String file : RunFolder.RUN_FILES) {
            boolean here = !run.missing().contains(file);
            out.append("<tr class=\"").append(here ? "here" : "absent").append("\"><td class=\"name\">").append(escape(file))
                    .append("</td><td>").append(here ? "read" : "missing").append("</td><td>")
                    .append(escape(here ? describe(file) : consequence(file))).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n<p class=\"note\">This page was written by <code>vmc report</code> from these files"
                + " and needs nothing else: no script, no network.</p>\n</section>\n");
    }

    private static String describe(String file) {
        return switch (file) {
            case OutputFolder.FIT -> "the start, the plan, the fit's messages and its verdict";
            case OutputFolder.DRAWS -> "posterior draws: the marginals and the summary table";
            case OutputFolder.ELBO -> "the ELBO of every step: the trace";
            case OutputFolder.GUIDE -> "the fitted guide's parameters and its meta";
            case OutputFolder.SUMMARY -> "the fit report and summary as printed; the point estimates";
            default -> "";
        };
    }

    private static final String CSS = String.join("\n",
            ":root { --ink: #1d2733; --muted: #5b6673; --line: #d9dee4; --ok: #2e7d32; --warn: #b26a00; --bad: #c62828; }",
            "* { box-sizing: border-box; }",
            "body { margin: 0; font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', sans-serif; color: var(--ink);"
                    + " background: #f6f7f9; }",
            "main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }",
            "h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 0 0 10px; }",
            "h3 { font-size: 15px; margin: 18px 0 6px; } .sub { color: var(--muted); margin: 0 0 10px; }",
            "nav a { margin-right: 14px; color: #1f4e79; } section { margin-top: 30px; }",
            "code, pre, .num, td, .name { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 13px; }",
            "pre { white-space: pre-wrap; background: #f3f5f7; padding: 10px 12px; overflow-x: auto; border-radius: 4px; }",
            ".notice { margin-top: 16px; padding: 10px 14px; background: #fff6e0; border-left: 4px solid var(--warn); }",
            ".cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); gap: 12px; }",
            ".card { border: 1px solid var(--line); border-top: 4px solid var(--line); border-radius: 4px; padding: 10px 14px; }",
            ".card h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 0; }",
            ".card p { margin: 2px 0; font-size: 13px; } .card .big { font-size: 24px; font-weight: 600; }",
            ".card.ok { border-top-color: var(--ok); } .card.ok .big { color: var(--ok); }",
            ".card.warn { border-top-color: var(--warn); } .card.warn .big { color: var(--warn); }",
            ".card.bad { border-top-color: var(--bad); } .card.bad .big { color: var(--bad); }",
            "ul.lines { padding-left: 20px; } ul.lines li { font-family: 'DejaVu Sans Mono', Menlo, monospace; font-size: 13px; }",
            "li.chosen { font-weight: 700; } li.warning { color: var(--bad); }",
            "table { border-collapse: collapse; } th, td { padding: 3px 10px; border-bottom: 1px solid var(--line); text-align: left; }",
            "th { font-size: 13px; color: var(--muted); font-weight: 600; }",
            "table.summary td:not(.name) { text-align: right; } table.summary th:not(:first-child) { text-align: right; }",
            "table.plan td { font-family: inherit; font-size: 14px; } table.plan td.name { font-family: 'DejaVu Sans Mono', monospace; }",
            "figure { margin: 0; } figcaption { font-size: 13px; color: var(--muted); margin-top: 4px; }",
            "svg.chart { max-width: 100%; height: auto; display: block; }",
            "svg .frame { fill: none; stroke: #c4cad1; } svg .grid { stroke: #edf0f3; } svg .axis { stroke: #8a939d; }",
            "svg .event line { stroke: #7a838c; stroke-dasharray: 4 3; } svg text { font: 11px system-ui, 'DejaVu Sans', sans-serif;"
                    + " fill: #4a545e; }",
            "svg .axis-title { font-size: 12px; fill: #333; } svg .zone { font-size: 11px; fill: #333; } svg .strong { font-weight: 700;"
                    + " fill: #111; font-size: 12px; }",
            ".final-key { color: var(--ok); } .skipped-key { color: var(--bad); }",
            ".panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 8px 14px; }",
            ".panel figcaption { margin: 0 0 2px; color: var(--ink); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }",
            ".panel .stats { display: block; color: var(--muted); font-size: 12px; }",
            ".panel-note, .left-out, .note { font-size: 13px; color: var(--muted); } .panel-note { margin: 0; }",
            ".kind { font-size: 12px; padding: 1px 6px; border-radius: 8px; background: #e8eef5; color: #1f4e79; font-weight: 500; }",
            ".kind.derived { background: #eef3e8; color: #3d6b1f; } .detail { font-weight: 400; color: var(--muted); font-size: 13px; }",
            ".verdict.ok strong { color: var(--ok); } .verdict.warn strong { color: var(--warn); } .verdict.bad strong { color: var(--bad); }",
            ".missing { color: var(--warn); } tr.absent td { color: var(--warn); }",
            "details summary { cursor: pointer; color: #1f4e79; margin-top: 10px; }",
            "");
}
