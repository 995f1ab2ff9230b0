package dev.vmc.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.ThreadMXBean;
import dev.vmc.runtime.tensor.Tensor;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * A step of a network allocates nothing: every buffer is the kernel's from its construction.
 * Measured on the plain loops, which allocate nothing even before they are compiled (Vector
 * API code allocates its vectors until C2 compiles it away).
 */
class MlpAllocationTest {
    @Test
    void forwardAndBackwardAllocateNothing() {
        Network network = new Network("net", new int[] {9, 11, 4}, Activation.SOFTPLUS, Activation.SIGMOID);
        int rows = 6;
        MlpKernel<float[]> kernel = new MlpKernel<>(network, rows, new FloatNumerics());
        Tensor[] in = {Tensor.filled(new int[] {rows, 9}, 0.5), network.initialParameters(1)};
        Tensor out = new Tensor(new int[] {rows, 4});
        Tensor gOut = Tensor.filled(new int[] {rows, 4}, 1);
        Tensor[] gIn = {new Tensor(new int[] {rows, 9}), new Tensor(new int[] {network.parameterCount()})};
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        kernel.forward(in, out);
        kernel.backward(in, out, gOut, gIn);
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int step = 0; step < 3; step++) {
            kernel.forward(in, out);
            kernel.backward(in, out, gOut, gIn);
        }
        assertEquals(0, threads.getCurrentThreadAllocatedBytes() - before, "bytes allocated by three steps");
    }
}
