package dev.vmc.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.vmc.runtime.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A step gives the same bits however far the JIT has got: the first runs in the interpreter,
 * later ones in C2's code. The Vector API's own EXP, LOG1P and TANH differ between the two
 * (Java's Math against Intel's SVML), so a fit's early steps would depend on compile timing;
 * the kernels' own polynomials, of basic operations only, do not.
 */
class MlpReproducibilityTest {
    private static final int ROWS = 16;
    private static final int STEPS = 2000;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void theFirstStepEqualsACompiledOne(Activation activation) {
        Network network = new Network("net", new int[] {40, 64, 30}, activation, activation);
        check(network, new MlpKernel<>(network, ROWS, new VectorFloatNumerics()));
        check(network, new MlpKernel<>(network, ROWS, new VectorDoubleNumerics()));
    }

    private static void check(Network network, MlpKernel<?> kernel) {
        SplittableRandom random = new SplittableRandom(6);
        Tensor x = NetworkGraph.gaussian(random, ROWS * network.inputs());
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] *= 3; // into softplus' and tanh's tails too
        }
        Tensor[] in = {x, network.initialParameters(2)};
        Tensor out = new Tensor(new int[] {ROWS * network.outputs()});
        Tensor gOut = NetworkGraph.gaussian(random, ROWS * network.outputs());
        Tensor[] gIn = {new Tensor(x.shape), new Tensor(new int[] {network.parameterCount()})};
        double[][] first = null;
        for (int step = 0; step < STEPS; step++) {
            gIn[0].fill(0);
            gIn[1].fill(0);
            kernel.forward(in, out);
            kernel.backward(in, out, gOut, gIn);
            if (first == null) {
                first = new double[][] {out.data.clone(), gIn[0].data.clone(), gIn[1].data.clone()};
            }
        }
        assertArrayEquals(first[0], out.data, 0, "values");
        assertArrayEquals(first[1], gIn[0].data, 0, "d/d x");
        assertArrayEquals(first[2], gIn[1].data, 0, "d/d params");
    }
}
