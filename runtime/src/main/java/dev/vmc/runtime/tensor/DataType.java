package dev.vmc.runtime.tensor;

/** The storage type of a network's values. */
public enum DataType {
    FLOAT32, FLOAT64
}
