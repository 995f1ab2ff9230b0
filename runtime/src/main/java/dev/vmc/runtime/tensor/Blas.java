package dev.vmc.runtime.tensor;

import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix products big enough to repay a native call go to ND4J's BLAS; everything else stays
 * in Java loops. ND4J is loaded on first use, so small models never pay its start-up.
 * Counts its calls, for the benchmark's "native calls per step".
 */
public final class Blas {
    /**
     * Multiply-adds above which a native product wins despite copying in and out and ~30 us of
     * dispatch (bench/ measures this crossover).
     */
    public static final long THRESHOLD = 1L << 20;

    private static final AtomicLong CALLS = new AtomicLong();

    private Blas() {}

    public static long calls() {
        return CALLS.get();
    }

    public static boolean worthIt(long multiplyAdds) {
        return multiplyAdds >= THRESHOLD;
    }

    /**
     * {@code c[offC..] += op(A) op(B)}, all row-major; A is rowsA x colsA as stored, likewise B;
     * op transposes when asked.
     */
    public static void gemm(double[] a, int offA, int rowsA, int colsA, boolean transA,
            double[] b, int offB, int rowsB, int colsB, boolean transB, double[] c, int offC) {
        CALLS.incrementAndGet();
        INDArray left = matrix(a, offA, rowsA, colsA);
        INDArray right = matrix(b, offB, rowsB, colsB);
        INDArray product = Nd4j.gemm(left, right, transA, transB);
        double[] result = product.dup('c').data().asDouble();
        for (int i = 0; i < result.length; i++) {
            c[offC + i] += result[i];
        }
    }

    private static INDArray matrix(double[] data, int offset, int rows, int cols) {
        double[] slice = offset == 0 && data.length == rows * cols ? data : java.util.Arrays.copyOfRange(data, offset, offset + rows * cols);
        return Nd4j.create(slice, new long[] {rows, cols}, 'c').castTo(DataType.DOUBLE);
    }
}
