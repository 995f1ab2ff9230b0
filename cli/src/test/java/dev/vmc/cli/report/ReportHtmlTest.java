package dev.vmc.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.output.FitRecord;
import dev.vmc.runtime.output.Significant;
import dev.vmc.runtime.output.Summary;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** The page's structure, its numbers and its escaping, from run folders made up in memory. */
class ReportHtmlTest {
    private static final String NASTY = "<b class=\"x\">&'it'";

    /** A run of a made-up model: a scalar mu, a positive tau, a 30-element vector z, a derived w. */
    static RunFolder run(boolean withFit, String modelPath) {
        List<String> columns = new ArrayList<>(List.of("mu", "tau"));
        for (int i = 1; i <= 30; i++) {
            columns.add("z." + i);
        }
        columns.add("w.1");
        columns.add("w.2");
        SplittableRandom random = new SplittableRandom(3);
        double[][] values = new double[400][columns.size()];
        for (double[] row : values) {
            for (int c = 0; c < row.length; c++) {
                double g = random.nextGaussian();
                row[c] = c == 1 ? Math.exp(g) : c + g;
            }
        }
        long[] steps = new long[300];
        double[] elbo = new double[300];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i + 1;
            elbo[i] = -40 + 8 * (1 - Math.exp(-i / 40.0)) + random.nextGaussian();
        }
        elbo[99] = Double.NaN;
        elbo[200] = Double.NaN;
        FitRecord fit = new FitRecord("0.1.0", modelPath, "data/" + NASTY + ".json", 42, "meanfield", "auto", "converged", true,
                "converged after 300 steps: " + NASTY, 300, 2, 0.25, 0.05, 0.025, -32.1234567, 0.0123, 0.4567, 0.7,
                "good: importance sampling from the guide is reliable", 1789.4, 4000, false, 400, 900,
                List.of(new FitRecord.PlanRow("mu", new int[0], "the real line", "normal", "pathwise (reparameterised)",
                                "the Gaussian guide is reparameterisable " + NASTY),
                        new FitRecord.PlanRow("tau", new int[0], "(0, inf)", "normal, through exp", "pathwise (reparameterised)",
                                "reason"),
                        new FitRecord.PlanRow("z", new int[] {30}, "the real line", "normal", "pathwise (reparameterised)",
                                "reason")),
                List.of("pathfinder path 1: 20 L-BFGS iterations", "guide: meanfield, because " + NASTY,
                        "start: Pathfinder's Gaussian"),
                List.of("step 150: plateau (ELBO -32.5); step size halved to 0.025", "converged after 300 steps"));
        return new RunFolder(Path.of("runs", "one"), withFit ? fit : null,
                Map.of("guide", "meanfield", "algorithm", "auto", "elbo", "-32.1234567", "elbo_se", "0.0123", "khat", "0.4567",
                        "status", "converged", "steps", "300"),
                new RunFolder.Draws(columns, values), new RunFolder.Trace(steps, elbo),
                "ELBO -32.1235 (Monte Carlo se 0.012, 4000 draws) after 300 steps\n"
                        + "Pareto k-hat 0.46 (effective sample size 1789 of 4000): good: reliable\n\n"
                        + Summary.of(columns, values).format() + "\nfitted parameters (point estimates):\n  sigma  1.23\n",
                withFit ? List.of() : List.of("fit.json"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    @Test
    void isOneSelfContainedPageWithEverySection() {
        String html = ReportHtml.render(run(true, "models/m.vmodel"));
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html.substring(0, 40));
        assertTrue(html.endsWith("</html>\n"));
        for (String id : List.of("glance", "status", "start", "plan", "trace", "khat", "marginals", "summary", "files")) {
            assertEquals(1, count(html, " id=\"" + id + "\""), "section " + id);
        }
        // nothing to fetch and nothing to run: no script, no external style, image or font
        assertFalse(html.contains("<script"), "no script");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "no external resource");
        assertFalse(html.contains("@import") || html.contains("url("), "no external CSS");
        assertEquals(count(html, "http://"), count(html, "xmlns=\"http://www.w3.org/2000/svg\""),
                "the only URLs are SVG's namespace, which is not fetched");
        for (String tag : List.of("section", "div", "figure", "table", "svg", "ul", "p", "h2", "h3", "figcaption", "details")) {
            assertEquals(count(html, "<" + tag + ">") + count(html, "<" + tag + " "), count(html, "</" + tag + ">"),
                    "balanced <" + tag + ">");
        }
        assertEquals("vmc report: m", between(html, "<title>", "</title>"));
    }

    @Test
    void everyChartIsWellFormedSvgWithASize() throws Exception {
        String html = ReportHtml.render(run(true, "models/m.vmodel"));
        Matcher svg = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        int charts = 0;
        var builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        while (svg.find()) {
            var root = builder.parse(new InputSource(new StringReader(svg.group()))).getDocumentElement();
            assertTrue(Integer.parseInt(root.getAttribute("width")) >= 200, svg.group().substring(0, 120));
            assertTrue(Integer.parseInt(root.getAttribute("height")) >= 60);
            assertTrue(root.getAttribute("class").startsWith("chart "));
            charts++;
        }
        // the trace, the k-hat scale, and the panels: mu, tau, 12 of z's 30, both of w's 2
        assertEquals(1 + 1 + 2 + 12 + 2, charts);
        assertEquals(1, count(html, "class=\"chart trace\""));
        assertEquals(1, count(html, "class=\"chart khat\""));
        assertEquals(16, count(html, "class=\"chart marginal\""));
    }

    @Test
    void vectorsShowTheirFirstElementsAndSayHowManyAreLeftOut() {
        String html = ReportHtml.render(run(true, "m.vmodel"));
        for (int i = 1; i <= 12; i++) {
            assertEquals(1, count(html, "data-column=\"z." + i + "\""), "z." + i);
        }
        assertFalse(html.contains("data-column=\"z.13\""));
        assertTrue(html.contains("z has 30 elements: the first 12 are drawn, 18 are left out"), html);
        // every element is still in the summary table
        assertEquals(1, count(html, "<td class=\"name\">z.30</td>"));
        // latents come from the plan, with their support; other variables are derived
        assertTrue(html.contains("<span class=\"name\">z[30]</span> <span class=\"kind latent\">latent</span>"));
        assertTrue(html.contains("<span class=\"name\">w[2]</span> <span class=\"kind derived\">derived</span>"));
    }

    @Test
    void showsTheRunsNumbers() {
        RunFolder run = run(true, "m.vmodel");
        String html = ReportHtml.render(run);
        assertTrue(html.contains("<p class=\"big\">-32.1235</p>"), "ELBO to 4 decimals");
        assertTrue(html.contains("<span class=\"num\" id=\"elbo-se\">0.012</span>"), "its standard error");
        assertTrue(html.contains("<p class=\"big\">0.46</p>"), "k-hat");
        assertTrue(html.contains("effective sample size 1789 of 4000"), "ESS");
        assertTrue(html.contains("<p class=\"big\">converged</p>"));
        assertTrue(html.contains("300 steps</p><p>in 0.25 s; guide meanfield"));
        assertTrue(html.contains("2 steps skipped</strong>"));
        assertTrue(html.contains("Red marks</span>: 2 steps skipped"), "the trace's caption counts the skipped steps");
        assertEquals(2, count(html, "class=\"skipped\""), "each skipped step is marked");
        assertEquals(1, count(html, "<g class=\"event\">"), "the plateau is marked at its step");
        assertTrue(html.contains(">plateau</text>"));
        // the summary table, row by row, as summary.txt formats the numbers
        for (Summary.Row row : Summary.of(run.draws().columns(), run.draws().values()).rows()) {
            String expected = "<tr><td class=\"name\">" + row.name() + "</td><td>" + Significant.format(row.mean())
                    + "</td><td>" + Significant.format(row.sd()) + "</td><td>" + Significant.format(row.q5()) + "</td><td>"
                    + Significant.format(row.q50()) + "</td><td>" + Significant.format(row.q95()) + "</td></tr>";
            assertTrue(html.contains(expected), expected);
        }
        assertTrue(html.contains("<h3>Learnable parameters (point estimates)</h3>\n<pre>sigma  1.23</pre>"));
        // the plan table and the start, with the chosen guide picked out
        assertTrue(html.contains("<tr><td class=\"name\">z[30]</td><td>the real line</td><td>normal</td>"));
        assertTrue(html.contains("<li class=\"chosen\">guide: meanfield, because "));
        assertTrue(html.contains("<li class=\"path\">pathfinder path 1: 20 L-BFGS iterations</li>"));
    }

    @Test
    void escapesNamesPathsAndMessages() {
        String html = ReportHtml.render(run(true, "models/" + NASTY + ".vmodel"));
        assertFalse(html.contains(NASTY), "the raw text never reaches the page");
        String escaped = "&lt;b class=&quot;x&quot;&gt;&amp;&#39;it&#39;";
        assertTrue(html.contains("<title>vmc report: " + escaped + "</title>"));
        assertTrue(html.contains("models/" + escaped + ".vmodel with data/" + escaped + ".json"));
        assertTrue(html.contains("guide: meanfield, because " + escaped + "</li>"));
        assertTrue(html.contains("reparameterisable " + escaped + "</td>"));
        assertTrue(html.contains("converged after 300 steps: " + escaped));

        // a column whose name needs escaping, in a panel's attribute, its caption and its SVG label
        RunFolder plain = run(false, "m.vmodel");
        List<String> columns = new ArrayList<>(plain.draws().columns());
        columns.set(0, "a<b");
        RunFolder odd = new RunFolder(plain.dir(), null, plain.guideMeta(),
                new RunFolder.Draws(columns, plain.draws().values()), plain.trace(), null, List.of("fit.json", "summary.txt"));
        String page = ReportHtml.render(odd);
        assertFalse(page.contains("a<b"));
        assertTrue(page.contains("data-column=\"a&lt;b\""));
        assertTrue(page.contains("aria-label=\"histogram of a&lt;b\""));
        assertTrue(page.contains("<td class=\"name\">a&lt;b</td>"));
    }

    @Test
    void aRunWithoutFitJsonReportsWhatIsThereAndSaysWhatIsMissing() {
        String html = ReportHtml.render(run(false, "ignored"));
        assertTrue(html.contains("<strong>Not in this run folder: fit.json.</strong>"), html);
        assertEquals(2, count(html, "Not recorded: this run folder has no fit.json."), "the start and the plan");
        // the verdict comes from guide.json's meta and summary.txt's report lines
        assertTrue(html.contains("<p class=\"big\">converged</p>"));
        assertTrue(html.contains("<p class=\"big\">-32.1235</p>"));
        assertTrue(html.contains("<p class=\"big\">0.46</p>"));
        assertTrue(html.contains("The fit report (from summary.txt)"));
        assertTrue(html.contains("good: reliable. From summary.txt: Pareto k-hat 0.46 (effective sample size 1789 of 4000)."));
        // the charts are all there still
        assertEquals(1, count(html, "class=\"chart trace\""));
        assertEquals(16, count(html, "class=\"chart marginal\""));
        assertTrue(html.contains("<tr class=\"absent\"><td class=\"name\">fit.json</td><td>missing</td>"));
        assertEquals("vmc report: one", between(html, "<title>", "</title>"), "named after the run folder");
    }

    @Test
    void anUntrustedFitSaysSoFirst() {
        RunFolder ok = run(true, "m.vmodel");
        FitRecord f = ok.fit();
        FitRecord bad = new FitRecord(f.vmcVersion(), f.model(), f.data(), f.seed(), f.guide(), f.algorithm(), "diverged", false,
                "the ELBO kept falling", f.steps(), f.skippedSteps(), f.seconds(), f.learningRate(), f.finalLearningRate(),
                f.elbo(), f.elboSe(), 1.7, f.khatThreshold(), "do not trust the guide's tails: try a richer guide", f.ess(),
                f.psisDraws(), f.resampled(), f.gradientEvaluations(), f.densityEvaluations(), f.plan(), f.start(),
                f.messages());
        String html = ReportHtml.render(new RunFolder(ok.dir(), bad, null, ok.draws(), ok.trace(), null, List.of()));
        assertTrue(html.contains("<div class=\"card status bad\" id=\"status\"><h2>status</h2><p class=\"big\">NOT CONVERGED</p>"
                + "<p>diverged: the ELBO kept falling</p>"), html);
        assertTrue(html.contains("<div class=\"card bad\" id=\"khat-card\"><h2>Pareto k-hat</h2><p class=\"big\">1.70</p>"
                + "<p>do not trust the guide&#39;s tails"));
        assertTrue(html.contains("k-hat 1.70"), "the scale's marker");
    }

    @Test
    void aFitWithoutStepsOrDrawsSaysSo() {
        RunFolder ok = run(true, "m.vmodel");
        String html = ReportHtml.render(new RunFolder(ok.dir(), ok.fit(), null, new RunFolder.Draws(List.of(), new double[3][0]),
                new RunFolder.Trace(new long[0], new double[0]), null, List.of()));
        assertTrue(html.contains("No optimisation steps were taken"));
        assertTrue(html.contains("The model has no latents: nothing to draw."));
        assertFalse(html.contains("class=\"chart trace\""));
    }

    @Test
    void longTracesAreBinnedAndLongTailsCut() {
        int n = 10_000;
        long[] steps = new long[n];
        double[] elbo = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = i + 1;
            elbo[i] = i < 50 ? -1e6 : -10 + Math.sin(i);
        }
        String svg = Charts.trace(steps, elbo, -10, List.of());
        assertTrue(svg.contains("class=\"data trace-band\""), "a band of bin ranges, not 10,000 points");
        assertTrue(svg.length() < 60_000, "size " + svg.length());
        assertEquals(50, Charts.traceClipped(elbo, -10), "the first steps' -1e6 sit below the plotted range");
        double[] range = Charts.traceRange(elbo, -10);
        assertTrue(range[0] > -12 && range[1] < -8, range[0] + " " + range[1]);

        double[] tail = new double[1000];
        for (int i = 0; i < tail.length; i++) {
            tail[i] = i == 0 ? 1e4 : i / 1000.0;
        }
        Charts.Histogram h = Charts.histogram("t", tail);
        assertTrue(h.outside() >= 1 && h.outside() <= 6, "the far draw is cut and counted: " + h.outside());
        assertEquals(0, Charts.histogram("u", java.util.Arrays.copyOfRange(tail, 1, 1000)).outside(), "no tail, nothing cut");
    }

    @Test
    void tickLabelsAreRound() {
        assertEquals(List.of(-30.0, -25.0, -20.0), Ticks.of(-31, -19, 2).subList(0, 3));
        assertEquals("\u22121.5", Ticks.label(-1.5, 0.5));
        assertEquals("0", Ticks.label(1e-17, 0.1));
        assertEquals("2000", Ticks.label(2000, 500));
        assertEquals("0.25", Ticks.label(0.25, 0.05));
    }

    private static String between(String text, String from, String to) {
        int a = text.indexOf(from) + from.length();
        return text.substring(a, text.indexOf(to, a));
    }
}
