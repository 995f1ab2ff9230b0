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
     * Multiply-adds above which a native product wins despite copying in and out and ~30 us of
     * dispatch (bench/ measures this crossover).
     */
    public static final long THRESHOLD = 1L << 22;

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
