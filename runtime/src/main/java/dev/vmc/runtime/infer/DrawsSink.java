package dev.vmc.runtime.infer;

import java.util.List;

/**
 * Where a fit's posterior draws go, one at a time, as they are made: to draws.csv, say, so
 * that no more than one draw is ever held in memory. A resampled draw arrives as often as it
 * was drawn.
 */
public interface DrawsSink {
    /** Before the first draw: the names of the values in each draw, as draws.csv names them. */
    void begin(List<String> columns);

    /**
     * One draw: every reported value on its constrained scale, and log p and log q of the draw
     * on the guide's space. The array is reused for the next draw: copy what must be kept.
     */
    void draw(double[] values, double logP, double logQ);
}
