package dev.vmc.runtime.graph;

import java.util.Arrays;

/**
 * Index maps for broadcasting an input onto an output. The particle dimension lines up with
 * the particle dimension; model dimensions line up from the right, numpy-style. So a
 * per-particle scalar meets an unbatched matrix correctly, which plain numpy alignment of
 * the physical shapes would get wrong.
 */
public final class Broadcast {
    private Broadcast() {}

    /**
     * For each output element, the offset of the input element that meets it; null when the
     * input already has the output's layout (the identity map).
     */
    public static int[] indexMap(Layout in, Layout out) {
        if (in.batched() == out.batched() && Arrays.equals(in.shape(), out.shape())) {
            return null;
        }
        if (in.batched() && !out.batched()) {
            throw new IllegalArgumentException("cannot broadcast a per-particle value onto a shared one");
        }
        int[] outPhysical = out.physical();
        int[] strides = new int[outPhysical.length];
        int stride = 1;
        int[] inShape = in.shape();
        if (inShape.length > out.shape().length) {
            throw new IllegalArgumentException("input has more dimensions than the output");
        }
        for (int k = 0; k < inShape.length; k++) {
            int inDim = inShape[inShape.length - 1 - k];
            int axis = outPhysical.length - 1 - k;
            if (inDim != 1 && inDim != outPhysical[axis]) {
                throw new IllegalArgumentException("dimension " + inDim + " cannot broadcast to " + outPhysical[axis]);
            }
            strides[axis] = inDim == 1 ? 0 : stride;
            stride *= inDim;
        }
        if (out.batched()) {
            strides[0] = in.batched() ? stride : 0;
        }
        int[] map = new int[out.size()];
        int[] index = new int[outPhysical.length];
        int offset = 0;
        for (int i = 0; i < map.length; i++) {
            map[i] = offset;
            for (int axis = outPhysical.length - 1; axis >= 0; axis--) {
                index[axis]++;
                offset += strides[axis];
                if (index[axis] < outPhysical[axis]) {
                    break;
                }
                offset -= strides[axis] * index[axis];
                index[axis] = 0;
            }
        }
        return map;
    }

    /** The model shape elementwise operands broadcast to, or a ShapeException naming both. */
    public static int[] shape(int[]... shapes) {
        int[] out = shapes[0];
        for (int i = 1; i < shapes.length; i++) {
            int[] next = dev.vmc.runtime.tensor.Shapes.broadcast(out, shapes[i]);
            if (next == null) {
                throw new ShapeException("shapes " + dev.vmc.runtime.tensor.Shapes.format(out) + " and "
                        + dev.vmc.runtime.tensor.Shapes.format(shapes[i]) + " do not broadcast");
            }
            out = next;
        }
        return out;
    }

    /** Reads input element {@code i} of the output's iteration through an optional map. */
    public static int at(int[] map, int i) {
        return map == null ? i : map[i];
    }
}
