package dev.vmc.bench;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The measurement behind the runtime's design: what one elementwise op costs as an ND4J call
 * and as a Java loop over a double[], at the sizes models have. The reverse mode does a few
 * dozen such ops per step, so per-op dispatch decides the cost of small models.
 */
final class OpCost {
    private static final int[] SIZES = {10, 1_000, 100_000};

    private OpCost() {}

    static void print() {
        System.out.printf("%-28s %12s %12s %12s%n", "one elementwise a*b+a (us)", "n=10", "n=1,000", "n=100,000");
        StringBuilder nd4jRow = new StringBuilder(String.format("%-28s", "ND4J (muli, addi)"));
        StringBuilder javaRow = new StringBuilder(String.format("%-28s", "Java loop over double[]"));
        for (int s = 0; s < SIZES.length; s++) {
            int n = SIZES[s];
            nd4jRow.append(String.format(" %12.2f", nd4jMicros(n)));
            javaRow.append(String.format(" %12.2f", javaMicros(n)));
        }
        System.out.println(nd4jRow);
        System.out.println(javaRow);
    }

    private static int repetitions(int n) {
        return (int) Math.max(200, 2_000_000L / n);
    }

    private static double nd4jMicros(int n) {
        INDArray a = Nd4j.rand(DataType.DOUBLE, n);
        INDArray b = Nd4j.rand(DataType.DOUBLE, n);
        INDArray c = Nd4j.create(DataType.DOUBLE, n);
        return median(() -> {
            c.assign(a);
            c.muli(b).addi(a);
        }, repetitions(n));
    }

    private static double javaMicros(int n) {
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        Arrays.fill(a, 0.5);
        Arrays.fill(b, 1.5);
        return median(() -> {
            for (int i = 0; i < n; i++) {
                c[i] = a[i] * b[i] + a[i];
            }
        }, repetitions(n));
    }

    /** Median over 5 timed batches, after a warm-up batch, in microseconds per call. */
    private static double median(Runnable op, int calls) {
        double[] batches = new double[6];
        for (int r = 0; r < batches.length; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                op.run();
            }
            batches[r] = (System.nanoTime() - start) / 1e3 / calls;
        }
        double[] timed = Arrays.copyOfRange(batches, 1, batches.length);
        Arrays.sort(timed);
        return timed[timed.length / 2];
    }
}
