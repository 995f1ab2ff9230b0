package dev.vmc.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The plain loops, which run when the JVM lacks the Vector API's module, against the vector
 * kernels, a whole network's values and gradients for every activation, in both storage types.
 */
class MlpFallbackTest {
    private static final int ROWS = 13;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void loopsAgreeWithVectors(Activation activation) {
        Network network = new Network("net", new int[] {37, 53, 19}, activation, activation);
        compare(network, new FloatNumerics(), new VectorFloatNumerics(), 1e-5);
        compare(network, new DoubleNumerics(), new VectorDoubleNumerics(), 1e-12);
    }

    private static <A> void compare(Network network, Numerics<A> loops, Numerics<A> vectors, double tolerance) {
        double[][] expected = step(new MlpKernel<>(network, ROWS, loops), network);
        double[][] actual = step(new MlpKernel<>(network, ROWS, vectors), network);
        String[] names = {"values", "d/d x", "d/d params"};
        for (int i = 0; i < names.length; i++) {
            double scale = 0;
            double worst = 0;
            for (int j = 0; j < expected[i].length; j++) {
                scale = Math.max(scale, Math.abs(expected[i][j]));
                worst = Math.max(worst, Math.abs(expected[i][j] - actual[i][j]));
            }
            assertTrue(worst <= tolerance * scale, loops.getClass().getSimpleName() + ", " + names[i] + ": worst difference "
                    + worst + " against a largest value of " + scale);
        }
    }

    /** The output, the input's gradient and the parameters' after one forward and backward pass. */
    private static double[][] step(MlpKernel<?> kernel, Network network) {
        SplittableRandom random = new SplittableRandom(4);
        Tensor x = NetworkGraph.gaussian(random, ROWS * network.inputs());
        Tensor gOut = NetworkGraph.gaussian(random, ROWS * network.outputs());
        Tensor out = new Tensor(new int[] {ROWS * network.outputs()});
        Tensor[] in = {x, network.initialParameters(9)};
        Tensor[] gIn = {new Tensor(x.shape), new Tensor(new int[] {network.parameterCount()})};
        kernel.forward(in, out);
        kernel.backward(in, out, gOut, gIn);
        return new double[][] {out.data, gIn[0].data, gIn[1].data};
    }
}
