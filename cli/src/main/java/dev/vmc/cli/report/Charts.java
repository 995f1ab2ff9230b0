package dev.vmc.cli.report;

import static dev.vmc.cli.report.Html.escape;
import static dev.vmc.cli.report.Html.px;

import dev.vmc.runtime.output.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The report's charts, drawn as inline SVG: no script, no network, one file. Each chart is an
 * {@code <svg class="chart ...">} with a fixed size (scaled down by CSS on narrow screens), an
 * accessible label and {@code <title>} tooltips.
 */
final class Charts {
    static final String TRACE_LINE = "#1f4e79";
    static final String TRACE_BAND = "#a9c4e0";
    static final String SKIPPED = "#c62828";
    static final String FINAL = "#2e7d32";
    static final String BAR = "#3b6ea5";
    static final String INTERVAL = "#e3edf7";
    static final String MEAN = "#e07000";

    /** Raw steps are drawn one by one up to this many; longer traces are drawn as bins (mean line, range band). */
    static final int RAW_POINTS = 1500;
    static final int BINS = 700;

    private Charts() {}

    /** A line in the fit's messages tied to a step ({@code step 1350: plateau ...}), marked on the trace. */
    record Event(long step, String label, String text) {}

    // ----------------------------------------------------------------------------------- trace

    /** A chart's opening tag: its class, fixed size and the label a screen reader reads. */
    private static StringBuilder open(String kind, int width, int height, String label) {
        return new StringBuilder().append("<svg class=\"chart ").append(kind).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(escape(label)).append("\">");
    }

    /**
     * The ELBO trace: every step's estimate in a light line (for long traces, a band of each
     * bin's range), their moving average ({@link #window}) in a dark one, skipped steps as red
     * marks on the axis, the events as dashed lines, the final ELBO as a green one. The lowest 1% of the values may fall below the plotted range (the first steps
     * of a fit without a start), so that the rest is not squashed; {@link #traceClipped} counts them.
     */
    static String trace(long[] steps, double[] elbo, double finalElbo, List<Event> events) {
        final int width = 920;
        final int height = 320;
        final double left = 76;
        final double right = 104;
        final double top = 16;
        final double bottom = 44;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        int n = steps.length;
        double[] range = traceRange(elbo, finalElbo);
        double yMin = range[0];
        double yMax = range[1];
        double xMin = n == 0 ? 0 : steps[0];
        double xMax = n == 0 ? 1 : Math.max(steps[n - 1], xMin + 1);
        Scale x = new Scale(xMin, xMax, left, left + plotW);
        Scale y = new Scale(yMin, yMax, top + plotH, top);

        StringBuilder svg = open("trace", width, height, "ELBO by step").append('\n');
        frame(svg, left, top, plotW, plotH);
        double yStep = Ticks.step(yMin, yMax, 6);
        for (double t : Ticks.of(yMin, yMax, 6)) {
            double py = y.at(t);
            svg.append("<line class=\"grid\" x1=\"").append(px(left)).append("\" x2=\"").append(px(left + plotW))
                    .append("\" y1=\"").append(px(py)).append("\" y2=\"").append(px(py)).append("\"/>");
            svg.append("<text class=\"tick\" x=\"").append(px(left - 6)).append("\" y=\"").append(px(py + 4))
                    .append("\" text-anchor=\"end\">").append(escape(Ticks.label(t, yStep))).append("</text>\n");
        }
        double xStep = Ticks.step(xMin, xMax, 8);
        for (double t : Ticks.of(xMin, xMax, 8)) {
            double pxx = x.at(t);
            svg.append("<line class=\"axis\" x1=\"").append(px(pxx)).append("\" x2=\"").append(px(pxx)).append("\" y1=\"")
                    .append(px(top + plotH)).append("\" y2=\"").append(px(top + plotH + 4)).append("\"/>");
            svg.append("<text class=\"tick\" x=\"").append(px(pxx)).append("\" y=\"").append(px(top + plotH + 17))
                    .append("\" text-anchor=\"middle\">").append(escape(Ticks.label(t, xStep))).append("</text>\n");
        }
        svg.append("<text class=\"axis-title\" x=\"").append(px(left + plotW / 2)).append("\" y=\"").append(height - 6)
                .append("\" text-anchor=\"middle\">step</text>\n");
        svg.append("<text class=\"axis-title\" transform=\"translate(16 ").append(px(top + plotH / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\">ELBO</text>\n");

        int window = window(n);
        if (n > RAW_POINTS) {
            binnedTrace(svg, steps, elbo, x, y);
        } else {
            svg.append("<path class=\"data trace-raw\" fill=\"none\" stroke=\"").append(TRACE_BAND)
                    .append("\" stroke-width=\"1\" d=\"").append(line(steps, elbo, x, y, 1)).append("\"><title>the ELBO estimate of")
                    .append(" each step</title></path>\n");
        }
        svg.append("<path class=\"data trace-line\" fill=\"none\" stroke=\"").append(TRACE_LINE)
                .append("\" stroke-width=\"2\" d=\"").append(line(steps, movingAverage(elbo, window), x, y, binSize(n)))
                .append("\"><title>mean over ").append(window).append(" steps</title></path>\n");

        if (Double.isFinite(finalElbo)) {
            double py = y.at(finalElbo);
            svg.append("<line class=\"final\" stroke=\"").append(FINAL).append("\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" x1=\"")
                    .append(px(left)).append("\" x2=\"").append(px(left + plotW)).append("\" y1=\"").append(px(py))
                    .append("\" y2=\"").append(px(py)).append("\"><title>final ELBO ").append(escape(Html.fixed(finalElbo, 4)))
                    .append("</title></line>\n");
            svg.append("<text class=\"label\" fill=\"").append(FINAL).append("\" x=\"").append(px(left + plotW + 6))
                    .append("\" y=\"").append(px(py - 3)).append("\">final ELBO</text><text class=\"label\" fill=\"").append(FINAL)
                    .append("\" x=\"").append(px(left + plotW + 6)).append("\" y=\"").append(px(py + 11)).append("\">")
                    .append(escape(Html.minus(Html.fixed(finalElbo, 2)))).append("</text>\n");
        }
        int e = 0;
        for (Event event : events) {
            if (event.step() < xMin || event.step() > xMax) {
                continue;
            }
            double pxx = x.at(event.step());
            svg.append("<g class=\"event\"><title>").append(escape(event.text())).append("</title><line x1=\"").append(px(pxx))
                    .append("\" x2=\"").append(px(pxx)).append("\" y1=\"").append(px(top)).append("\" y2=\"")
                    .append(px(top + plotH)).append("\"/><text class=\"label\" x=\"").append(px(pxx + 4))
                    .append("\" y=\"").append(px(top + 13 + 14 * (e % 3))).append("\">").append(escape(event.label()))
                    .append("</text></g>\n");
            e++;
        }
        double lastMark = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(elbo[i])) {
                double pxx = x.at(steps[i]);
                if (pxx - lastMark >= 2) {
                    svg.append("<rect class=\"skipped\" fill=\"").append(SKIPPED).append("\" x=\"").append(px(pxx - 1))
                            .append("\" y=\"").append(px(top + plotH - 8)).append("\" width=\"2\" height=\"8\"><title>step ")
                            .append(steps[i]).append(" skipped: not finite</title></rect>");
                    lastMark = pxx;
                }
            }
        }
        return svg.append("</svg>\n").toString();
    }

    /** The plotted ELBO range: the finite values above their 1% quantile, and the final ELBO, with a margin. */
    static double[] traceRange(double[] elbo, double finalElbo) {
        double[] finite = Arrays.stream(elbo).filter(Double::isFinite).sorted().toArray();
        double lo;
        double hi;
        if (finite.length == 0) {
            lo = Double.isFinite(finalElbo) ? finalElbo - 1 : -1;
            hi = Double.isFinite(finalElbo) ? finalElbo + 1 : 1;
        } else {
            lo = finite.length >= 100 ? Quantiles.type7(finite, 0.01) : finite[0];
            hi = finite[finite.length - 1];
            if (Double.isFinite(finalElbo)) {
                lo = Math.min(lo, finalElbo);
                hi = Math.max(hi, finalElbo);
            }
        }
        double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(1, Math.abs(hi) * 0.05);
        return new double[] {lo - pad, hi + pad};
    }

    /** How many finite values fall below the trace's plotted range. */
    static int traceClipped(double[] elbo, double finalElbo) {
        double lo = traceRange(elbo, finalElbo)[0];
        return (int) Arrays.stream(elbo).filter(v -> Double.isFinite(v) && v < lo).count();
    }

    /**
     * A path through every {@code stride}-th point and the last, passing over non-finite values:
     * the red marks show the skipped steps, and lifting the pen at each would leave nothing of a
     * trace where every other step was skipped.
     */
    private static String line(long[] steps, double[] values, Scale x, Scale y, int stride) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < steps.length; i = i + stride >= steps.length && i < steps.length - 1 ? steps.length - 1 : i + stride) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                continue;
            }
            d.append(pen ? 'L' : 'M').append(px(x.at(steps[i]))).append(' ').append(px(y.at(v)));
            pen = true;
        }
        return d.toString();
    }

    private static void binnedTrace(StringBuilder svg, long[] steps, double[] elbo, Scale x, Scale y) {
        int n = steps.length;
        int size = (n + BINS - 1) / BINS;
        int bins = (n + size - 1) / size;
        double[] centre = new double[bins];
        boolean[] empty = new boolean[bins];
        double[] lo = new double[bins];
        double[] hi = new double[bins];
        for (int b = 0; b < bins; b++) {
            int from = b * size;
            int to = Math.min(n, from + size);
            int count = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                if (Double.isFinite(elbo[i])) {
                    count++;
                    min = Math.min(min, elbo[i]);
                    max = Math.max(max, elbo[i]);
                }
            }
            centre[b] = (steps[from] + steps[to - 1]) / 2.0;
            empty[b] = count == 0;
            lo[b] = count == 0 ? Double.NaN : min;
            hi[b] = count == 0 ? Double.NaN : max;
        }
        StringBuilder band = new StringBuilder();
        int b = 0;
        while (b < bins) {
            if (empty[b]) {
                b++;
                continue;
            }
            int end = b;
            while (end < bins && !empty[end]) {
                end++;
            }
            for (int i = b; i < end; i++) {
                band.append(i == b ? 'M' : 'L').append(px(x.at(centre[i]))).append(' ').append(px(y.at(hi[i])));
            }
            for (int i = end - 1; i >= b; i--) {
                band.append('L').append(px(x.at(centre[i]))).append(' ').append(px(y.at(lo[i])));
            }
            band.append('Z');
            b = end;
        }
        svg.append("<path class=\"data trace-band\" fill=\"").append(TRACE_BAND).append("\" stroke=\"none\" d=\"")
                .append(band).append("\"><title>range of each bin of ").append(size).append(" steps</title></path>\n");
    }

    /** The steps the trace's dark line averages over: a fiftieth of the trace, at least 5 and at most 250. */
    static int window(int n) {
        return Math.max(5, Math.min(250, Math.round(n / 50f)));
    }

    /** The mean of the finite values in a window of {@code window} steps centred on each step; NaN where it holds none. */
    static double[] movingAverage(double[] values, int window) {
        int n = values.length;
        double[] sums = new double[n + 1];
        int[] counts = new int[n + 1];
        for (int i = 0; i < n; i++) {
            boolean finite = Double.isFinite(values[i]);
            sums[i + 1] = sums[i] + (finite ? values[i] : 0);
            counts[i + 1] = counts[i] + (finite ? 1 : 0);
        }
        double[] out = new double[n];
        int half = window / 2;
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i - half);
            int to = Math.min(n, from + window);
            from = Math.max(0, to - window);
            int count = counts[to] - counts[from];
            out[i] = count == 0 ? Double.NaN : (sums[to] - sums[from]) / count;
        }
        return out;
    }

    /** Steps per bin when a trace of {@code n} steps is drawn binned; 1 when it is drawn step by step. */
    static int binSize(int n) {
        return n > RAW_POINTS ? (n + BINS - 1) / BINS : 1;
    }

    // ------------------------------------------------------------------------------ histogram

    /** A histogram of one column's draws, what it leaves out, and the numbers under it. */
    record Histogram(String svg, int outside, int nonFinite) {}

    /**
     * One marginal: a histogram of the finite draws ({@link #histogramRange}: a long tail is
     * cut, and the draws beyond are counted, not drawn, so that it does not squash the bulk), the
     * 5%-95% interval shaded behind it and the mean as an orange line.
     */
    static Histogram histogram(String name, double[] draws) {
        final int width = 250;
        final int height = 140;
        final double left = 10;
        final double right = 10;
        final double top = 6;
        final double bottom = 30;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        double[] sorted = Arrays.stream(draws).filter(Double::isFinite).sorted().toArray();
        int nonFinite = draws.length - sorted.length;
        StringBuilder svg = open("marginal", width, height, "histogram of " + name);
        if (sorted.length == 0) {
            svg.append("<text class=\"label\" x=\"").append(width / 2).append("\" y=\"").append(height / 2)
                    .append("\" text-anchor=\"middle\">no finite draws</text></svg>");
            return new Histogram(svg.toString(), 0, nonFinite);
        }
        double[] range = histogramRange(sorted);
        double lo = range[0];
        double hi = range[1];
        int bins;
        if (hi > lo) {
            double iqr = Quantiles.type7(sorted, 0.75) - Quantiles.type7(sorted, 0.25);
            double binWidth = 2 * iqr / Math.cbrt(sorted.length); // Freedman and Diaconis
            bins = binWidth > 0 ? (int) Math.ceil((hi - lo) / binWidth) : 20;
            bins = Math.max(10, Math.min(40, bins));
        } else {
            double half = lo == 0 ? 0.5 : Math.abs(lo) * 0.05; // every draw the same: one bar in the middle
            lo -= half;
            hi += half;
            bins = 1;
        }
        int[] counts = new int[bins];
        int outside = 0;
        double binWidth = (hi - lo) / bins;
        for (double v : sorted) {
            if (v < lo || v > hi) {
                outside++;
                continue;
            }
            counts[Math.min(bins - 1, (int) ((v - lo) / binWidth))]++;
        }
        int most = Arrays.stream(counts).max().orElse(1);
        Scale x = new Scale(lo, hi, left, left + plotW);
        Scale y = new Scale(0, most, top + plotH, top);
        double q5 = Quantiles.type7(sorted, 0.05);
        double q95 = Quantiles.type7(sorted, 0.95);
        double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
        double a = x.at(Math.max(lo, q5));
        double b = x.at(Math.min(hi, q95));
        svg.append("<rect class=\"interval\" fill=\"").append(INTERVAL).append("\" x=\"").append(px(a)).append("\" y=\"")
                .append(px(top)).append("\" width=\"").append(px(Math.max(0, b - a))).append("\" height=\"").append(px(plotH))
                .append("\"><title>5% to 95%: ").append(escape(Html.num(q5) + " to " + Html.num(q95))).append("</title></rect>");
        svg.append("<g class=\"data bars\" fill=\"").append(BAR).append("\">");
        for (int k = 0; k < bins; k++) {
            if (counts[k] == 0) {
                continue;
            }
            double x0 = x.at(lo + k * binWidth);
            double x1 = x.at(lo + (k + 1) * binWidth);
            double y0 = y.at(counts[k]);
            svg.append("<rect x=\"").append(px(x0 + 0.5)).append("\" y=\"").append(px(y0)).append("\" width=\"")
                    .append(px(Math.max(0.5, x1 - x0 - 1))).append("\" height=\"").append(px(top + plotH - y0)).append("\"/>");
        }
        svg.append("</g>");
        if (mean >= lo && mean <= hi) {
            double m = x.at(mean);
            svg.append("<line class=\"mean\" stroke=\"").append(MEAN).append("\" stroke-width=\"1.5\" x1=\"").append(px(m))
                    .append("\" x2=\"").append(px(m)).append("\" y1=\"").append(px(top)).append("\" y2=\"")
                    .append(px(top + plotH)).append("\"><title>mean ").append(escape(Html.num(mean))).append("</title></line>");
        }
        svg.append("<line class=\"axis\" x1=\"").append(px(left)).append("\" x2=\"").append(px(left + plotW)).append("\" y1=\"")
                .append(px(top + plotH)).append("\" y2=\"").append(px(top + plotH)).append("\"/>");
        double step = Ticks.step(lo, hi, 4);
        for (double t : Ticks.of(lo, hi, 4)) {
            double pxx = x.at(t);
            svg.append("<line class=\"axis\" x1=\"").append(px(pxx)).append("\" x2=\"").append(px(pxx)).append("\" y1=\"")
                    .append(px(top + plotH)).append("\" y2=\"").append(px(top + plotH + 4)).append("\"/><text class=\"tick\" x=\"")
                    .append(px(pxx)).append("\" y=\"").append(px(top + plotH + 16)).append("\" text-anchor=\"")
                    // a label at either end would be cut by the panel's edge: align it inwards
                    .append(pxx < left + 12 ? "start" : pxx > left + plotW - 12 ? "end" : "middle").append("\">")
                    .append(escape(Ticks.label(t, step))).append("</text>");
        }
        return new Histogram(svg.append("</svg>").toString(), outside, nonFinite);
    }

    /**
     * From the smallest draw to the largest, except that a tail reaching further beyond the 0.5% or
     * 99.5% quantile than half the distance between them is cut at that quantile.
     */
    static double[] histogramRange(double[] sorted) {
        double lo = Quantiles.type7(sorted, 0.005);
        double hi = Quantiles.type7(sorted, 0.995);
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        double span = hi - lo;
        return new double[] {lo - min > span / 2 ? lo : min, max - hi > span / 2 ? hi : max};
    }

    // ---------------------------------------------------------------------------------- k-hat

    /**
     * Where k-hat falls: good up to 0.5, usable up to the threshold (0.7 for 2,200 draws or
     * more), beyond it the guide's tails are not to be trusted.
     */
    static String khat(double khat, double threshold) {
        final int width = 600;
        final int height = 66;
        final double left = 12;
        final double right = 12;
        final double top = 22;
        final double barH = 18;
        double limit = Double.isFinite(threshold) && threshold > 0 ? threshold : 0.7;
        double xMax = khat > 0.95 ? Math.min(2, Math.ceil(khat * 10 + 1) / 10) : 1;
        Scale x = new Scale(0, xMax, left, width - right);
        StringBuilder svg = open("khat", width, height, "Pareto k-hat on its scale");
        zone(svg, x, 0, Math.min(0.5, limit), top, barH, "#cfe8cf", "good");
        zone(svg, x, Math.min(0.5, limit), limit, top, barH, "#f6e3b4", "usable");
        zone(svg, x, limit, xMax, top, barH, "#f4c7c3", "tails not to be trusted");
        List<Double> ticks = new ArrayList<>(List.of(0.0, 0.5, limit, 1.0));
        if (xMax > 1) {
            ticks.add(xMax);
        }
        for (double t : ticks.stream().distinct().filter(t -> t <= xMax).toList()) {
            svg.append("<text class=\"tick\" x=\"").append(px(x.at(t))).append("\" y=\"").append(px(top + barH + 14))
                    .append("\" text-anchor=\"middle\">").append(new java.math.BigDecimal(t).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                            .toPlainString()).append("</text>");
        }
        if (Double.isNaN(khat)) {
            svg.append("<text class=\"label\" x=\"").append(px(left)).append("\" y=\"14\">no k-hat: no draws to judge by</text>");
        } else {
            double shown = Math.max(0, Math.min(xMax, khat));
            double m = x.at(shown);
            svg.append("<g class=\"data marker\"><title>k-hat ").append(escape(Html.fixed(khat, 2))).append("</title>")
                    .append("<line stroke=\"#222\" stroke-width=\"3\" x1=\"").append(px(m)).append("\" x2=\"").append(px(m))
                    .append("\" y1=\"").append(px(top - 4)).append("\" y2=\"").append(px(top + barH + 2)).append("\"/>")
                    .append("<text class=\"label strong\" x=\"").append(px(Math.min(Math.max(m, left + 30), width - right - 30)))
                    .append("\" y=\"13\" text-anchor=\"middle\">k-hat ").append(escape(Html.minus(Html.fixed(khat, 2))))
                    .append(khat > xMax ? " \u2192" : "").append("</text></g>");
        }
        return svg.append("</svg>\n").toString();
    }

    private static void zone(StringBuilder svg, Scale x, double from, double to, double top, double height, String fill,
            String label) {
        if (!(to > from)) {
            return;
        }
        double a = x.at(from);
        double b = x.at(to);
        svg.append("<rect fill=\"").append(fill).append("\" x=\"").append(px(a)).append("\" y=\"").append(px(top))
                .append("\" width=\"").append(px(b - a)).append("\" height=\"").append(px(height)).append("\"><title>")
                .append(escape(label)).append("</title></rect>");
        if (b - a > 60) {
            svg.append("<text class=\"zone\" x=\"").append(px((a + b) / 2)).append("\" y=\"").append(px(top + height / 2 + 4))
                    .append("\" text-anchor=\"middle\">").append(escape(label)).append("</text>");
        }
    }

    // ---------------------------------------------------------------------------------- shared

    private static void frame(StringBuilder svg, double left, double top, double w, double h) {
        svg.append("<rect class=\"frame\" x=\"").append(px(left)).append("\" y=\"").append(px(top)).append("\" width=\"")
                .append(px(w)).append("\" height=\"").append(px(h)).append("\"/>\n");
    }

    /** A linear map from data to pixels. */
    private record Scale(double from, double to, double pixelFrom, double pixelTo) {
        double at(double v) {
            double span = to - from;
            double t = span == 0 ? 0.5 : (v - from) / span;
            t = Math.max(0, Math.min(1, t)); // values beyond the range sit on its edge
            return pixelFrom + t * (pixelTo - pixelFrom);
        }
    }
}
