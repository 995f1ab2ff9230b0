package dev.vmc.runtime.tensor;

import java.util.Iterator;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Matrix products big enough to repay a native call go to a native BLAS; everything else stays
 * in Java loops. The runtime has no BLAS of its own: a {@link BlasProvider} is looked up with
 * {@link ServiceLoader} the first time a product is big enough to want one (the
 * {@code vmc-blas} artifact provides ND4J's), so small models never search the class path, and
 * a class path without one runs every product in Java, with a note for the fit's messages when
 * a product was big enough to want it. Counts its products, for the benchmark's "native calls
 * per step".
 */
public final class Blas {
    /**
     * Multiply-adds from which a product goes native. bench/ measures the crossover for a
     * regression's shape (a 5,000 x 24 data matrix times one vector per particle, forward and
     * backward): on the project's 2-core machines MatMul's Java loops beat ND4J's gemm at every
     * particle count measured, up to 1,000 (120 million multiply-adds: 68 ms against 379 ms,
     * OMP_NUM_THREADS=1), so the threshold sits above that; products with a long inner
     * dimension (networks) may cross over sooner, and should be measured before lowering it.
     */
    public static final long THRESHOLD = 1L << 28;

    private static final AtomicLong CALLS = new AtomicLong();
    private static final AtomicReference<String> NOTE = new AtomicReference<>();
    private static volatile boolean noted;

    private Blas() {}

    public static long calls() {
        return CALLS.get();
    }

    public static boolean worthIt(long multiplyAdds) {
        return multiplyAdds >= THRESHOLD;
    }

    /**
     * Whether a product of {@code multiplyAdds} should go native: it is {@linkplain #worthIt
     * worth it} and a provider is on the class path. When it is worth it and there is none, a
     * note saying so is left for {@link #takeNote}.
     */
    public static boolean use(long multiplyAdds) {
        if (!worthIt(multiplyAdds)) {
            return false;
        }
        if (Found.PROVIDER != null) {
            return true;
        }
        if (!noted) {
            NOTE.compareAndSet(null, String.format(Locale.ROOT, "note: a matrix product of %,d multiply-adds runs in Java loops: %s",
                    multiplyAdds, Found.ABSENCE));
        }
        return false;
    }

    /** Whether a native BLAS was found (this searches the class path the first time). */
    public static boolean available() {
        return Found.PROVIDER != null;
    }

    /** The native BLAS in use, or why there is none. */
    public static String describe() {
        return Found.PROVIDER != null ? Found.PROVIDER.name() : Found.ABSENCE;
    }

    /**
     * The note left by the first product that wanted a native BLAS and ran without one, once
     * per JVM (it is about the class path), or null. A fit passes it on to its messages.
     */
    public static String takeNote() {
        String note = NOTE.getAndSet(null);
        if (note != null) {
            noted = true;
        }
        return note;
    }

    /** rows x cols values of {@code data} from {@code offset}, row-major, copied to the native side. */
    public static BlasProvider.Matrix matrix(double[] data, int offset, int rows, int cols) {
        return provider().matrix(data, offset, rows, cols);
    }

    /** {@code c[offC..] += op(a) op(b)}, row-major, where op transposes when asked. */
    public static void gemm(BlasProvider.Matrix a, boolean transA, BlasProvider.Matrix b, boolean transB,
            double[] c, int offC) {
        CALLS.incrementAndGet();
        provider().gemm(a, transA, b, transB, c, offC);
    }

    private static BlasProvider provider() {
        if (Found.PROVIDER == null) {
            throw new IllegalStateException("no native BLAS: " + Found.ABSENCE);
        }
        return Found.PROVIDER;
    }

    /** The class path is searched when this class is first touched, which is on first need. */
    private static final class Found {
        static final BlasProvider PROVIDER;
        static final String ABSENCE;

        static {
            BlasProvider found = null;
            String absence = "no native BLAS is on the class path (add dev.vmc:vmc-blas for ND4J's)";
            Iterator<BlasProvider> providers = ServiceLoader.load(BlasProvider.class, Blas.class.getClassLoader()).iterator();
            while (found == null) {
                BlasProvider candidate = null;
                try {
                    if (!providers.hasNext()) {
                        break;
                    }
                    candidate = providers.next();
                    if (!works(candidate)) {
                        absence = candidate.name() + " gave a wrong product, so it is not used";
                        continue;
                    }
                    found = candidate;
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    // e.g. a native library built for another platform: the Java loops still work
                    absence = (candidate == null ? "a native BLAS" : candidate.name()) + " could not be loaded (" + e + ")";
                }
            }
            PROVIDER = found;
            ABSENCE = absence;
        }

        /** One product, 2 x 3 = 6: loads the native library now rather than in the middle of a fit. */
        private static boolean works(BlasProvider provider) {
            double[] c = {0};
            provider.gemm(provider.matrix(new double[] {2}, 0, 1, 1), false,
                    provider.matrix(new double[] {3}, 0, 1, 1), true, c, 0);
            return c[0] == 6;
        }
    }
}
