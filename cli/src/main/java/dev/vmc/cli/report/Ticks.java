package dev.vmc.cli.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Round axis ticks (1, 2 or 5 times a power of ten) and their labels. */
final class Ticks {
    private Ticks() {}

    /** The tick step for about {@code count} ticks over [lo, hi]. */
    static double step(double lo, double hi, int count) {
        double raw = (hi - lo) / Math.max(1, count);
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
        return nice * power;
    }

    /** The multiples of {@link #step} inside [lo, hi]. */
    static List<Double> of(double lo, double hi, int count) {
        double step = step(lo, hi, count);
        List<Double> ticks = new ArrayList<>();
        long first = (long) Math.ceil(lo / step - 1e-9);
        for (long k = first; k * step <= hi + step * 1e-9 && ticks.size() < 50; k++) {
            ticks.add(k * step);
        }
        return ticks;
    }

    /** A tick's label: as few decimals as the step needs (0.5, 1, 1.5), scientific beyond 1e5. */
    static String label(double value, double step) {
        if (Math.abs(value) < step * 1e-6) {
            return "0";
        }
        double magnitude = Math.max(Math.abs(value), step);
        if (magnitude >= 1e5 || magnitude < 1e-4) {
            return Html.minus(String.format(java.util.Locale.ROOT, "%.1e", value));
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return Html.minus(new BigDecimal(value).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString());
    }
}
