package dev.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vmc.runtime.data.Json;
import dev.vmc.runtime.data.JsonTree;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The report as a person sees it: a real headless Chromium loads report.html from a real fit,
 * from a file, with no network, and renders its charts. One Chromium run (each start costs
 * seconds) loads a copy of the page with a measuring script added, which reports each chart's
 * rendered size and the size of what it drew into a hidden element of the DOM that Chromium
 * dumps, and takes a screenshot, which must show the charts' colours. The screenshot is left in
 * {@code cli/target/report-browser/report.png}, the page and the DOM beside it.
 *
 * <p>This test needs Chromium ({@code apt-get install -y chromium}; {@code .ci/run} installs it)
 * and fails, not skips, without it. {@code VMC_CHROMIUM} names another binary.
 */
class ReportBrowserTest {
    static final Path OUT = Path.of("target", "report-browser");
    private static final long TIMEOUT_SECONDS = 60;
    /** Taller than the page, so the screenshot holds all of it (the test checks). */
    private static final int WINDOW_HEIGHT = 4400;

    /** Reports each chart's class, rendered width and height, its drawn data's width and height, and the page height. */
    private static final String MEASURE = """
            <script>
            (function () {
              var charts = [];
              document.querySelectorAll('svg.chart').forEach(function (svg) {
                var r = svg.getBoundingClientRect(), w = 0, h = 0, n = 0;
                svg.querySelectorAll('.data').forEach(function (d) {
                  var b = d.getBBox(); w = Math.max(w, b.width); h = Math.max(h, b.height); n++;
                });
                charts.push({cls: svg.getAttribute('class'), width: r.width, height: r.height, dataWidth: w, dataHeight: h, data: n});
              });
              var pre = document.createElement('pre');
              pre.id = 'vmc-measure';
              pre.style.display = 'none';
              pre.textContent = JSON.stringify({page: document.documentElement.scrollHeight, charts: charts});
              document.body.appendChild(pre);
            })();
            </script>
            """;

    @Test
    void chromiumRendersEveryChart() throws Exception {
        String chromium = chromium();
        deleteRecursively(OUT);
        Files.createDirectories(OUT);
        long t0 = System.nanoTime();
        Path run = OUT.resolve("run").toAbsolutePath();
        Cli.Result r = Cli.run("run", Cli.EIGHT_SCHOOLS.toString(), "--data", Cli.EIGHT_SCHOOLS_DATA.toString(), "--out",
                run.toString(), "--report");
        r.assertCode(ExitCode.OK);
        Path report = run.resolve("report.html");

        long t1 = System.nanoTime();
        // the DOM as Chromium laid it out, measured by a script added to a copy of the page, and a screenshot
        Path measured = OUT.resolve("measured.html").toAbsolutePath();
        String html = Files.readString(report, StandardCharsets.UTF_8);
        Files.writeString(measured, html.replace("</body>", MEASURE + "</body>"), StandardCharsets.UTF_8);
        Path png = OUT.resolve("report.png").toAbsolutePath();
        String dom = browse(chromium, List.of("--window-size=1200," + WINDOW_HEIGHT, "--hide-scrollbars", "--screenshot=" + png,
                "--dump-dom", measured.toUri().toString()));
        long t2 = System.nanoTime();
        Files.writeString(OUT.resolve("dom.html"), dom, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<pre id=\"vmc-measure\"[^>]*>(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "the measuring script did not run; Chromium's DOM is in " + OUT.resolve("dom.html"));
        Json.Obj measure = (Json.Obj) JsonTree.parse(m.group(1).replace("&quot;", "\""), "measure");
        List<Json> charts = ((Json.Arr) measure.members().get("charts")).elements();
        int traces = 0;
        int khats = 0;
        int marginals = 0;
        for (Json c : charts) {
            Json.Obj chart = (Json.Obj) c;
            String cls = ((Json.Str) chart.members().get("cls")).value();
            double width = number(chart, "width");
            double height = number(chart, "height");
            double dataWidth = number(chart, "dataWidth");
            double dataHeight = number(chart, "dataHeight");
            String what = cls + ": rendered " + width + " x " + height + ", data " + dataWidth + " x " + dataHeight;
            assertTrue(number(chart, "data") >= 1, what);
            switch (cls) {
                case "chart trace" -> {
                    traces++;
                    assertEquals(920, width, 1, what);
                    assertEquals(320, height, 1, what);
                    assertTrue(dataWidth > 600 && dataHeight > 100, "the ELBO line spans the plot: " + what);
                }
                case "chart khat" -> {
                    khats++;
                    assertTrue(width >= 500 && height >= 60, what);
                    assertTrue(dataHeight > 15, "the k-hat marker is drawn: " + what);
                }
                case "chart marginal" -> {
                    marginals++;
                    assertEquals(250, width, 1, what);
                    assertEquals(140, height, 1, what);
                    assertTrue(dataWidth > 120 && dataHeight > 60, "the histogram's bars fill the panel: " + what);
                }
                default -> fail("unexpected chart " + what);
            }
        }
        assertEquals(1, traces);
        assertEquals(1, khats);
        assertEquals(2 + 8 + 8, marginals, "mu, tau, theta_tilde[8] and the derived theta[8]");

        // the screenshot shows the whole page, and in it the charts' colours
        int pageHeight = (int) Math.ceil(number(measure, "page"));
        assertTrue(pageHeight > 1500 && pageHeight <= WINDOW_HEIGHT, "page height " + pageHeight + ", window " + WINDOW_HEIGHT);
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null, "no PNG at " + png);
        assertEquals(1200, image.getWidth());
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        long bars = 0;
        long trace = 0;
        long nonWhite = 0;
        for (int p : pixels) {
            bars += near(p, 0x3b6ea5) ? 1 : 0;
            trace += near(p, 0x1f4e79) ? 1 : 0;
            nonWhite += (p & 0xffffff) != 0xffffff ? 1 : 0;
        }
        String where = " in " + png;
        assertTrue(nonWhite > pixels.length / 10, "the page is almost blank" + where);
        assertTrue(bars > 18 * 2000, "histogram bars: " + bars + " pixels" + where);
        assertTrue(trace > 500, "the ELBO trace's line: " + trace + " pixels" + where);
        Files.writeString(OUT.resolve("seconds.txt"), String.format("fit and report %.1f s, chromium %.1f s, checks %.1f s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9));
    }

    private static double number(Json.Obj obj, String name) {
        return ((Json.Num) obj.members().get(name)).value();
    }

    /** Whether a pixel is within 6 of a colour in each channel: solid fills come through exactly, give or take colour management. */
    private static boolean near(int pixel, int rgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((pixel >> shift) & 0xff) - ((rgb >> shift) & 0xff)) > 6) {
                return false;
            }
        }
        return true;
    }

    /** Chromium, or a failure that says how to install it: a browser test that skips proves nothing. */
    static String chromium() {
        String named = System.getenv("VMC_CHROMIUM");
        if (named != null && !named.isBlank()) {
            assertTrue(Files.isExecutable(Path.of(named)), "VMC_CHROMIUM=" + named + " is not an executable");
            return named;
        }
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "chromium"));
            }
        }
        candidates.add(Path.of("/usr/bin/chromium"));
        for (Path p : candidates) {
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        fail("Chromium is not installed, and the report's browser test needs it: apt-get install -y chromium"
                + " (.ci/run does this), or set VMC_CHROMIUM to a Chromium binary");
        return null;
    }

    /** Runs headless Chromium with a fresh profile and no network, returning what it printed on standard output. */
    private static String browse(String chromium, List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("vmc-chromium-");
        try {
            List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile));
            command.addAll(args);
            Path stdout = OUT.resolve("chromium.out");
            Path stderr = OUT.resolve("chromium.err");
            Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                fail("Chromium did not finish in " + TIMEOUT_SECONDS + " s; its messages are in " + stderr);
            }
            assertEquals(0, p.exitValue(), () -> "Chromium failed; its messages are in " + stderr);
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            deleteRecursively(profile);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
