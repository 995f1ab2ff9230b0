package dev.vmc.bench;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.MatMul;
import dev.vmc.runtime.tensor.Blas;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The measurement behind {@link Blas#THRESHOLD}: a shared data matrix of the regression's shape
 * times one vector per particle, forward and backward, through MatMul's Java loops and through
 * ND4J's BLAS, at growing particle counts; prints both and where BLAS starts to win.
 */
final class Crossover {
    private static final int[] PARTICLES = {1, 10, 35, 100, 300, 1000};

    private Crossover() {}

    static void print() {
        int m = Regression.N;
        int k = Regression.K;
        System.out.printf("%-28s", "X[" + m + "," + k + "] x b, fwd+bwd (us)");
        for (int s : PARTICLES) {
            System.out.printf(" %9s", "S=" + s);
        }
        System.out.println();
        StringBuilder java = new StringBuilder(String.format("%-28s", "Java loops (MatMul)"));
        StringBuilder blas = new StringBuilder(String.format("%-28s", "ND4J BLAS"));
        int crossover = -1;
        for (int s : PARTICLES) {
            double loops = micros(m, k, s, false);
            double nativeBlas = micros(m, k, s, true);
            java.append(String.format(" %9.0f", loops));
            blas.append(String.format(" %9.0f", nativeBlas));
            if (crossover < 0 && nativeBlas < loops) {
                crossover = s;
            }
        }
        System.out.println(java);
        System.out.println(blas);
        System.out.printf("BLAS first wins at %s; the threshold sends %,d multiply-adds and more to it (S >= %d here).%n",
                crossover < 0 ? "none of these" : String.format("S = %d (%,d multiply-adds)", crossover, (long) crossover * m * k),
                Blas.THRESHOLD, (Blas.THRESHOLD + (long) m * k - 1) / ((long) m * k));
    }

    private static double micros(int m, int k, int particles, boolean nativeBlas) {
        SplittableRandom random = new SplittableRandom(1);
        Tensor a = filled(random, m, k);
        Tensor b = filled(random, particles, k);
        Tensor gOut = filled(random, particles, m);
        Tensor out = new Tensor(new int[] {particles, m});
        Tensor gB = new Tensor(new int[] {particles, k});
        Tensor[] in = {a, b};
        Tensor[] gIn = {null, gB};
        Kernel kernel = MatMul.sharedMatrix(m, k, particles, true, nativeBlas);
        int calls = (int) Math.max(3, 20_000_000L / ((long) particles * m * k));
        double[] batches = new double[4];
        for (int r = 0; r < batches.length; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                kernel.forward(in, out);
                kernel.backward(in, out, gOut, gIn);
            }
            batches[r] = (System.nanoTime() - start) / 1e3 / calls;
        }
        double[] timed = Arrays.copyOfRange(batches, 1, batches.length); // the first warms up
        Arrays.sort(timed);
        return timed[timed.length / 2];
    }

    private static Tensor filled(SplittableRandom random, int rows, int cols) {
        Tensor t = new Tensor(new int[] {rows, cols});
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = random.nextGaussian();
        }
        return t;
    }
}
