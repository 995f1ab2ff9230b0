package dev.vmc.runtime.tensor;

/**
 * A native BLAS for {@link Blas}'s large matrix products. The runtime has none of its own: it
 * finds one with {@link java.util.ServiceLoader} when a product is big enough to want it, and
 * the {@code vmc-blas} artifact provides ND4J's (OpenBLAS). An implementation must be cheap to
 * construct: its native library should load on first use, not in the constructor, since the
 * runtime instantiates it only to try it.
 */
public interface BlasProvider {
    /** A matrix copied to the native side; only the provider that made it reads it. */
    interface Matrix {}

    /** What this is, for messages: e.g. "ND4J 1.0.0-M2.1 (OpenBLAS)". */
    String name();

    /** rows x cols values of {@code data} from {@code offset}, row-major, copied to the native side. */
    Matrix matrix(double[] data, int offset, int rows, int cols);

    /** {@code c[offC..] += op(a) op(b)}, row-major, where op transposes when asked. */
    void gemm(Matrix a, boolean transA, Matrix b, boolean transB, double[] c, int offC);
}
