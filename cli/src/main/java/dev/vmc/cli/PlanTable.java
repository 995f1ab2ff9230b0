package dev.vmc.cli;

import dev.vmc.runtime.guide.Site;
import dev.vmc.runtime.tensor.Shapes;
import java.io.PrintStream;
import java.util.List;

/** Prints the plan: for each latent, its support, its guide, and which gradient estimator it gets and why. */
final class PlanTable {
    private PlanTable() {}

    static void print(PrintStream out, String guide, List<Site> sites) {
        out.print(format(guide, sites));
    }

    static String format(String guide, List<Site> sites) {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(text);
        out.println("plan (guide: " + guide + "):");
        int nameWidth = Math.max(6, sites.stream().mapToInt(s -> label(s).length()).max().orElse(6));
        int supportWidth = Math.max(7, sites.stream().mapToInt(s -> s.support().describe().length()).max().orElse(7));
        int familyWidth = Math.max(5, sites.stream().mapToInt(s -> s.family().length()).max().orElse(5));
        String row = "  %-" + nameWidth + "s  %-" + supportWidth + "s  %-" + familyWidth + "s  %s%n";
        out.printf(row, "latent", "support", "guide", "gradient estimator");
        for (Site s : sites) {
            out.printf(row, label(s), s.support().describe(), s.family(),
                    s.estimator().description() + ": " + s.reason());
        }
        out.flush();
        return text.toString();
    }

    private static String label(Site s) {
        return s.shape().length == 0 ? s.latent() : s.latent() + Shapes.format(s.shape());
    }
}
