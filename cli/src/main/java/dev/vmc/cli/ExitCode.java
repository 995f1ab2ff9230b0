package dev.vmc.cli;

/** Exit codes, so scripts can tell a mistake in the call from one in the model or data. */
final class ExitCode {
    static final int OK = 0;
    /** Something went wrong inside vmc: a bug to report. */
    static final int INTERNAL = 1;
    /** The command line itself: unknown option, missing file, an output folder in the way. */
    static final int USAGE = 2;
    /** The program does not compile. */
    static final int MODEL = 3;
    /** The data cannot be read or do not match the data block. */
    static final int DATA = 4;
    /** The fit broke down (the ELBO stayed non-finite, or the posterior is improper); nothing was written. */
    static final int FIT = 5;
    /** The fit ended without converging (diverged, out of steps, unstable): outputs written, not to be trusted. */
    static final int UNTRUSTED = 6;

    private ExitCode() {}
}
