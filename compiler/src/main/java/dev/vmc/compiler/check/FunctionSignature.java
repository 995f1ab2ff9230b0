package dev.vmc.compiler.check;

import java.util.List;

/**
 * A user-defined function's parameter and return types, as the checker matches calls against
 * them: what the functions block declares. ODE solvers check their right-hand side with it.
 */
public record FunctionSignature(String name, List<Type> parameters, Type result) {
    public FunctionSignature {
        parameters = List.copyOf(parameters);
    }
}
