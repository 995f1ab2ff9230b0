package dev.vmc.runtime.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers appended as they are read, when how many there will be is known only at the end.
 * Kept in fixed-size chunks rather than one array that doubles: growing an array copies it
 * each time and needs old and new at once, up to three times the data at the last copy;
 * chunks are copied once, into the exact array {@link #toArray} returns, so reading a
 * 62 MB matrix peaks at twice its size.
 */
final class DoubleChunks {
    private static final int CHUNK = 1 << 16;

    private final List<double[]> full = new ArrayList<>();
    private double[] current = new double[16];
    private int used;

    void add(double value) {
        if (used == current.length) {
            grow();
        }
        current[used++] = value;
    }

    void addAll(double[] values) {
        for (double v : values) {
            add(v);
        }
    }

    long size() {
        return (long) full.size() * CHUNK + used;
    }

    /** Small values stay small: the first chunk doubles up to the chunk size before chunks are kept. */
    private void grow() {
        if (current.length < CHUNK) {
            current = java.util.Arrays.copyOf(current, Math.min(CHUNK, current.length * 2));
        } else {
            full.add(current);
            current = new double[CHUNK];
            used = 0;
        }
    }

    /** @throws DataException naming {@code what} if there are more values than a Java array holds */
    double[] toArray(String what) {
        long size = size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new DataException(what + " has " + size + " values, more than vmc can hold in one variable");
        }
        double[] out = new double[(int) size];
        int at = 0;
        for (double[] chunk : full) {
            System.arraycopy(chunk, 0, out, at, CHUNK);
            at += CHUNK;
        }
        System.arraycopy(current, 0, out, at, used);
        return out;
    }
}
