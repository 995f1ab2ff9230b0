package dev.vmc.cli;

import java.time.Instant;

/**
 * With {@code VMC_PHASES} set in the environment, prints to stderr the milliseconds each phase
 * of a command took: how start-up time is measured and kept in check. The first phase runs
 * from when bin/vmc started (it puts that time, in epoch milliseconds, in VMC_PHASES), or else
 * from the process's start as the system reports it (to about a second).
 */
final class Phases {
    private static final String SETTING = System.getenv("VMC_PHASES");
    private static final boolean ON = SETTING != null;
    private static long last = ON ? start() : 0;
    private static final long FIRST = last;

    private Phases() {}

    private static long start() {
        try {
            return Long.parseLong(SETTING);
        } catch (NumberFormatException e) {
            return ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(System.currentTimeMillis());
        }
    }

    /** Ends the phase called {@code name}. */
    static void end(String name) {
        if (ON) {
            long now = System.currentTimeMillis();
            System.err.printf("vmc phase %-28s %6d ms%n", name, now - last);
            last = now;
        }
    }

    /** The time since the process started. */
    static void total() {
        if (ON) {
            System.err.printf("vmc phase %-28s %6d ms%n", "total", System.currentTimeMillis() - FIRST);
        }
    }
}
