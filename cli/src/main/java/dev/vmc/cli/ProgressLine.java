package dev.vmc.cli;

import dev.vmc.runtime.guide.Site;
import dev.vmc.runtime.infer.FitListener;
import java.io.PrintStream;
import java.util.List;

/**
 * Shows a fit as it runs: on a terminal, one line redrawn in place a few times a second;
 * elsewhere (a log file, CI), a plain line every thousand steps, so logs stay readable.
 */
final class ProgressLine implements FitListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long PLAIN_EVERY = 1000;

    private final PrintStream out;
    private final boolean terminal;
    private long lastDraw;
    private boolean lineOpen;

    ProgressLine(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void plan(String guide, List<Site> sites) {
        PlanTable.print(out, guide, sites);
    }

    @Override
    public void message(String line) {
        closeLine();
        out.println(line);
    }

    @Override
    public void step(long step, long maxSteps, double elbo, double stepsPerSecond) {
        String text = String.format("step %6d/%d  ELBO %12.4f  %8.0f steps/s", step, maxSteps, elbo, stepsPerSecond);
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDraw >= REDRAW_NANOS || step == maxSteps) {
                out.print("\r" + text);
                out.flush();
                lineOpen = true;
                lastDraw = now;
            }
        } else if (step % PLAIN_EVERY == 0) {
            out.println(text);
        }
    }

    void closeLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }
}
