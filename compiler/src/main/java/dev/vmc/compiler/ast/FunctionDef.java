package dev.vmc.compiler.ast;

import java.util.List;

/**
 * A user-defined function of Stan's functions block: {@code vector f(data real x, array[] vector y) { ... }}.
 * Its parameters and locals have names of their own (see parse/LocalNames), so they never clash
 * with the program's names; calls are inlined where they are lowered.
 *
 * @param result the result's type, or null for {@code void}
 * @param body   the statements, or null for a forward declaration ({@code ...;})
 */
public record FunctionDef(Pos pos, String name, ArgumentType result, List<Parameter> parameters, List<Stmt> body) {
    /** An unsized type of an argument or a result: {@code array[,] real} is REAL of array rank 2. */
    public record ArgumentType(Pos pos, TypeExpr.Base base, int arrayRank) {}

    /** One parameter; {@code decl} carries its (unique) name and a size-less type for the symbol table. */
    public record Parameter(Pos pos, boolean data, ArgumentType type, Decl decl) {}

    public boolean isVoid() {
        return result == null;
    }

    public boolean isDefinition() {
        return body != null;
    }
}
