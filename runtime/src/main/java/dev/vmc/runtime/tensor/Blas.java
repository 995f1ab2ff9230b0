package dev.vmc.runtime.tensor;

import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix products big enough to repay a native call go to ND4J's BLAS; everything else stays
 * in Java loops. ND4J is loaded on first use, so small models never pay its start-up.
 * Counts its products, for the benchmark's "native calls per step".
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

    /** A row-major matrix copied to the native side, reusable while its values stay the same. */
    public static final class Matrix {
        private final INDArray array;

        private Matrix(INDArray array) {
            this.array = array;
        }
    }

    private Blas() {}

    public static long calls() {
        return CALLS.get();
    }

    public static boolean worthIt(long multiplyAdds) {
        return multiplyAdds >= THRESHOLD;
    }

    /** rows x cols values of {@code data} from {@code offset}, row-major, copied to the native side. */
    public static Matrix matrix(double[] data, int offset, int rows, int cols) {
        INDArray array = Nd4j.create(DataType.DOUBLE, new long[] {rows, cols}, 'c');
        array.data().setData(offset == 0 && data.length == rows * cols
                ? data : java.util.Arrays.copyOfRange(data, offset, offset + rows * cols));
        return new Matrix(array);
    }

    /** {@code c[offC..] += op(a) op(b)}, row-major, where op transposes when asked. */
    public static void gemm(Matrix a, boolean transA, Matrix b, boolean transB, double[] c, int offC) {
        CALLS.incrementAndGet();
        double[] result = Nd4j.gemm(a.array, b.array, transA, transB).data().asDouble();
        for (int i = 0; i < result.length; i++) {
            c[offC + i] += result[i];
        }
    }
}
