package dev.vmc.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parameter layout, PyTorch's initialisation, the activations' names and Mlp's shape checks. */
class NetworkTest {
    private final Network vae = new Network("encoder", new int[] {784, 400, 100}, Activation.SOFTPLUS, Activation.IDENTITY);

    @Test
    void parametersAreEachLayersWeightsThenBias() {
        assertEquals(784 * 400 + 400 + 400 * 100 + 100, vae.parameterCount());
        assertEquals(0, vae.weightOffset(0));
        assertEquals(784 * 400, vae.biasOffset(0));
        assertEquals(784 * 400 + 400, vae.weightOffset(1));
        assertEquals(Activation.SOFTPLUS, vae.activation(0));
        assertEquals(Activation.IDENTITY, vae.activation(1));
    }

    @Test
    void initialParametersAreUniformWithinOneOverRootFanInAndReproducible() {
        Tensor first = vae.initialParameters(5);
        assertArrayEquals(first.data, vae.initialParameters(5).data);
        double[] bounds = {1 / Math.sqrt(784), 1 / Math.sqrt(400)};
        double[] largest = new double[2];
        for (int i = 0; i < first.size(); i++) {
            int layer = i < vae.weightOffset(1) ? 0 : 1;
            assertTrue(Math.abs(first.data[i]) <= bounds[layer], "parameter " + i);
            largest[layer] = Math.max(largest[layer], Math.abs(first.data[i]));
        }
        assertTrue(largest[0] > 0.99 * bounds[0] && largest[1] > 0.99 * bounds[1], "fills the interval");
    }

    @Test
    void activationsGoByTheLanguagesNames() {
        for (Activation a : Activation.values()) {
            assertEquals(Optional.of(a), Activation.byName(a.toString()));
        }
        assertEquals("softplus", Activation.SOFTPLUS.toString());
        assertEquals(Optional.empty(), Activation.byName("gelu"));
    }

    @Test
    void softplusNeitherOverflowsNorLosesSmallValues() {
        assertEquals(1000, Activation.SOFTPLUS.value(1000), 0);
        assertEquals(Math.exp(-50), Activation.SOFTPLUS.value(-50), 1e-35);
    }

    @Test
    void mlpChecksItsInputsShapes() {
        Graph graph = new Graph();
        Mlp mlp = new Mlp(new Network("small", new int[] {3, 2}, Activation.RELU, Activation.IDENTITY));
        assertEquals("small", mlp.describe());
        assertArrayEquals(new int[] {5, 2}, graph.apply(mlp, graph.constant(new Tensor(new int[] {5, 3})),
                graph.parameter("w", new Tensor(new int[] {8}))).shape);
        assertThrows(ShapeException.class, () -> graph.apply(mlp, graph.constant(new Tensor(new int[] {5, 4})),
                graph.parameter("v", new Tensor(new int[] {8}))));
        assertThrows(ShapeException.class, () -> graph.apply(mlp, graph.constant(new Tensor(new int[] {3})),
                graph.parameter("u", new Tensor(new int[] {7}))));
    }
}
