package dev.vmc.runtime.nn;

import dev.vmc.runtime.tensor.DataType;

/**
 * The arithmetic a network kernel needs, on buffers of one storage type {@code A} (float[] or
 * double[]): a matrix product, the fused bias-and-activation pass and its derivative, column
 * sums, and conversion from and to the graph's doubles. {@link MlpKernel} is written once
 * against it. An instance owns the product's packing buffers, so it belongs to one kernel.
 *
 * <p>The product, {@code C = op(A) op(B)}, follows the usual blocked scheme (as in GotoBLAS):
 * blocks of B and A are copied ("packed") into panels that a register-tiled microkernel reads
 * sequentially, {@link #mr} rows by {@link #nr} columns of C at a time; packing is where the
 * transposes are absorbed, so NN, NT and TN share one microkernel. Edge tiles are computed in
 * full on zero-padded panels into a scratch tile, and only their valid part is added into C.
 * Subclasses give the per-type packing and a microkernel: plain loops ({@link FloatNumerics},
 * {@link DoubleNumerics}) or the Vector API ({@link VectorFloatNumerics}, {@link VectorDoubleNumerics}).
 */
abstract class Numerics<A> {
    /** Rows of A and columns of B per block: the packed A block stays in L2, a B strip in L1. */
    private static final int KC = 256;

    /** The microkernel's tile: rows of C by columns of C. */
    final int mr;
    final int nr;
    private final int mc;
    private final int nc;
    private final A packedA;
    private final A packedB;
    private final A tile;

    Numerics(int mr, int nr) {
        this.mr = mr;
        this.nr = nr;
        this.mc = 24 * mr;
        this.nc = 16 * nr;
        this.packedA = allocate(mc * KC);
        this.packedB = allocate(KC * nc);
        this.tile = allocate(mr * nr);
    }

    /**
     * The fastest arithmetic for the type on this JVM: the Vector API's when the module
     * {@code jdk.incubator.vector} is in the boot layer (the JVM was started with
     * {@code --add-modules jdk.incubator.vector}), plain loops otherwise. The vector classes
     * are only touched behind that check, so the runtime loads without the module.
     */
    static Numerics<?> of(DataType type) {
        if (type == DataType.FLOAT32) {
            return VectorSupport.PRESENT ? new VectorFloatNumerics() : new FloatNumerics();
        }
        return VectorSupport.PRESENT ? new VectorDoubleNumerics() : new DoubleNumerics();
    }

    abstract A allocate(int n);

    /** {@code to[at..at+n) = from[start..start+n)}, rounded to the storage type. */
    abstract void load(double[] from, int start, A to, int at, int n);

    /** {@code to[at..at+n) = from[start..start+n)}, or {@code +=} when {@code add}. */
    abstract void export(A from, int start, double[] to, int at, int n, boolean add);

    /**
     * {@code c[offC..] (+)= op(a) op(b)} for row-major contiguous matrices: op(a) is m x k (a
     * stored k x m when {@code transA}), op(b) is k x n (stored n x k when {@code transB}), c
     * is m x n; it is overwritten unless {@code accumulate}.
     */
    final void gemm(boolean transA, boolean transB, int m, int n, int k, A a, int offA, A b, int offB, A c, int offC,
            boolean accumulate) {
        if (!accumulate) {
            zero(c, offC, m * n);
        }
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        int ncStep = blockSize(n, nc, nr);
        int kcStep = blockSize(k, KC, 1);
        int mcStep = blockSize(m, mc, mr);
        for (int jc = 0; jc < n; jc += ncStep) {
            int ncb = Math.min(ncStep, n - jc);
            for (int pc = 0; pc < k; pc += kcStep) {
                int kc = Math.min(kcStep, k - pc);
                packB(b, offB, ldb, transB, pc, kc, jc, ncb, packedB);
                for (int ic = 0; ic < m; ic += mcStep) {
                    int mcb = Math.min(mcStep, m - ic);
                    packA(a, offA, lda, transA, ic, mcb, pc, kc, packedA);
                    // a strip of B (kc x nr) stays in L1 while the strips of A stream past it
                    for (int jr = 0; jr < ncb; jr += nr) {
                        int cols = Math.min(nr, ncb - jr);
                        for (int ir = 0; ir < mcb; ir += mr) {
                            int rows = Math.min(mr, mcb - ir);
                            int at = offC + (ic + ir) * n + jc + jr;
                            if (rows == mr && cols == nr) {
                                kernel(kc, packedA, ir * kc, packedB, jr * kc, c, at, n);
                            } else {
                                zero(tile, 0, mr * nr);
                                kernel(kc, packedA, ir * kc, packedB, jr * kc, tile, 0, nr);
                                addTile(tile, rows, cols, c, at, n);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Blocks of at most {@code limit} (a multiple of {@code multiple}) that split {@code n}
     * evenly, rounded up to a multiple of {@code multiple} (a tile's side, so that only the last
     * block has a partial tile): k = 784 is four blocks of 196, not three of 256 and one of 16,
     * whose short run along k would spend as long loading and storing C as multiplying.
     */
    private static int blockSize(int n, int limit, int multiple) {
        int blocks = (n + limit - 1) / limit;
        int size = (n + blocks - 1) / blocks;
        return Math.min(limit, (size + multiple - 1) / multiple * multiple);
    }

    abstract void zero(A x, int from, int n);

    /**
     * Packs rows [i0, i0+rows) and columns [p0, p0+kc) of op(a) into strips of {@link #mr}
     * rows, each column-major ({@code to[s*mr*kc + p*mr + r]}), the last strip zero-padded.
     */
    abstract void packA(A a, int offA, int lda, boolean trans, int i0, int rows, int p0, int kc, A to);

    /**
     * Packs rows [p0, p0+kc) and columns [j0, j0+cols) of op(b) into strips of {@link #nr}
     * columns, each row-major ({@code to[t*nr*kc + p*nr + q]}), the last strip zero-padded.
     */
    abstract void packB(A b, int offB, int ldb, boolean trans, int p0, int kc, int j0, int cols, A to);

    /** {@code c[at + r*ldc + q] += sum_p pa[ia + p*mr + r] pb[ib + p*nr + q]} for the whole mr x nr tile. */
    abstract void kernel(int kc, A pa, int ia, A pb, int ib, A c, int at, int ldc);

    /** Adds the first rows x cols of an mr x nr tile into c. */
    abstract void addTile(A tile, int rows, int cols, A c, int at, int ldc);

    /**
     * The fused pass after a layer's product: {@code z[i,j] += bias[biasAt + j]}, then
     * {@code out[i,j] = f(z[i,j])}; z is kept for the derivative. For the identity out may be z.
     */
    abstract void biasActivate(A z, A bias, int biasAt, A out, int rows, int cols, Activation f);

    /** {@code g[i] *= f'(z[i])} in place (given a = f(z) too): an upstream gradient becomes z's. */
    abstract void activationGradient(A g, A z, A a, int n, Activation f);

    /** {@code to[at + j] = sum_i g[i*cols + j]}: a bias's gradient. */
    abstract void columnSums(A g, int rows, int cols, A to, int at);
}
