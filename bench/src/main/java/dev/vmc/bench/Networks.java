package dev.vmc.bench;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.nn.Activation;
import dev.vmc.runtime.nn.Mlp;
import dev.vmc.runtime.nn.Network;
import dev.vmc.runtime.tensor.DataType;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What one training step of the VAE's networks costs on one core: the encoder 784-400-100 and
 * the decoder 50-400-784 (softplus hidden layers) as {@link Mlp} kernels, forward and backward
 * at a batch of 128, in float32 and float64, against the same matrix products alone through
 * ND4J's gemm (OpenBLAS). The encoder's input is data (no gradient), the decoder's a latent draw
 * (with one). GFLOP/s counts the products' floating-point operations only, so the Mlp rows'
 * elementwise passes count against them. {@code bench/run network} runs ND4J on one thread
 * (OMP_NUM_THREADS=1), as the kernels are.
 */
final class Networks {
    private static final int BATCH = 128;
    private static final Network ENCODER = new Network("encoder", new int[] {784, 400, 100}, Activation.SOFTPLUS,
            Activation.IDENTITY);
    private static final Network DECODER = new Network("decoder", new int[] {50, 400, 784}, Activation.SOFTPLUS,
            Activation.IDENTITY);

    /** One network's kernel and its buffers; {@code inputGradient} when its input needs one. */
    private record Stage(Kernel kernel, Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
        void step() {
            kernel.forward(in, out);
            kernel.backward(in, out, gOut, gIn);
        }
    }

    /** One product of the step, C[m,n] = op(A) op(B) with k the inner size, and ND4J's buffers for it. */
    private record Product(int m, int n, int k, boolean transA, boolean transB) {}

    private Networks() {}

    static void print() {
        List<Product> products = new ArrayList<>();
        products.addAll(products(ENCODER, false));
        products.addAll(products(DECODER, true));
        double flops = products.stream().mapToDouble(p -> 2.0 * p.m() * p.n() * p.k()).sum();
        System.out.printf("VAE networks, fwd+bwd, batch %d, 1 thread (%.0f MFLOP of products per step; Vector API %s)%n",
                BATCH, flops / 1e6, ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                        ? "on" : "off: start the JVM with --add-modules jdk.incubator.vector");
        System.out.printf("%-36s %10s %10s%n", "", "ms/step", "GFLOP/s");
        for (DataType type : DataType.values()) {
            Stage encoder = stage(ENCODER, false, type);
            Stage decoder = stage(DECODER, true, type);
            row("vmc Mlp " + name(type), millis(() -> {
                encoder.step();
                decoder.step();
            }), flops);
        }
        for (org.nd4j.linalg.api.buffer.DataType type : List.of(org.nd4j.linalg.api.buffer.DataType.FLOAT,
                org.nd4j.linalg.api.buffer.DataType.DOUBLE)) {
            Runnable step = nd4jProducts(products, type);
            row("ND4J gemm, products only, " + type.name().toLowerCase(), millis(step), flops);
        }
    }

    private static String name(DataType type) {
        return type == DataType.FLOAT32 ? "float32" : "float64";
    }

    private static void row(String label, double millis, double flops) {
        System.out.printf("%-36s %10.2f %10.1f%n", label, millis, flops / (millis * 1e-3) / 1e9);
    }

    /** Each layer's forward product, its weights' gradient and (but for a first layer whose input is data) its input's. */
    private static List<Product> products(Network network, boolean inputGradient) {
        List<Product> products = new ArrayList<>();
        int[] widths = network.widths();
        for (int l = 0; l < network.layers(); l++) {
            products.add(new Product(BATCH, widths[l + 1], widths[l], false, false));
            products.add(new Product(widths[l], widths[l + 1], BATCH, true, false));
            if (l > 0 || inputGradient) {
                products.add(new Product(BATCH, widths[l], widths[l + 1], false, true));
            }
        }
        return products;
    }

    private static Stage stage(Network network, boolean inputGradient, DataType type) {
        SplittableRandom random = new SplittableRandom(1);
        Layout x = new Layout(new int[] {BATCH, network.inputs()}, false, 1, !inputGradient, type);
        Layout params = new Layout(new int[] {network.parameterCount()}, false, 1, false, type);
        Layout out = new Layout(new int[] {BATCH, network.outputs()}, false, 1, false, type);
        Kernel kernel = new Mlp(network).kernel(new Layout[] {x, params}, out);
        Tensor[] in = {gaussian(random, x.shape()), network.initialParameters(2)};
        Tensor[] gIn = {inputGradient ? new Tensor(x.shape()) : null, new Tensor(params.shape())};
        return new Stage(kernel, in, new Tensor(out.shape()), gaussian(random, out.shape()), gIn);
    }

    private static Runnable nd4jProducts(List<Product> products, org.nd4j.linalg.api.buffer.DataType type) {
        int count = products.size();
        INDArray[] a = new INDArray[count];
        INDArray[] b = new INDArray[count];
        INDArray[] c = new INDArray[count];
        for (int i = 0; i < count; i++) {
            Product p = products.get(i);
            a[i] = Nd4j.rand(type, p.transA() ? new long[] {p.k(), p.m()} : new long[] {p.m(), p.k()});
            b[i] = Nd4j.rand(type, p.transB() ? new long[] {p.n(), p.k()} : new long[] {p.k(), p.n()});
            c[i] = Nd4j.create(type, p.m(), p.n());
        }
        return () -> {
            for (int i = 0; i < count; i++) {
                Nd4j.gemm(a[i], b[i], c[i], products.get(i).transA(), products.get(i).transB(), 1.0, 0.0);
            }
        };
    }

    /**
     * Milliseconds per call: the median of 7 timed batches of about half a second each, after
     * at least two seconds and 100 calls of warm-up. Vector API code is very slow until C2
     * compiles it, which takes a number of loop iterations, not a time: the first calls of a
     * step can take a hundred times as long as the rest, so a warm-up of two seconds alone
     * may end before it is compiled.
     */
    private static double millis(Runnable step) {
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        for (int calls = 0; calls < 100 || System.nanoTime() < warmUntil; calls++) {
            step.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            step.run();
        }
        int perBatch = (int) Math.max(5, 500_000_000L * 10 / (System.nanoTime() - start));
        double[] batches = new double[7];
        for (int r = 0; r < batches.length; r++) {
            start = System.nanoTime();
            for (int i = 0; i < perBatch; i++) {
                step.run();
            }
            batches[r] = (System.nanoTime() - start) / 1e6 / perBatch;
        }
        Arrays.sort(batches);
        return batches[batches.length / 2];
    }

    private static Tensor gaussian(SplittableRandom random, int[] shape) {
        Tensor t = new Tensor(shape);
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = random.nextGaussian();
        }
        return t;
    }
}
