package dev.vmc.compiler.parse;

import java.util.function.Supplier;

/**
 * Runs the parse on a thread of its own with a stack far larger than it needs. ANTLR's
 * generated parser recurses once or twice per level of nesting, with frames of a few
 * hundred bytes to over a kilobyte (interpreted, or instrumented by a fuzzer), so at the
 * {@link Nesting} limit it may need more than a megabyte: more than a caller's thread may
 * have left. The limit is what guarantees a clean message; this keeps the limit reachable
 * from any caller. The stack is reserved, not committed: a parse touches only what it uses.
 */
final class BigStack {
    private static final long STACK_BYTES = 64L << 20;

    private BigStack() {}

    static <T> T run(Supplier<T> work) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                result[0] = work.get();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "vmc-parse", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                // A parse takes milliseconds: finish it, and leave the interrupt for the caller.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
