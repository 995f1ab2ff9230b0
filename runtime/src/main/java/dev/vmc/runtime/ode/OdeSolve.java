package dev.vmc.runtime.ode;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The solution of {@code dy/dt = f(t, y, theta)} at T output times: inputs y0 [N], t0 [],
 * ts [T] and then the parts of theta, any number of nodes of any shapes whose flattened values,
 * in order, make theta [K] (a Stan call's arguments after its times, so no concatenation is
 * needed); output [T, N], row i being {@code y(ts[i])}. Gradients reach every input: y0 and theta through the forward
 * sensitivities integrated with the states, ts through {@code f(ts[i], y(ts[i]))} and t0
 * through {@code -S_y0 f(t0, y0)}.
 *
 * <p>A solve that hits a limit (see {@link OdeFailure}) gives NaN for that particle, so a
 * fit skips the step as Stan rejects the point; {@link Kernel#failure} says why.
 *
 * @param function   the Stan function that asked for it ("ode_rk45", "integrate_ode_bdf"), for messages
 * @param states     N
 * @param parameters K
 * @param systems    makes the right-hand side, one for each kernel (each may keep scratch space)
 */
public record OdeSolve(String function, int states, int parameters, OdeTolerances tolerances,
        Supplier<OdeSystem> systems) implements Op {

    @Override
    public String name() {
        return function;
    }

    @Override
    public int[] outputShape(int[][] in) {
        if (in.length < 3) {
            throw new ShapeException("expects y0, t0, ts and the parameters, got " + in.length + " inputs");
        }
        if (in[0].length != 1 || in[0][0] != states) {
            throw new ShapeException("the initial state must be a vector of " + states + ", got " + Arrays.toString(in[0]));
        }
        if (in[1].length != 0) {
            throw new ShapeException("the initial time must be a single value, got " + Arrays.toString(in[1]));
        }
        if (in[2].length != 1) {
            throw new ShapeException("the output times must be a vector, got " + Arrays.toString(in[2]));
        }
        int size = 0;
        for (int i = 3; i < in.length; i++) {
            size += dev.vmc.runtime.tensor.Shapes.size(in[i]);
        }
        if (size != parameters) {
            throw new ShapeException("the right-hand side takes " + parameters + " parameters, the call gives " + size);
        }
        return new int[] {in[2][0], states};
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        return new OdeSolveKernel(this, inputs, output);
    }
}
