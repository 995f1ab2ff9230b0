package dev.vmc.runtime.tensor;

/**
 * The storage type of a network's values: the weights, activations and gradients a fused
 * network kernel ({@code dev.vmc.runtime.nn.Mlp}) keeps in its own buffers. Graph values stay
 * double either way; FLOAT32 halves the memory traffic and doubles the vector width of the
 * matrix products, which is where a network's time goes.
 */
public enum DataType {
    FLOAT32,
    FLOAT64
}
