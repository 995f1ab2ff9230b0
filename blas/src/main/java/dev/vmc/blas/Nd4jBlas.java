package dev.vmc.blas;

import dev.vmc.runtime.tensor.BlasProvider;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's BLAS (OpenBLAS, through nd4j-native) for vmc's large matrix products. The runtime
 * finds it with {@link java.util.ServiceLoader} when this jar is on the class path and a
 * product is big enough to want it ({@code dev.vmc.runtime.tensor.Blas}); ND4J itself loads on
 * the first product, never for models whose products stay in Java loops.
 */
public final class Nd4jBlas implements BlasProvider {
    private static final class Nd4jMatrix implements Matrix {
        private final INDArray array;

        private Nd4jMatrix(INDArray array) {
            this.array = array;
        }
    }

    /** For ServiceLoader: touches nothing of ND4J. */
    public Nd4jBlas() {}

    @Override
    public String name() {
        return "ND4J's BLAS (nd4j-native, OpenBLAS)";
    }

    @Override
    public Matrix matrix(double[] data, int offset, int rows, int cols) {
        INDArray array = Nd4j.create(DataType.DOUBLE, new long[] {rows, cols}, 'c');
        array.data().setData(offset == 0 && data.length == rows * cols
                ? data : Arrays.copyOfRange(data, offset, offset + rows * cols));
        return new Nd4jMatrix(array);
    }

    @Override
    public void gemm(Matrix a, boolean transA, Matrix b, boolean transB, double[] c, int offC) {
        double[] result = Nd4j.gemm(((Nd4jMatrix) a).array, ((Nd4jMatrix) b).array, transA, transB).data().asDouble();
        for (int i = 0; i < result.length; i++) {
            c[offC + i] += result[i];
        }
    }
}
